package org.alliance.checkin;

import java.util.List;

/**
 * Everything the check-in services say in Slack, without them knowing Slack. The Slack
 * implementation renders blocks, escapes every piece of user text, and calls the Web API
 * through the rate-limit-aware client. Calls are made off Slack's request threads.
 */
public interface CheckInMessenger {

    /** A message the bot posted: where, and its ts (the thread root when {@code threadTs} is set). */
    record Posted(String channelId, String ts) {
    }

    /** Slack refused to post where asked; {@code message} explains it to the leader in plain words. */
    class CannotPost extends RuntimeException {
        public CannotPost(String message) {
            super(message);
        }
    }

    /**
     * Posts the parent message in {@code checkIn.channelId()}, as a reply in
     * {@code checkIn.threadTs()} when that is set (a check-in started by a mention).
     *
     * @throws CannotPost when the bot is not in the channel, it is archived, private, or missing
     */
    Posted postParent(CheckIn checkIn, Progress progress);

    /** Re-renders the parent: progress, and whether the check-in has ended. */
    void updateParent(CheckIn checkIn, Progress progress);

    /**
     * Removes what a check-in that could not be created after all had posted: its parent message
     * and, when it was opened, the leader's DM thread ({@code leaderChannelId}, {@code leaderThreadTs}).
     */
    void deleteParent(CheckIn checkIn);

    /** The participant's DM: who asks and why, who will see the answers, the due time, Answer and Not now. */
    Posted invite(CheckIn checkIn, Response response);

    /** Re-renders the participant's DM to match their response (answers and Edit, skipped, missed, ended). */
    void updateInvitation(CheckIn checkIn, Response response);

    /** Re-renders the DM of someone the leader took off the check-in: no answer is needed any more. */
    void released(CheckIn checkIn, Response response);

    /** Asks question {@code index} in the participant's DM thread. */
    void askInThread(CheckIn checkIn, Response response, int index);

    /** A short reply in the participant's DM thread (thanks, or what was wrong with a reply). */
    void replyInThread(Response response, String text);

    /** Opens the leader's DM thread that collects answers of a leader-only check-in. */
    Posted startLeaderThread(CheckIn checkIn);

    /**
     * Shares one answer as the visibility promises: in the leader's DM thread ({@code LEADER}) or
     * in the check-in thread ({@code THREAD}); never called for {@code ANONYMOUS}. Updates the
     * message at {@code existingTs} when the answer was shared before (an edit).
     *
     * @return the ts of the shared message
     */
    String shareAnswer(CheckIn checkIn, Response response, String existingTs);

    /** The unattributed summary, to the check-in thread and to the leader. */
    void postAnonymousSummary(CheckIn checkIn, List<Response> responses);

    /** Tells the leader that an anonymous check-in ended below the threshold, so no summary is shown. */
    void anonymousBelowThreshold(CheckIn checkIn, int answered);

    /**
     * When a check-in whose other answers carry names ends, the answers to its questions marked anonymous,
     * without names: to the leader, and to the check-in thread for {@code THREAD}, each question only
     * when at least the threshold answered it; the leader is told which questions' answers stay unseen.
     */
    void reportAnonymousQuestions(CheckIn checkIn, List<Response> responses);

    /** The leader's DM when a check-in ends: who answered, skipped and is missing, with a link to the thread. */
    void sendLeaderSummary(CheckIn checkIn, List<Response> responses);

    /** A plain DM to a user (for example the leader, when something after the ack went wrong). */
    void tell(String teamId, String userId, String text);
}

package org.alliance.checkin;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Random;

import com.slack.api.methods.response.chat.ChatDeleteResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import org.alliance.checkin.Out.Message;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackCallFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Says everything a check-in needs to say in Slack, through {@link SlackApi} (which waits out
 * rate limits). What the messages look like is up to the renderers ({@link ParentMessage} and the
 * other {@code *Message} classes); this class decides where they go and what to do when Slack says no.
 */
@Component
class SlackCheckInMessenger implements CheckInMessenger {

    private static final Logger log = LoggerFactory.getLogger(SlackCheckInMessenger.class);

    private final SlackApi api;
    private final SlackLookups lookups;
    private final EarlierAnswers earlierAnswers;
    private final Random random = new SecureRandom();
    private final AnonymousKeys keys;
    private final Clock clock;

    SlackCheckInMessenger(SlackApi api, SlackLookups lookups, AnonymousKeys keys, Clock clock,
                          EarlierAnswers earlierAnswers) {
        this.api = api;
        this.lookups = lookups;
        this.keys = keys;
        this.clock = clock;
        this.earlierAnswers = earlierAnswers;
    }

    @Override
    public Posted postParent(CheckIn checkIn, Progress progress) {
        Message m = ParentMessage.render(checkIn, progress, lookups.name(checkIn.teamId(), checkIn.leaderId()));
        ChatPostMessageResponse r = api.call(checkIn.teamId(), checkIn.channelId(), "chat.postMessage",
                c -> c.chatPostMessage(b -> b
                .channel(checkIn.channelId()).threadTs(checkIn.threadTs())
                .text(m.text()).blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false)));
        if (!r.isOk()) {
            log.info("Check-in {}: cannot post in {}: {}", checkIn.id(), checkIn.channelId(), r.getError());
            throw new CannotPost(ParentMessage.cannotPost(checkIn.channelId(), r.getError()));
        }
        return new Posted(r.getChannel(), r.getTs());
    }

    @Override
    public void updateParent(CheckIn checkIn, Progress progress) {
        if (checkIn.parentTs() == null) {
            return;
        }
        Message m = ParentMessage.render(checkIn, progress, lookups.name(checkIn.teamId(), checkIn.leaderId()));
        update(checkIn.teamId(), checkIn.channelId(), checkIn.parentTs(), m, "the parent of " + checkIn.id());
    }

    @Override
    public void deleteParent(CheckIn checkIn) {
        delete(checkIn, checkIn.channelId(), checkIn.parentTs(), "its parent message");
        delete(checkIn, checkIn.leaderChannelId(), checkIn.leaderThreadTs(), "the leader's DM thread");
    }

    private void delete(CheckIn checkIn, String channelId, String ts, String what) {
        if (channelId == null || ts == null) {
            return;
        }
        try {
            ChatDeleteResponse r = api.call(checkIn.teamId(), "chat.delete", c -> c.chatDelete(b -> b.channel(channelId).ts(ts)));
            if (!r.isOk()) {
                log.warn("Check-in {}: could not delete {}: {}", checkIn.id(), what, r.getError());
            }
        } catch (SlackCallFailed e) {
            log.warn("Check-in {}: could not delete {}: {}", checkIn.id(), what, e.getMessage());
        }
    }

    @Override
    public Posted invite(CheckIn checkIn, Response response) {
        Message m = InvitationMessage.render(checkIn, response, lookups.name(checkIn.teamId(), checkIn.leaderId()));
        // Posting to a user id lands in the bot's DM with them; Slack answers with the D… channel.
        ChatPostMessageResponse r = post(checkIn.teamId(), response.userId(), null, m);
        return new Posted(r.getChannel(), r.getTs());
    }

    @Override
    public void updateInvitation(CheckIn checkIn, Response response) {
        if (response.dmTs() == null || response.dmChannelId() == null) {
            return;
        }
        Message m = InvitationMessage.render(checkIn, response, lookups.name(checkIn.teamId(), checkIn.leaderId()));
        update(checkIn.teamId(), response.dmChannelId(), response.dmTs(), m,
                "the DM of " + response.userId() + " for " + checkIn.id());
    }

    @Override
    public void released(CheckIn checkIn, Response response) {
        if (response.dmTs() == null || response.dmChannelId() == null) {
            return;
        }
        update(checkIn.teamId(), response.dmChannelId(), response.dmTs(),
                InvitationMessage.released(checkIn, lookups.name(checkIn.teamId(), checkIn.leaderId())),
                "the DM of " + response.userId() + ", taken off " + checkIn.id());
    }

    @Override
    public void askInThread(CheckIn checkIn, Response response, int index) {
        Message m = ThreadQuestionMessage.render(checkIn, index);
        post(checkIn.teamId(), response.dmChannelId(), response.dmTs(), m);
    }

    @Override
    public void replyInThread(Response response, String text) {
        // Bot-authored mrkdwn: sent as it is.
        api.callOk(response.teamId(), response.dmChannelId(), "chat.postMessage", c -> c.chatPostMessage(b -> b
                .channel(response.dmChannelId()).threadTs(response.dmTs()).text(text)
                .unfurlLinks(false).unfurlMedia(false)));
    }

    @Override
    public Posted startLeaderThread(CheckIn checkIn) {
        ChatPostMessageResponse r = post(checkIn.teamId(), checkIn.leaderId(), null, LeaderThreadMessage.render(checkIn));
        return new Posted(r.getChannel(), r.getTs());
    }

    @Override
    public String shareAnswer(CheckIn checkIn, Response response, String existingTs) {
        String channel;
        String thread;
        switch (checkIn.visibility()) {
            case LEADER -> {
                // Its own message, not a reply in the intro's thread: Slack threads don't nest, and the
                // thread under each answer is where the leader and its author talk about it.
                channel = checkIn.leaderChannelId() != null ? checkIn.leaderChannelId() : checkIn.leaderId();
                thread = null;
            }
            case THREAD -> {
                channel = checkIn.channelId();
                thread = threadOf(checkIn);
            }
            default -> throw new IllegalStateException("check-in " + checkIn.id()
                    + " is anonymous: its answers are never shared one by one");
        }
        boolean edit = existingTs != null;
        Message m = SharedAnswerMessage.render(checkIn, response, lookups.name(checkIn.teamId(), response.userId()), edit,
                earlierAnswers.forLeaderCopy(checkIn, response));
        if (edit) {
            ChatUpdateResponse r = api.call(checkIn.teamId(), channel, "chat.update", c -> c.chatUpdate(b -> b
                    .channel(channel).ts(existingTs).text(m.text()).blocks(m.blocks())));
            if (r.isOk()) {
                return existingTs;
            }
            if (!"message_not_found".equals(r.getError()) && !"cant_update_message".equals(r.getError())) {
                throw new SlackCallFailed("chat.update", r.getError(), null);
            }
            // The shared message is gone: share the answer afresh rather than lose it.
            log.info("Check-in {}: shared answer of {} was gone ({}); posting it again", checkIn.id(),
                    response.userId(), r.getError());
        }
        return post(checkIn.teamId(), channel, thread, m).getTs();
    }

    @Override
    public void postAnonymousSummary(CheckIn checkIn, List<Response> responses) {
        if (checkIn.visibility() != Visibility.ANONYMOUS) {
            throw new IllegalStateException("check-in " + checkIn.id() + " is not anonymous");
        }
        int answered = (int) responses.stream().filter(r -> r.status() == ResponseStatus.ANSWERED).count();
        if (answered < checkIn.anonymousThreshold()) {
            // Never show answers below the promised threshold, whoever asked.
            log.warn("Check-in {}: summary requested with {} answers, below the threshold of {}; not shown",
                    checkIn.id(), answered, checkIn.anonymousThreshold());
            anonymousBelowThreshold(checkIn, answered);
            return;
        }
        post(checkIn.teamId(), checkIn.channelId(), threadOf(checkIn),
                AnonymousSummaryMessage.render(checkIn, responses, random, false));
        // The leader's copy has a Reply privately button per answer; its keys are stored before anyone can press one.
        AnonymousKeys.Batch batch = keys.batch(clock.instant());
        List<Message> leaderCopy = AnonymousLeaderSummary.render(checkIn, responses, random, batch::key);
        batch.save();
        leaderCopy.forEach(m -> post(checkIn.teamId(), checkIn.leaderId(), null, m));
    }

    @Override
    public void anonymousBelowThreshold(CheckIn checkIn, int answered) {
        post(checkIn.teamId(), checkIn.leaderId(), null, AnonymousSummaryMessage.belowThreshold(checkIn, answered));
    }

    @Override
    public void reportAnonymousQuestions(CheckIn checkIn, List<Response> responses) {
        if (checkIn.visibility() == Visibility.THREAD && !AnonymousQuestionsMessage.shown(checkIn, responses).isEmpty()) {
            post(checkIn.teamId(), checkIn.channelId(), threadOf(checkIn),
                    AnonymousQuestionsMessage.render(checkIn, responses, random, false));
        }
        post(checkIn.teamId(), checkIn.leaderId(), null,
                AnonymousQuestionsMessage.render(checkIn, responses, random, true));
    }

    @Override
    public void sendLeaderSummary(CheckIn checkIn, List<Response> responses) {
        String parent = checkIn.parentTs() != null ? checkIn.parentTs() : checkIn.threadTs();
        String threadLink = lookups.link(checkIn.teamId(), checkIn.channelId(), parent, "Open the check-in thread",
                MessageParts.channel(checkIn.channelId()));
        String answersLink = checkIn.visibility() == Visibility.LEADER && checkIn.leaderChannelId() != null
                ? lookups.link(checkIn.teamId(), checkIn.leaderChannelId(), checkIn.leaderThreadTs(), "our DM",
                        "our DM")
                : null;
        Message m = LeaderSummaryMessage.render(checkIn, responses, threadLink, answersLink, random,
                earlierAnswers.forSummary(checkIn, responses));
        post(checkIn.teamId(), checkIn.leaderId(), null, m);
    }

    @Override
    public void tell(String teamId, String userId, String text) {
        api.callOk(teamId, userId, "chat.postMessage", c -> c.chatPostMessage(b -> b.channel(userId).text(text)
                .unfurlLinks(false).unfurlMedia(false)));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ChatPostMessageResponse post(String teamId, String channel, String threadTs, Message m) {
        return api.callOk(teamId, channel, "chat.postMessage", c -> c.chatPostMessage(b -> b.channel(channel).threadTs(threadTs)
                .text(m.text()).blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false)));
    }

    /** Re-renders a message; a message someone deleted is not worth failing the caller for. */
    private void update(String teamId, String channel, String ts, Message m, String what) {
        ChatUpdateResponse r = api.call(teamId, channel, "chat.update",
                c -> c.chatUpdate(b -> b.channel(channel).ts(ts).text(m.text()).blocks(m.blocks())));
        if (!r.isOk()) {
            log.warn("Could not update {}: {}", what, r.getError());
        }
    }


    private static String threadOf(CheckIn checkIn) {
        return checkIn.threadTs() != null ? checkIn.threadTs() : checkIn.parentTs();
    }

    /** A display name for plain text (notifications); null when Slack can't say, and the text does without. */
}

package org.alliance.checkin;

import java.util.List;
import java.util.Optional;

import org.alliance.slack.SlackApi;
import org.springframework.stereotype.Component;

/**
 * Replies in DM threads that hold no check-in answer: the leader's answers thread, threads other
 * features claim through {@link ThreadReplies}, and any other message of the bot's. Each gets a
 * pointer in the same thread, so nobody believes a reply there reached someone.
 */
@Component
class OtherThreadReplies {

    static final String ANYWHERE_ELSE = "Replies in this thread aren't sent to anyone. To answer a check-in, press "
            + "*Answer* on its message or reply in that message's thread; `/alliance list` shows what is waiting "
            + "for you, and `/alliance help` everything I do.";

    private final CheckInRepository checkIns;
    private final List<ThreadReplies> others;
    private final SlackApi api;

    OtherThreadReplies(CheckInRepository checkIns, List<ThreadReplies> others, SlackApi api) {
        this.checkIns = checkIns;
        this.others = others;
        this.api = api;
    }

    void reply(String teamId, String channelId, String threadTs, String userId, String text, String messageTs) {
        String answer = checkIns.byLeaderThread(teamId, userId, threadTs).map(OtherThreadReplies::leaderThread)
                .or(() -> claimed(teamId, channelId, threadTs, userId, text, messageTs))
                .orElse(ANYWHERE_ELSE);
        api.callOk(teamId, channelId, "chat.postMessage", client -> client.chatPostMessage(b -> b
                .channel(channelId).threadTs(threadTs).text(answer).unfurlLinks(false).unfurlMedia(false)));
    }

    private Optional<String> claimed(String teamId, String channelId, String threadTs, String userId, String text,
                                     String messageTs) {
        for (ThreadReplies other : others) {
            Optional<String> answer = other.reply(teamId, channelId, threadTs, userId, text, messageTs);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    static String leaderThread(CheckIn c) {
        return "Replies here aren't sent to anyone: this thread only collects the answers to `" + c.id() + "`. "
                + "To act on an answer, press *Follow up* under it: that records what you'll do, and tells them. "
                + "`/alliance status " + c.id() + "` shows how it's going.";
    }
}

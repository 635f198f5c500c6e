package org.alliance.checkin;

import java.util.List;
import java.util.Map;

import org.alliance.questions.Question;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackText;
import org.springframework.stereotype.Component;
import org.alliance.slack.SlackDates;

@Component
class SlackFollowThroughMessenger implements FollowThroughMessenger {

    /** Room for a follow-up DM: Slack takes about 40,000 characters of text. */
    private static final int MAX_TEXT = 35_000;

    private final SlackApi api;

    SlackFollowThroughMessenger(SlackApi api) {
        this.api = api;
    }

    @Override
    public void remind(CheckIn checkIn, Response response) {
        String text = ":wave: A gentle reminder: <@" + checkIn.leaderId() + "> would value your answers to *"
                + SlackText.escape(checkIn.title()) + "*, due " + SlackDates.format(checkIn.dueAt()) + ". Use *Answer* "
                + "above, reply here one question at a time, or choose *Not now* if it isn't a good time.";
        api.callOk(checkIn.teamId(), response.dmChannelId(), "chat.postMessage", c -> c.chatPostMessage(r -> r
                .channel(response.dmChannelId()).threadTs(response.dmTs()).text(text)));
    }

    @Override
    public void followUp(CheckIn checkIn, List<Response> responses, List<String> openCommitments) {
        StringBuilder text = new StringBuilder();
        text.append(":seedling: Time to follow up on *").append(SlackText.escape(checkIn.title())).append("* (`")
                .append(checkIn.id()).append("`), which ended ").append(SlackDates.format(checkIn.closedAt() != null
                        ? checkIn.closedAt() : checkIn.dueAt()))
                .append(". Coming back to people shows them their answers mattered.\n");
        List<Response> answered = responses.stream().filter(r -> r.status() == ResponseStatus.ANSWERED).toList();
        if (answered.isEmpty()) {
            text.append("\nNobody answered this one; a personal word might help more than another check-in.\n");
        } else if (checkIn.visibility() == Visibility.ANONYMOUS) {
            text.append("\n").append(answered.size()).append(" people answered anonymously; their summary is in <#")
                    .append(checkIn.channelId()).append(">.\n");
        } else {
            text.append("\n*What they said*\n");
            for (Response r : answered) {
                if (r.orderedAnswers(checkIn).isEmpty()) {
                    continue; // only anonymous questions answered: nothing of theirs is shown by name
                }
                text.append("\n*<@").append(r.userId()).append(">*\n");
                for (Map.Entry<String, String> a : r.orderedAnswers(checkIn).entrySet()) {
                    String question = checkIn.question(a.getKey()).map(Question::text).orElse(a.getKey());
                    String answer = checkIn.question(a.getKey()).map(q -> q.shown(a.getValue())).orElse(a.getValue());
                    text.append("_").append(SlackText.escape(question)).append("_\n> ")
                            .append(SlackText.escape(answer).replace("\n", "\n> ")).append('\n');
                }
            }
        }
        text.append("\n*Your open commitments*\n");
        if (openCommitments.isEmpty()) {
            text.append("_None open. Use *Follow up* on an answer to note what you'll do._\n");
        }
        openCommitments.forEach(line -> text.append("• ").append(line).append('\n'));
        String out = text.length() > MAX_TEXT
                ? text.substring(0, SlackText.safeCut(text.toString(), MAX_TEXT)) + "\n…" : text.toString();
        api.callOk(checkIn.teamId(), checkIn.leaderId(), "chat.postMessage", c -> c.chatPostMessage(r -> r
                .channel(checkIn.leaderId()).text(out).unfurlLinks(false)));
    }

    @Override
    public void tellLeader(CheckIn checkIn, String mrkdwn) {
        api.callOk(checkIn.teamId(), checkIn.leaderId(), "chat.postMessage", c -> c.chatPostMessage(r -> r
                .channel(checkIn.leaderId()).text(mrkdwn)));
    }
}

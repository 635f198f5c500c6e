package org.alliance.checkin;

import java.time.Duration;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import org.alliance.persistence.DatabaseOutage;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackWork;
import org.springframework.stereotype.Component;

/**
 * Events that carry check-in work: replies in a check-in's DM thread, and {@code @Alliance start …}
 * in a channel. A mention is acknowledged at once and its work runs after; a thread reply is
 * stored first, so that while the database is down Slack is asked to deliver it again.
 */
@Component
class CheckInEvents {

    /** How long a DM-thread answer may take to be stored before the ack must go anyway. */
    static final Duration STORE_BUDGET = Duration.ofMillis(2500);
    static final String NOT_SAVED = ":warning: I couldn't save that: my database is unreachable. "
            + "Please send it again in a minute.";

    private final Answering answering;
    private final AfterAnswer afterAnswer;
    private final StartCheckIn starting;
    private final SlackWork work;
    private final Replies replies;
    private final OtherThreadReplies otherThreads;
    private final SlackApi api;

    CheckInEvents(Answering answering, AfterAnswer afterAnswer, StartCheckIn starting, SlackWork work,
                  Replies replies, OtherThreadReplies otherThreads, SlackApi api) {
        this.api = api;
        this.otherThreads = otherThreads;
        this.answering = answering;
        this.afterAnswer = afterAnswer;
        this.starting = starting;
        this.work = work;
        this.replies = replies;
    }

    public Response message(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent e = payload.getEvent();
        boolean fromAPerson = e.getBotId() == null && e.getSubtype() == null && e.getUser() != null;
        if ("im".equals(e.getChannelType()) && e.getThreadTs() == null && fromAPerson) {
            // A message to the bot outside any check-in thread: say where answers go instead of ignoring it.
            String teamId = payload.getTeamId();
            work.run("answering a direct message from " + e.getUser(), () -> replies.direct(teamId, e.getUser(),
                    "Hi! To answer a check-in, press *Answer* on its message or reply in that message's thread. "
                            + "`/alliance list` shows what is waiting for you, and `/alliance help` everything I do."));
        } else if ("im".equals(e.getChannelType()) && e.getThreadTs() != null && fromAPerson) {
            String teamId = payload.getTeamId();
            // Stored before the ack where it can be: if the database is down, the error refuses the event
            // and Slack delivers it again (the reply's ts keeps a second delivery from counting twice).
            work.runWithin("taking a DM-thread answer from " + e.getUser(), STORE_BUDGET, () -> {
                AnswerOutcome outcome = answering.threadReply(teamId, e.getChannel(), e.getThreadTs(), e.getUser(),
                        e.getText(), e.getTs());
                if (outcome instanceof AnswerOutcome.Recorded recorded) {
                    afterAnswer.handle(recorded);
                } else if (outcome instanceof AnswerOutcome.NotAnAnswerThread) {
                    otherThreads.reply(teamId, e.getChannel(), e.getThreadTs(), e.getUser(), e.getText(), e.getTs());
                }
            }, failure -> {
                if (DatabaseOutage.in(failure)) {
                    // Too late to have Slack deliver it again: the person is the only one who can.
                    api.call(teamId, e.getChannel(), "chat.postMessage", c -> c.chatPostMessage(r -> r
                            .channel(e.getChannel()).threadTs(e.getThreadTs()).text(NOT_SAVED)));
                }
            });
        }
        return ctx.ack();
    }

    public Response mention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent e = payload.getEvent();
        String teamId = payload.getTeamId();
        String text = e.getText() == null ? "" : e.getText().replaceFirst("^\\s*<@[UW][A-Z0-9]+(\\|[^>]*)?>", "").strip();
        String[] words = text.split("\\s+", 2);
        if (!words[0].equalsIgnoreCase("start")) {
            work.run("answering a mention", () -> replies.ephemeral(teamId, e.getChannel(), e.getUser(),
                    "Hi! Mention me with `start <purpose> @person…` to start a check-in in this thread, "
                            + "or type `/alliance help`."));
            return ctx.ack();
        }
        if (work.busy()) {
            String channelId = e.getChannel();
            String userId = e.getUser();
            work.tellSoon("refusing a start while busy", () -> replies.ephemeral(teamId, channelId, userId,
                    StartCheckIn.BUSY));
            return ctx.ack();
        }
        QuickStartParser.Result result = QuickStartParser.parse(words.length > 1 ? words[1] : "");
        if (result instanceof QuickStartParser.Invalid invalid) {
            // A short reply: not on the fan-out threads, where it could wait behind long starts.
            work.run("answering a mention", () -> replies.ephemeral(teamId, e.getChannel(), e.getUser(),
                    invalid.message()));
            return ctx.ack();
        }
        QuickStartParser.Parsed parsed = (QuickStartParser.Parsed) result;
        String threadTs = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
        work.launch(teamId, e.getUser(), "starting a check-in from a mention by " + e.getUser(),
                StartCheckIn.DATABASE_DOWN, () -> {
            // The mention's channel holds the check-in, whatever channel the words named; so does its thread,
            // unless the check-in repeats.
            StartRequest request = QuickStartParser.toRequest(parsed, teamId, e.getUser(), e.getChannel(), threadTs)
                    .inThread(e.getChannel(), threadTs);
            StartCheckIn.Repeat repeat = parsed.repeat();
            replies.ephemeral(teamId, e.getChannel(), e.getUser(), starting.start(request, repeat).text());
        });
        return ctx.ack();
    }
}

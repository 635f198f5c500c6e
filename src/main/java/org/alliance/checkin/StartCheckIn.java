package org.alliance.checkin;

import java.time.LocalTime;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * A leader's ask to start a check-in, whichever way it came (the slash command, the start form
 * or a mention): decides between a one-off check-in now and a recurring one whose rounds start
 * later, and says what to tell the leader. The Slack handlers only parse, call this and reply.
 */
@Service
class StartCheckIn {

    static final String AT_WITHOUT_EVERY = "`at:` sets the time of a recurring check-in; add `every:1w`, "
            + "`every:2w` or `every:1mo` to repeat it.";
    static final String NOT_IN_THIS_THREAD = " A recurring check-in can't live in one thread, so the rounds won't be "
            + "in the thread you mentioned me in.";

    /** What a leader hears, in a DM, when their start failed after the ack because the database is down. */
    static final String DATABASE_DOWN = ":warning: I couldn't start your check-in: I can't reach my database right now. "
            + "Nothing was sent; please try again in a minute.";

    /** What a leader hears when so much work is waiting that a new check-in would only add to it ({@code SlackWork.busy}). */
    static final String BUSY = ":hourglass: I have a lot of messages waiting to go out right now, so I didn't start "
            + "this check-in. Nothing was sent; please try again in a few minutes.";

    /** The same, under the start form's people field: the form stays open with everything filled in. */
    static final String BUSY_IN_FORM = "I have a lot of messages waiting to go out right now. Please submit again in a "
            + "few minutes; everything you filled in is still here.";

    static final String PLAYBOOK_AND_EVERY = "A playbook has its own timing, so it can't also repeat. Drop `every:` "
            + "to run the playbook, or drop `playbook:on` for a recurring check-in.";

    /**
     * How a check-in repeats: {@code every} (null for once) and the local time of day of each round; or
     * {@code playbook}, the leader's choice to run it as a playbook (null for none).
     */
    record Repeat(String every, LocalTime at, Playbooks.Ask playbook) {

        Repeat(String every, LocalTime at) {
            this(every, at, null);
        }

        boolean repeats() {
            return every != null;
        }
    }

    /**
     * What to tell the leader, in mrkdwn. {@code startedIn} is the channel of a check-in that
     * started just now, where the leader can be told in place; null when nothing started there
     * (a refusal, or a recurring check-in whose first round is still to come).
     */
    record Reply(String text, String startedIn) {
    }

    private final CheckInStarter starter;
    private final Recurring recurring;
    private final Playbooks playbooks;

    StartCheckIn(CheckInStarter starter, Recurring recurring, Playbooks playbooks) {
        this.starter = starter;
        this.recurring = recurring;
        this.playbooks = playbooks;
    }

    /** A refusal that needs no lookup, so the command can give it in its ack; empty when the ask may go on. */
    static Optional<String> refusedAtOnce(Repeat repeat) {
        if (repeat.playbook() != null && repeat.repeats()) {
            return Optional.of(PLAYBOOK_AND_EVERY);
        }
        return repeat.at() != null && !repeat.repeats() ? Optional.of(AT_WITHOUT_EVERY) : Optional.empty();
    }

    /** What the leader sees while {@link #start} runs after the ack. */
    static String underWay(Repeat repeat) {
        return repeat.repeats() ? ":hourglass_flowing_sand: Setting up your recurring check-in…"
                : repeat.playbook() != null ? ":hourglass_flowing_sand: Starting your playbook…"
                : ":hourglass_flowing_sand: Starting your check-in…";
    }

    /** Talks to Slack and the database: call it after the ack. */
    Reply start(StartRequest request, Repeat repeat) {
        Optional<String> refusal = refusedAtOnce(repeat);
        if (refusal.isPresent()) {
            return new Reply(refusal.get(), null);
        }
        if (repeat.playbook() != null) {
            Playbooks.Started started = playbooks.start(request, repeat.playbook());
            if (started.kickOff() == null) {
                return new Reply(started.message(), null);
            }
            String kickOff = StartReplies.text(started.kickOff());
            return started.started()
                    ? new Reply(kickOff + "\n" + started.message(), request.channelId())
                    : new Reply(kickOff, null);
        }
        if (repeat.repeats()) {
            Recurring.SetUp setUp = recurring.start(request, repeat.every(), repeat.at());
            // Each round posts its own parent message, and so its own thread, in the channel.
            boolean askedInThread = setUp.created() && request.threadTs() != null;
            return new Reply(setUp.message() + (askedInThread ? NOT_IN_THIS_THREAD : ""), null);
        }
        StartOutcome outcome = starter.start(request);
        String startedIn = outcome instanceof StartOutcome.Started started ? started.checkIn().channelId() : null;
        return new Reply(StartReplies.text(outcome), startedIn);
    }
}

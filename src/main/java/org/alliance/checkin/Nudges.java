package org.alliance.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import org.alliance.schedule.Job;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;
import org.alliance.slack.SlackWork;
import org.alliance.snooze.Snoozes;
import org.springframework.stereotype.Component;

/**
 * The leader's Nudge now button on {@code /alliance status}: each person still waiting gets their
 * next scheduled reminder brought forward, so a nudge counts against {@code alliance.reminders.max}
 * and keeps the reminder job's once-only sending. The job still decides when it really goes (their
 * working hours, some distance from their last reminder), and the leader is told that time.
 */
@Component
class Nudges {

    static final String ACTION = "checkin_nudge";

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final CheckInSchedule schedule;
    private final ReminderPlan plan;
    private final ReminderSettings settings;
    private final Snoozes snoozes;
    private final SlackWork work;
    private final Replies replies;
    private final Clock clock;

    Nudges(CheckInRepository checkIns, ResponseRepository responses, CheckInSchedule schedule, ReminderPlan plan,
           ReminderSettings settings, Snoozes snoozes, SlackWork work, Replies replies, Clock clock) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.schedule = schedule;
        this.plan = plan;
        this.settings = settings;
        this.snoozes = snoozes;
        this.work = work;
        this.replies = replies;
        this.clock = clock;
    }

    com.slack.api.bolt.response.Response click(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        String userId = p.getUser().getId();
        String value = p.getActions().get(0).getValue();
        String channelId = p.getChannel() == null ? null : p.getChannel().getId();
        String responseUrl = p.getResponseUrl();
        work.run("nudging the people of check-in " + value, () -> {
            String reply = nudge(teamId, value == null ? "" : value.strip(), userId);
            if (responseUrl != null) {
                replies.viaResponseUrl(responseUrl, reply);
            } else {
                replies.ephemeral(teamId, channelId, userId, reply);
            }
        });
        return ctx.ack();
    }

    /** Brings forward one reminder for everyone still waiting; returns what to tell the one who asked. */
    String nudge(String teamId, String checkInId, String userId) {
        Optional<CheckIn> found = checkIns.find(teamId, checkInId);
        if (found.isEmpty()) {
            return "I can't find a check-in with the id `" + SlackText.echo(checkInId) + "`.";
        }
        CheckIn c = found.get();
        if (!c.leaderId().equals(userId)) {
            return "Sorry, only <@" + c.leaderId() + ">, who leads check-in `" + c.id()
                    + "`, can nudge the people in it.";
        }
        if (!c.isOpen()) {
            return "Check-in `" + c.id() + "` has " + c.endedWord() + ", so there is nobody left to nudge.";
        }
        Instant now = clock.instant();
        List<Job<ReminderJobData>> jobs = schedule.upcomingReminders(c.id()).stream()
                .sorted(Comparator.comparingInt(j -> j.payload().n())).toList();
        List<String> lines = new ArrayList<>();
        List<String> noneLeft = new ArrayList<>();
        for (Response r : responses.forCheckIn(c.id())) {
            if (r.status() != ResponseStatus.PENDING || r.dmTs() == null) {
                continue;
            }
            String who = "<@" + r.userId() + ">";
            if (snoozes.awayUntil(teamId, r.userId()).isPresent()) {
                lines.add("• " + who + " is away, so I left them be");
                continue;
            }
            Optional<Job<ReminderJobData>> next = jobs.stream()
                    .filter(j -> r.userId().equals(j.payload().userId())).findFirst();
            if (next.isEmpty()) {
                noneLeft.add(who);
                continue;
            }
            lines.add("• " + who + " " + bringForward(c, next.get(), now));
        }
        if (lines.isEmpty() && noneLeft.isEmpty()) {
            return "Nobody is waiting to answer check-in `" + c.id() + "`: there is nobody to nudge.";
        }
        StringBuilder out = new StringBuilder();
        if (!lines.isEmpty()) {
            out.append("Nudging the people still waiting on check-in `").append(c.id()).append("`:\n")
                    .append(String.join("\n", lines)).append('\n');
        }
        if (!noneLeft.isEmpty()) {
            out.append(out.isEmpty() ? "I sent no reminder for check-in `" + c.id() + "`: " : "Not nudged: ")
                    .append(String.join(", ", noneLeft)).append(noneLeft.size() == 1 ? " has" : " have")
                    .append(" no reminder left (at most ").append(settings.max())
                    .append(" each, and none after the due time).");
        }
        return out.toString().strip();
    }

    /** Moves the person's next reminder to when it may really go; says when that is. */
    private String bringForward(CheckIn c, Job<ReminderJobData> job, Instant now) {
        ReminderPlan.Decision decision = plan.decide(c, job.payload().userId(), job.payload().n(), now);
        if (!(decision instanceof ReminderPlan.Decision.Goes goes)) {
            return "has no working time left before the check-in is due, so no reminder will go";
        }
        Instant at = goes.at();
        if (at.isBefore(job.dueAt())) {
            // False only when the job is being run right now: it is going out anyway.
            schedule.moveReminder(job.key(), at);
        }
        if (!at.isAfter(now)) {
            return "now";
        }
        return SlackDates.format(at) + (goes.afterEarlier() ? " (keeping some time after their last reminder)"
                : " (when their working hours start)");
    }
}

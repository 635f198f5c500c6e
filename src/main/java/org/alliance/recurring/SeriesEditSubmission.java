package org.alliance.recurring;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import org.alliance.checkin.CheckInMessenger;
import org.alliance.questions.QuestionSet;
import org.alliance.questions.QuestionSets;
import org.alliance.shared.TimeZones;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;
import org.alliance.slack.SlackWork;
import org.alliance.slack.SubmissionRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The submitted change of a series: checked field by field and stored before the ack, so the form
 * can show errors; the leader is told what changed after it. Rounds copy their questions when they
 * start, so a round already sent keeps its own.
 */
@Component
class SeriesEditSubmission {

    private final SeriesRepository series;
    private final RecurringCheckIns recurring;
    private final QuestionSets questionSets;
    private final TimeZones timeZones;
    private final CheckInMessenger messenger;
    private final SlackWork work;
    private final Clock clock;

    SeriesEditSubmission(SeriesRepository series, RecurringCheckIns recurring, QuestionSets questionSets,
                         TimeZones timeZones, CheckInMessenger messenger, SlackWork work, Clock clock) {
        this.series = series;
        this.recurring = recurring;
        this.questionSets = questionSets;
        this.timeZones = timeZones;
        this.messenger = messenger;
        this.work = work;
        this.clock = clock;
    }

    @Bean
    static SubmissionRoute seriesEdited(SeriesEditSubmission submission) {
        return SubmissionRoute.of(SeriesEditModal.CALLBACK_ID, submission::submit);
    }

    Response submit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        String teamId = payload.getTeam().getId();
        Optional<Series> found = series.find(teamId, payload.getView().getPrivateMetadata());
        if (found.isEmpty()) {
            return ctx.ackWithErrors(Map.of(SeriesEditModal.PEOPLE_BLOCK, "This recurring check-in is gone."));
        }
        Series s = found.get();
        Optional<String> refusal = SeriesEditForm.refusal(s, payload.getUser().getId());
        if (refusal.isPresent()) {
            return ctx.ackWithErrors(Map.of(SeriesEditModal.PEOPLE_BLOCK, refusal.get()));
        }
        SeriesEditModal.Submitted in = SeriesEditModal.read(payload.getView().getState().getValues());
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.userIds().isEmpty() && s.userGroupIds().isEmpty() && s.memberChannelIds().isEmpty()) {
            errors.put(SeriesEditModal.PEOPLE_BLOCK, "Choose at least one person.");
        }
        Cadence cadence = null;
        if (in.at() == null) {
            errors.put(SeriesEditModal.AT_BLOCK, "Choose a time of day.");
        } else {
            try {
                cadence = Cadence.parse(in.every(), in.at());
            } catch (IllegalArgumentException e) {
                errors.put(SeriesEditModal.EVERY_BLOCK, e.getMessage());
            }
        }
        Optional<QuestionSet> set = in.purpose() == null ? Optional.empty() : questionSets.find(teamId, in.purpose());
        boolean keepsPurpose = s.purpose().equals(in.purpose());
        if (set.isEmpty() && !keepsPurpose) {
            errors.put(SeriesEditModal.PURPOSE_BLOCK, "I don't know that purpose or saved set; choose one of the list.");
        }
        if (!errors.isEmpty()) {
            return ctx.ackWithErrors(errors);
        }
        String purpose = set.map(QuestionSet::key).orElse(s.purpose());
        Series edited = with(s, in.userIds(), purpose, cadence, in.at(), s.next());
        boolean retimed = !cadence.word().equals(s.cadence()) || !in.at().equals(s.at());
        if (retimed) {
            LocalDateTime next = nextRound(edited, cadence);
            if (next == null) {
                return ctx.ackWithErrors(Map.of(SeriesEditModal.EVERY_BLOCK, "That schedule never fires again."));
            }
            edited = with(s, in.userIds(), purpose, cadence, in.at(), next);
        }
        if (!series.edit(s.next(), edited)) {
            return ctx.ackWithErrors(Map.of(SeriesEditModal.PEOPLE_BLOCK,
                    "A round started just now, so nothing was changed. Please open the form again."));
        }
        recurring.replan(s, edited);
        Series after = edited;
        Cadence schedule = cadence;
        String title = set.map(QuestionSet::title).orElse(s.purpose());
        work.run("telling " + s.leaderId() + " what changed in " + s.id(), () -> {
            messenger.tell(teamId, s.leaderId(), summary(s, after, schedule, title));
            recurring.announce(after);
        });
        return ctx.ack();
    }

    /** The next occurrence whose first invitation is still ahead: a new time may already have passed today. */
    private LocalDateTime nextRound(Series edited, Cadence cadence) {
        var now = clock.instant();
        LocalDateTime next = cadence.first(LocalDateTime.ofInstant(now, timeZones.of(edited.teamId(),
                edited.leaderId())));
        while (next != null && !recurring.firstInvitation(edited, next).isAfter(now)) {
            next = cadence.next(next);
        }
        return next;
    }

    private static Series with(Series s, List<String> userIds, String purpose, Cadence cadence,
                               LocalTime at, LocalDateTime next) {
        return new Series(s.id(), s.teamId(), s.leaderId(), purpose, s.objective(), userIds, s.userGroupIds(),
                s.memberChannelIds(), s.channelId(), s.visibility(), s.dueIn(), cadence.word(), at, s.status(),
                s.createdAt(), s.rounds(), next);
    }

    private static String summary(Series before, Series after, Cadence cadence, String title) {
        List<String> changes = new ArrayList<>();
        if (!after.userIds().equals(before.userIds())) {
            changes.add("people: " + mentions(after.userIds()) + " (were " + mentions(before.userIds()) + ")");
        }
        if (!after.cadence().equals(before.cadence()) || !after.at().equals(before.at())) {
            changes.add("schedule: " + SlackText.escape(cadence.describe()));
        }
        if (!after.purpose().equals(before.purpose())) {
            changes.add("questions: *" + SlackText.escape(title) + "*");
        }
        String next = after.status() == SeriesStatus.ACTIVE && after.next() != null
                ? " The next round is on " + SlackDates.local(after.next()) + "." : "";
        if (changes.isEmpty()) {
            return ":pencil2: Nothing changed in recurring check-in `" + after.id() + "`." + next;
        }
        return ":pencil2: Recurring check-in `" + after.id() + "` changed, from the next round: "
                + String.join("; ", changes) + ". A round already sent keeps its questions." + next;
    }

    private static String mentions(List<String> userIds) {
        return userIds.isEmpty() ? "nobody by name" : String.join(", ", userIds.stream().map(u -> "<@" + u + ">")
                .toList());
    }
}

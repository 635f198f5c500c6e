package org.alliance.recurring;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.alliance.checkin.CheckIn;
import org.alliance.checkin.CheckInQueries;
import org.alliance.checkin.CheckInStarter;
import org.alliance.shared.TimeZones;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;
import org.springframework.stereotype.Component;

/**
 * {@code /alliance status <series id>}: a recurring check-in's schedule, when each of its people
 * gets the next round (its local time in their own zone), and the rounds it has started.
 */
@Component
class SeriesStatusReport {

    static final int ROUNDS_SHOWN = 10;

    private final SeriesRepository series;
    private final SeriesRoundRepository rounds;
    private final CheckInQueries checkIns;
    private final CheckInStarter starter;
    private final TimeZones timeZones;

    SeriesStatusReport(SeriesRepository series, SeriesRoundRepository rounds, CheckInQueries checkIns,
                       CheckInStarter starter, TimeZones timeZones) {
        this.series = series;
        this.rounds = rounds;
        this.checkIns = checkIns;
        this.starter = starter;
        this.timeZones = timeZones;
    }

    /** Empty when {@code id} is no series of this team. */
    Optional<String> status(String teamId, String id, String userId) {
        Optional<Series> found = series.find(teamId, id == null ? "" : id.strip().toUpperCase(Locale.ROOT));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Series s = found.get();
        if (!s.leaderId().equals(userId)) {
            // Who is asked, and how past rounds went, is the leader's to see, as for a one-off check-in.
            return Optional.of("Recurring check-in `" + s.id() + "` is led by <@" + s.leaderId() + ">; only they can "
                    + "see its status. Each round you're asked in comes to your DMs.");
        }
        StringBuilder text = new StringBuilder();
        text.append("*").append(SlackText.escape(s.purpose())).append("* `").append(s.id())
                .append("` recurring, led by <@").append(s.leaderId()).append("> in <#").append(s.channelId())
                .append(">\n").append(SlackText.escape(Cadence.fromWord(s.cadence(), s.at()).describe())).append(" - ")
                .append(s.status().name().toLowerCase(Locale.ROOT)).append(" - ").append(s.rounds())
                .append(s.rounds() == 1 ? " round" : " rounds").append(" so far\n");
        appendNextRound(text, s);
        appendRounds(text, s);
        return Optional.of(text.toString().strip());
    }

    private void appendNextRound(StringBuilder text, Series s) {
        LocalDateTime next = s.next();
        if (s.status() != SeriesStatus.ACTIVE || next == null) {
            text.append("\n_No next round: ").append(s.status() == SeriesStatus.PAUSED
                    ? "it is paused (`/alliance resume " + s.id() + "`)." : "none is planned.").append("_\n");
            return;
        }
        text.append("\n*Next round* ").append(SlackDates.local(next))
                .append(", each person's own time\n");
        for (String userId : starter.participantsOf(s.request())) {
            text.append("• <@").append(userId).append("> ")
                    .append(SlackDates.format(next.atZone(timeZones.of(s.teamId(), userId)).toInstant())).append('\n');
        }
    }

    private void appendRounds(StringBuilder text, Series s) {
        Set<String> ids = new LinkedHashSet<>();
        rounds.of(s.id(), ROUNDS_SHOWN).forEach(r -> ids.add(r.checkInId()));
        // Rounds started before rounds were linked: the leader's recent check-ins of the same purpose in the
        // same channel, titled as a round, since the series began, and not linked to another series.
        for (CheckIn c : checkIns.ledIn(s.teamId(), s.leaderId(), s.channelId(), s.purpose(), s.createdAt(),
                4 * ROUNDS_SHOWN)) {
            if (ids.size() < ROUNDS_SHOWN && c.title().contains("(round ") && !rounds.linked(c.id())) {
                ids.add(c.id());
            }
        }
        List<CheckInQueries.Status> found = new ArrayList<>();
        for (String checkInId : ids) {
            checkIns.status(s.teamId(), checkInId, s.leaderId()).ifPresent(found::add);
        }
        found.sort((a, b) -> b.checkIn().createdAt().compareTo(a.checkIn().createdAt()));
        if (found.isEmpty()) {
            text.append("\n_No rounds yet._");
            return;
        }
        text.append("\n*Rounds* (newest first; `/alliance status <id>` for one)\n");
        for (CheckInQueries.Status r : found) {
            CheckIn c = r.checkIn();
            text.append("• `").append(c.id()).append("` ").append(SlackText.escape(c.title())).append(" - ")
                    .append(r.progressSummary()).append(" - ")
                    .append(c.isOpen() ? "due " + SlackDates.format(c.dueAt()) : c.endedWord()).append('\n');
        }
    }
}

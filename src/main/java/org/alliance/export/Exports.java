package org.alliance.export;

import org.alliance.slack.SlackText;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliance.checkin.CheckIn;
import org.alliance.checkin.CheckInExports;
import org.alliance.checkin.CheckInExports.Sheet;
import org.alliance.slack.People;
import org.springframework.stereotype.Service;

import static org.alliance.slack.SlackText.escape;

/** Decides what one person may export and makes the file; sending it is the caller's part. */
@Service
class Exports {

    sealed interface Outcome {
    }

    /** Nothing to send, and why, in words for the asker (mrkdwn). */
    record Refused(String message) implements Outcome {
    }

    /** {@code comment} introduces the file in the DM (mrkdwn); {@code rows} excludes the header. */
    record Ready(String filename, String title, String comment, byte[] csv, int rows) implements Outcome {
    }

    private final CheckInExports checkIns;
    private final People people;
    private final Clock clock;

    Exports(CheckInExports checkIns, People people, Clock clock) {
        this.checkIns = checkIns;
        this.people = people;
        this.clock = clock;
    }

    Outcome prepare(String teamId, String userId, ExportTarget target) {
        if (target instanceof ExportTarget.CheckInId id) {
            return checkIn(teamId, userId, id.id());
        }
        if (target instanceof ExportTarget.Person person) {
            return withPerson(teamId, userId, person.userId());
        }
        return mine(teamId, userId);
    }

    private Outcome checkIn(String teamId, String userId, String typedId) {
        CheckInExports.Single single = checkIns.checkIn(teamId, typedId, userId);
        if (single instanceof CheckInExports.NotLeader n) {
            return new Refused("Only <@" + n.checkIn().leaderId() + ">, who leads check-in `" + n.checkIn().id()
                    + "`, can export it. To export your own answers, type `/alliance export me`.");
        }
        if (single instanceof CheckInExports.Withheld w) {
            return new Refused(withheld(w.checkIn(), w.answered()));
        }
        if (single instanceof CheckInExports.Found f) {
            CheckIn c = f.sheet().checkIn();
            return ready(teamId, "alliance-checkin-" + c.id() + ".csv", "Check-in " + c.id() + ": " + c.title(),
                    "Your export of check-in `" + c.id() + "` (*" + escape(c.title()) + "*)", List.of(f.sheet()));
        }
        return new Refused("I can't find a check-in with the id `" + SlackText.echo(typedId)
                + "`. `/alliance list` shows the ones you lead.");
    }

    private Outcome withPerson(String teamId, String leaderId, String personId) {
        List<Sheet> sheets = checkIns.between(teamId, leaderId, personId);
        if (sheets.isEmpty()) {
            return new Refused("You haven't led a check-in that asked <@" + personId + ">, so there is nothing to "
                    + "export yet.");
        }
        return ready(teamId, "alliance-with-" + personId + "-" + today() + ".csv",
                "Check-ins with " + name(teamId, personId),
                "Your check-ins with <@" + personId + ">, as you may see them (anonymous answers never carry a name)",
                sheets);
    }

    private Outcome mine(String teamId, String userId) {
        List<Sheet> sheets = checkIns.answeredBy(teamId, userId);
        if (sheets.isEmpty()) {
            return new Refused("No check-in has asked you anything yet, so there is nothing to export.");
        }
        return ready(teamId, "alliance-my-answers-" + today() + ".csv", "My answers",
                "Your own answers to every check-in that asked you", sheets);
    }

    private Outcome ready(String teamId, String filename, String title, String comment, List<Sheet> sheets) {
        Map<String, String> names = new HashMap<>();
        List<List<String>> rows = ExportRows.of(sheets, id -> names.computeIfAbsent(id, i -> name(teamId, i)));
        return new Ready(filename, title, comment + ": " + rows.size() + (rows.size() == 1 ? " row." : " rows."),
                CsvFile.write(ExportRows.HEADER, rows), rows.size());
    }

    private static String withheld(CheckIn c, int answered) {
        if (c.isOpen()) {
            return "Check-in `" + c.id() + "` is anonymous and still open. Its answers can be exported, without names, "
                    + "once it has ended, if at least " + c.anonymousThreshold() + " people answered.";
        }
        return "Check-in `" + c.id() + "` is anonymous and " + (answered == 0 ? "nobody" : "only " + answered)
                + " answered, fewer than the " + c.anonymousThreshold() + " needed. To protect everyone's anonymity "
                + "its answers stay unseen, so there is nothing to export.";
    }

    private String name(String teamId, String userId) {
        try {
            return people.find(teamId, userId).map(People.Person::name).orElse(userId);
        } catch (RuntimeException slackUnavailable) {
            // A missing name must not cost the leader their export: the id column still says who.
            return userId;
        }
    }

    private String today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    }
}

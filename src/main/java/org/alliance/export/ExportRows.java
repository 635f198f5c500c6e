package org.alliance.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.alliance.checkin.CheckIn;
import org.alliance.checkin.CheckInExports.Answer;
import org.alliance.checkin.CheckInExports.Part;
import org.alliance.checkin.CheckInExports.Sheet;

/**
 * Check-ins as rows: one per answer, or one for a person with no answer to show (waiting,
 * skipped, missed, or anonymous). Times are UTC, in a form spreadsheets read as dates.
 */
final class ExportRows {

    static final List<String> HEADER = List.of("Check-in", "Title", "Purpose", "Visibility", "Leader",
            "Started (UTC)", "Due (UTC)", "Ended (UTC)", "Check-in status", "Person", "Person id", "Status",
            "Answered (UTC)", "Skip reason", "Question no.", "Question", "Answer", "Note");

    static final String ANONYMOUS_NOTE = "Anonymous: answers are shown without names, in random order";
    static final String WITHHELD_NOTE = "Anonymous: answers are never shown with a name";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ExportRows() {
    }

    /** {@code names} turns a user id into a display name. */
    static List<List<String>> of(List<Sheet> sheets, UnaryOperator<String> names) {
        List<List<String>> rows = new ArrayList<>();
        for (Sheet sheet : sheets) {
            List<String> checkIn = checkInCells(sheet, names);
            for (Part part : sheet.parts()) {
                List<String> person = personCells(part, names);
                String note = part.userId() == null ? ANONYMOUS_NOTE : part.withheld() ? WITHHELD_NOTE : "";
                if (part.answers().isEmpty()) {
                    rows.add(row(checkIn, person, null, note));
                }
                for (Answer answer : part.answers()) {
                    rows.add(row(checkIn, person, answer, note));
                }
            }
        }
        return rows;
    }

    private static List<String> checkInCells(Sheet sheet, UnaryOperator<String> names) {
        CheckIn c = sheet.checkIn();
        return List.of(c.id(), nullToEmpty(c.title()), nullToEmpty(c.purpose()), c.visibility().word(),
                names.apply(c.leaderId()), time(c.createdAt()), time(c.dueAt()), time(c.closedAt()), sheet.status());
    }

    private static List<String> personCells(Part part, UnaryOperator<String> names) {
        boolean anonymous = part.userId() == null;
        return List.of(anonymous ? "" : names.apply(part.userId()), anonymous ? "" : part.userId(), part.status(),
                time(part.answeredAt()), nullToEmpty(part.skipReason()));
    }

    private static List<String> row(List<String> checkIn, List<String> person, Answer answer, String note) {
        List<String> row = new ArrayList<>(HEADER.size());
        row.addAll(checkIn);
        row.addAll(person);
        row.add(answer == null ? "" : String.valueOf(answer.number()));
        row.add(answer == null ? "" : answer.question());
        row.add(answer == null ? "" : answer.text());
        row.add(note);
        return row;
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package org.alliance.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Payload records to the flat string map a job document stores, and back, in the forms jobs were
 * stored in before payloads had types. The records here are private, as payloads in features are
 * package-private: the codec reaches them anyway.
 */
class PayloadCodecTest {

    private enum When { BEFORE, DUE }

    private record Everything(String text, int small, Integer boxed, long big, Long bigBoxed, Instant at,
                              LocalDate day, LocalDateTime local, When when) {
    }

    /** As {@code checkin.remind} jobs have always been stored. */
    private record Reminder(String checkInId, String userId, int n) {
    }

    /** As {@code series.round} jobs have always been stored. */
    private record Round(String seriesId, LocalDateTime occurrence) {
    }

    /** As {@code commitment.remind} jobs have always been stored. */
    private record CommitmentReminder(String commitmentId, When when) {
    }

    private record Checked(String id) {
        Checked {
            if (id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
        }
    }

    private record Unstorable(String id, List<String> people) {
    }

    @Test
    void everySupportedTypeGoesThereAndBack() {
        Everything all = new Everything("a:b c", -3, 7, 9_000_000_000L, -1L, Instant.parse("2026-12-07T10:00:00.5Z"),
                LocalDate.of(2026, 2, 28), LocalDateTime.of(2026, 12, 7, 10, 0, 30), When.DUE);

        Map<String, String> stored = PayloadCodec.encode(all);

        assertThat(stored).containsExactly(Map.entry("text", "a:b c"), Map.entry("small", "-3"),
                Map.entry("boxed", "7"), Map.entry("big", "9000000000"), Map.entry("bigBoxed", "-1"),
                Map.entry("at", "2026-12-07T10:00:00.500Z"), Map.entry("day", "2026-02-28"),
                Map.entry("local", "2026-12-07T10:00:30"), Map.entry("when", "due"));
        assertThat(PayloadCodec.decode(Everything.class, stored)).isEqualTo(all);
    }

    @Test
    void writesWhatTheUntypedVersionWrote() {
        assertThat(PayloadCodec.encode(new Reminder("CHK234", "U0ALICE", 1)))
                .isEqualTo(Map.of("checkInId", "CHK234", "userId", "U0ALICE", "n", "1"));
        // LocalDateTime.toString, as the series' next occurrence was written: no seconds when they are zero.
        assertThat(PayloadCodec.encode(new Round("RABC23", LocalDateTime.of(2026, 12, 7, 10, 0))))
                .isEqualTo(Map.of("seriesId", "RABC23", "occurrence", "2026-12-07T10:00"));
        assertThat(PayloadCodec.encode(new CommitmentReminder("ABC234", When.BEFORE)))
                .isEqualTo(Map.of("commitmentId", "ABC234", "when", "before"));
    }

    @Test
    void readsWhatTheUntypedVersionStored() {
        assertThat(PayloadCodec.decode(Reminder.class, Map.of("checkInId", "CHK234", "userId", "U0ALICE", "n", "2")))
                .isEqualTo(new Reminder("CHK234", "U0ALICE", 2));
        assertThat(PayloadCodec.decode(Round.class, Map.of("seriesId", "RABC23", "occurrence", "2026-12-07T10:00")))
                .isEqualTo(new Round("RABC23", LocalDateTime.of(2026, 12, 7, 10, 0)));
        assertThat(PayloadCodec.decode(CommitmentReminder.class, Map.of("commitmentId", "ABC234", "when", "before")))
                .isEqualTo(new CommitmentReminder("ABC234", When.BEFORE));
        assertThat(PayloadCodec.decode(CommitmentReminder.class, Map.of("commitmentId", "ABC234", "when", "due")))
                .isEqualTo(new CommitmentReminder("ABC234", When.DUE));
        assertThat(PayloadCodec.decode(CommitmentReminder.class, Map.of("commitmentId", "ABC234", "when", "DUE")))
                .as("an enum's name in any case").isEqualTo(new CommitmentReminder("ABC234", When.DUE));
    }

    @Test
    void fieldsNoComponentNamesAreIgnored() {
        assertThat(PayloadCodec.decode(Round.class,
                Map.of("seriesId", "RABC23", "occurrence", "2026-12-07T10:00:00", "note", "left by another version")))
                .isEqualTo(new Round("RABC23", LocalDateTime.of(2026, 12, 7, 10, 0)));
    }

    @Test
    void aMissingFieldNamesTheFieldAndThePayload() {
        assertThatThrownBy(() -> PayloadCodec.decode(Reminder.class, Map.of("checkInId", "CHK234", "userId", "U0A")))
                .isInstanceOf(PayloadCodec.Unreadable.class)
                .hasMessage("its data doesn't make a Reminder: 'n' is missing");
        assertThatThrownBy(() -> PayloadCodec.decode(Reminder.class, null))
                .isInstanceOf(PayloadCodec.Unreadable.class).hasMessageContaining("'checkInId' is missing");
    }

    @Test
    void aGarbledFieldSaysWhatItIsAndWhatWasExpected() {
        assertThatThrownBy(() -> PayloadCodec.decode(Reminder.class,
                Map.of("checkInId", "CHK234", "userId", "U0A", "n", "one")))
                .isInstanceOf(PayloadCodec.Unreadable.class)
                .hasMessage("its data doesn't make a Reminder: 'n' is 'one', which isn't a whole number");
        assertThatThrownBy(() -> PayloadCodec.decode(Round.class, Map.of("seriesId", "R1", "occurrence", "Monday")))
                .isInstanceOf(PayloadCodec.Unreadable.class)
                .hasMessageContaining("'occurrence' is 'Monday', which isn't a date and time like 2026-12-07T10:00");
        assertThatThrownBy(() -> PayloadCodec.decode(CommitmentReminder.class,
                Map.of("commitmentId", "ABC234", "when", "later")))
                .isInstanceOf(PayloadCodec.Unreadable.class)
                .hasMessageContaining("'when' is 'later', which isn't one of before, due");
        assertThatThrownBy(() -> PayloadCodec.decode(Everything.class, Map.of("text", "", "small", "1", "boxed", "1",
                "big", "1", "bigBoxed", "1", "at", "yesterday", "day", "2026-02-28", "local", "2026-12-07T10:00",
                "when", "due")))
                .isInstanceOf(PayloadCodec.Unreadable.class)
                .hasMessageContaining("'at' is 'yesterday', which isn't an instant");
    }

    @Test
    void valuesTheRecordItselfRefusesAreUnreadableToo() {
        assertThatThrownBy(() -> PayloadCodec.decode(Checked.class, Map.of("id", " ")))
                .isInstanceOf(PayloadCodec.Unreadable.class)
                .hasMessage("its data doesn't make a Checked: id must not be blank");
    }

    @Test
    void aPayloadWithoutAValueCannotBeScheduled() {
        assertThatThrownBy(() -> PayloadCodec.encode(new Reminder("CHK234", null, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Reminder.userId is null");
    }

    @Test
    void aKindWhosePayloadCannotBeStoredIsRefusedWhenDeclared() {
        assertThatThrownBy(() -> new JobKind<>("test.unstorable", Unstorable.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unstorable.people is a List")
                .hasMessageContaining("String, int, long, Instant, LocalDate, LocalDateTime and enums");
    }

    @Test
    void aLookupFieldMustBeOneOfThePayloads() {
        assertThat(PayloadCodec.field(Reminder.class, "n", 2)).isEqualTo("2");
        assertThat(PayloadCodec.field(CommitmentReminder.class, "when", When.BEFORE)).isEqualTo("before");
        assertThatThrownBy(() -> PayloadCodec.field(Reminder.class, "checkinId", "CHK234"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Reminder has no field 'checkinId'");
    }

    @Test
    void keysAreTheKindsNameAndThePartsAsTheyWereAlwaysWritten() {
        JobKind<Round> round = new JobKind<>("series.round", Round.class);

        assertThat(round.key("RABC23", LocalDateTime.of(2026, 12, 7, 10, 0)))
                .isEqualTo("series.round:RABC23:2026-12-07T10:00");
        assertThat(round).hasToString("series.round");
    }
}

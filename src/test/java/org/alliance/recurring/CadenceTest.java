package org.alliance.recurring;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CadenceTest {

    private static final LocalTime TEN = LocalTime.of(10, 0);
    /** A Wednesday. */
    private static final LocalDateTime WED_8AM = LocalDateTime.of(2025, 3, 5, 8, 0);

    private static LocalDateTime t(String iso) {
        return LocalDateTime.parse(iso);
    }

    /** The first occurrence from {@code start} and the {@code count - 1} after it, each from the one before. */
    private static List<LocalDateTime> rounds(Cadence cadence, LocalDateTime start, int count) {
        List<LocalDateTime> out = new ArrayList<>();
        LocalDateTime at = cadence.first(start);
        for (int i = 0; i < count; i++) {
            out.add(at);
            at = cadence.next(at);
        }
        return out;
    }

    private static List<DayOfWeek> weekdays(List<LocalDateTime> times) {
        return times.stream().map(LocalDateTime::getDayOfWeek).toList();
    }

    private static String rejection(String every) {
        try {
            Cadence.parse(every, TEN);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as("message for %s", every).isNotBlank().doesNotContain("<", ">", "&");
            return e.getMessage();
        }
        throw new AssertionError("accepted " + every);
    }

    @Test
    void weeklyStartsTodayWhenTheTimeIsStillAheadThenStepsAWeek() {
        assertThat(rounds(Cadence.parse("1w", TEN), WED_8AM, 3))
                .containsExactly(t("2025-03-05T10:00"), t("2025-03-12T10:00"), t("2025-03-19T10:00"));
    }

    @Test
    void weeklyStartsTomorrowWhenTheTimeHasPassed() {
        Cadence weekly = Cadence.parse("1w", TEN);
        assertThat(weekly.first(t("2025-03-05T10:00"))).as("exactly at the time").isEqualTo(t("2025-03-05T10:00"));
        assertThat(weekly.first(t("2025-03-05T10:00:01"))).isEqualTo(t("2025-03-06T10:00"));
        assertThat(rounds(weekly, t("2025-03-05T11:00"), 2))
                .containsExactly(t("2025-03-06T10:00"), t("2025-03-13T10:00"));
    }

    @Test
    void weeklyKeepsTheWallClockAcrossADstChange() {
        // 9 March 2025 is a DST change in the US; wall-clock occurrences don't notice, each zone is applied later.
        assertThat(rounds(Cadence.parse("1w", TEN), t("2025-03-07T08:00"), 2))
                .containsExactly(t("2025-03-07T10:00"), t("2025-03-14T10:00"));
    }

    @Test
    void everyTwoWeeks() {
        assertThat(rounds(Cadence.parse("2W", TEN), WED_8AM, 3))
                .containsExactly(t("2025-03-05T10:00"), t("2025-03-19T10:00"), t("2025-04-02T10:00"));
    }

    @Test
    void monthlyFromTheThirtyFirst() {
        Cadence monthly = Cadence.parse("1mo", null);
        LocalDateTime first = monthly.first(t("2025-01-31T08:00"));

        assertThat(first).as("at defaults to 09:00").isEqualTo(t("2025-01-31T09:00"));
        assertThat(monthly.next(first)).isEqualTo(t("2025-02-28T09:00"));
        // Counting from the first round keeps the 31st where the month has one...
        assertThat(List.of(monthly.nth(first, 0), monthly.nth(first, 1), monthly.nth(first, 2), monthly.nth(first, 3)))
                .containsExactly(t("2025-01-31T09:00"), t("2025-02-28T09:00"), t("2025-03-31T09:00"),
                        t("2025-04-30T09:00"));
        // ...while stepping from a clamped date stays on it.
        assertThat(monthly.next(monthly.next(first))).isEqualTo(t("2025-03-28T09:00"));
        assertThat(monthly.next(t("2024-01-31T09:00"))).as("leap year").isEqualTo(t("2024-02-29T09:00"));
    }

    @Test
    void nthOfAWeeklyCadenceMatchesRepeatedNext() {
        Cadence weekly = Cadence.parse("1w", TEN);
        LocalDateTime first = weekly.first(WED_8AM);
        assertThat(weekly.nth(first, 4)).isEqualTo(rounds(weekly, WED_8AM, 5).get(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 10 * * MON", "0 10 * * mon", "0 10 * * 1", "0 0 10 ? * MON", "0 0 10 * * MON",
            "cron:0 10 * * MON", "  0   10 *  * MON  "})
    void cronEveryMondayAtTen(String every) {
        Cadence cadence = Cadence.parse(every, LocalTime.of(15, 0));

        assertThat(rounds(cadence, WED_8AM, 3))
                .as("at: is ignored for cron")
                .containsExactly(t("2025-03-10T10:00"), t("2025-03-17T10:00"), t("2025-03-24T10:00"));
    }

    @Test
    void cronFirstIsAtOrAfterTheStart() {
        Cadence mondays = Cadence.parse("0 10 * * MON", null);

        assertThat(mondays.first(t("2025-03-10T10:00"))).isEqualTo(t("2025-03-10T10:00"));
        assertThat(mondays.first(t("2025-03-10T10:00:00.5"))).isEqualTo(t("2025-03-17T10:00"));
        assertThat(mondays.first(t("2025-03-10T09:59:59.9"))).isEqualTo(t("2025-03-10T10:00"));
        assertThat(mondays.next(t("2025-03-10T10:00"))).isEqualTo(t("2025-03-17T10:00"));
    }

    @Test
    void unixNumericWeekdaysAreConvertedToQuartz() {
        Cadence weekdays = Cadence.parse("0 10 * * 1-5", null);

        assertThat(((Cron) weekdays).quartz()).isEqualTo("0 0 10 ? * MON,TUE,WED,THU,FRI");
        assertThat(weekdays(rounds(weekdays, WED_8AM, 7)))
                .containsExactly(WEDNESDAY, THURSDAY, FRIDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY);
        assertThat(rounds(weekdays, t("2025-03-07T11:00"), 1)).containsExactly(t("2025-03-10T10:00"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "0 10 * * 0;      SUN",
            "0 10 * * 7;      SUN",
            "0 10 * * 6;      SAT",
            "0 10 * * 5-7;    FRI,SAT,SUN",
            "0 10 * * 0-6;    MON,TUE,WED,THU,FRI,SAT,SUN",
            "0 10 * * 1,3,5;  MON,WED,FRI",
            "0 10 * * 5-1;    MON,FRI,SAT,SUN",
            "0 10 * * 1-5/2;  MON,WED,FRI",
            "0 10 * * */2;    TUE,THU,SAT,SUN",
            "0 10 * * MON-FRI; MON,TUE,WED,THU,FRI",
            "0 10 * * 0,SAT;  SAT,SUN",
            "0 10 * * 5L;     6L",
            "0 10 * * 1#2;    2#2",
    })
    void unixDayOfWeekConversion(String unix, String quartzDays) {
        Cron cron = (Cron) Cadence.parse(unix, null);
        assertThat(cron.quartz()).isEqualTo("0 0 10 ? * " + quartzDays);
    }

    @Test
    void weekendsAndSpecialDaysFireOnTheRightDates() {
        assertThat(weekdays(rounds(Cadence.parse("0 10 * * 5-7", null), WED_8AM, 3)))
                .containsExactly(FRIDAY, SATURDAY, SUNDAY);
        assertThat(rounds(Cadence.parse("0 10 * * 5L", null), WED_8AM, 2))
                .as("last Friday of the month")
                .containsExactly(t("2025-03-28T10:00"), t("2025-04-25T10:00"));
        assertThat(rounds(Cadence.parse("0 10 * * 1#2", null), WED_8AM, 2))
                .as("second Monday of the month")
                .containsExactly(t("2025-03-10T10:00"), t("2025-04-14T10:00"));
    }

    @Test
    void cronOnADayOfTheMonth() {
        Cadence firstOfMonth = Cadence.parse("30 9 1 * *", null);
        assertThat(((Cron) firstOfMonth).quartz()).isEqualTo("0 30 9 1 * ?");
        assertThat(rounds(firstOfMonth, WED_8AM, 2)).containsExactly(t("2025-04-01T09:30"), t("2025-05-01T09:30"));
    }

    @Test
    void cronIgnoresDstBecauseItRunsOnTheWallClock() {
        // 02:30 doesn't exist in US zones on 9 March 2025, but as a wall-clock occurrence it is still there.
        assertThat(Cadence.parse("30 2 * * SUN", null).first(t("2025-03-08T12:00"))).isEqualTo(t("2025-03-09T02:30"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1w;   10:00; every week at 10:00",
            "2w;   10:00; every 2 weeks at 10:00",
            "1mo;  10:00; every month at 10:00",
            "1W;        ; every week at 09:00",
            "1mo;  16:30; every month at 16:30",
    })
    void describeAndWordRoundTrip(String every, LocalTime at, String description) {
        Cadence cadence = Cadence.parse(every, at);
        Cadence restored = Cadence.fromWord(cadence.word(), at);

        assertThat(cadence.describe()).isEqualTo(description);
        assertThat(cadence.word()).isEqualTo(every.toLowerCase());
        assertThat(restored).isEqualTo(cadence);
        assertThat(restored.describe()).isEqualTo(description);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "0 10 * * mon;        cron:0 10 * * MON",
            "0 0 10 ? * MON;      cron:0 0 10 ? * MON",
            "0  10 * *   1-5;     cron:0 10 * * 1-5",
    })
    void cronDescribeAndWordRoundTrip(String every, String word) {
        Cadence cadence = Cadence.parse(every, null);
        Cadence restored = Cadence.fromWord(cadence.word(), TEN);

        assertThat(cadence.word()).isEqualTo(word);
        assertThat(cadence.describe()).isEqualTo("on the schedule `" + word.substring("cron:".length()) + "`");
        assertThat(restored).isEqualTo(cadence);
        assertThat(restored.describe()).isEqualTo(cadence.describe());
        assertThat(rounds(restored, WED_8AM, 5)).isEqualTo(rounds(cadence, WED_8AM, 5));
    }

    @Test
    void unknownWordsAreRejectedWithTheChoices() {
        assertThat(rejection("3x")).contains("`3x`").contains("`1w`", "`2w`", "`1mo`", "`0 10 * * MON`");
        assertThat(rejection("1d")).contains("`1d`");
        assertThat(rejection("weekly")).contains("`weekly`");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aMissingScheduleIsRejected(String every) {
        assertThat(rejection(every)).contains("How often").contains("`1w`");
    }

    @Test
    void cronWithTheWrongNumberOfFieldsIsRejected() {
        assertThat(rejection("0 10 * *")).contains("has 4 fields").contains("needs 5");
        assertThat(rejection("0 0 10 * * MON 2030 1")).contains("has 8 fields");
        assertThat(rejection("cron:")).contains("How often");
        assertThat(rejection("cron:*")).contains("has 1 field,");
    }

    @Test
    void cronRestrictingBothDayFieldsIsRejected() {
        assertThat(rejection("0 10 1 * MON"))
                .contains("both the day of the month (`1`) and the day of the week (`MON`)")
                .contains("`*`");
        assertThat(rejection("0 0 10 1 * MON")).contains("both the day of the month");
    }

    @Test
    void otherBadCronsAreRejected() {
        assertThat(rejection("* 10 * * MON")).contains("more than one round an hour");
        assertThat(rejection("*/5 10 * * MON")).contains("more than one round an hour");
        assertThat(rejection("*/5 0 10 ? * MON")).contains("more than one round a minute");
        assertThat(rejection("0 10 * * 8")).contains("`8` isn't a day of the week");
        assertThat(rejection("0 10 * * FUNDAY")).contains("isn't a day of the week");
        assertThat(rejection("0 61 * * *")).contains("isn't a cron expression I can read");
        assertThat(rejection("0 10 30 2 *")).contains("never happens");
        assertThat(rejection("0 10 * * <!channel>")).contains("characters a cron expression can't contain");
        assertThatThrownBy(() -> Cadence.fromWord("cron:nonsense here", TEN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

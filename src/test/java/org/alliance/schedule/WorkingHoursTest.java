package org.alliance.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

class WorkingHoursTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private final WorkingHours defaults = new WorkingHours(new WorkingHoursSettings(null, null, null, null, null));

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void theSameInstantIsWorkingTimeInOneZoneAndNightInAnother() {
        // Wednesday 09:00 in Los Angeles (PST) is Thursday 02:00 in Tokyo.
        Instant instant = at("2025-03-05T17:00:00Z");

        assertThat(defaults.allows(instant, LOS_ANGELES)).isTrue();
        assertThat(defaults.nextAllowed(instant, LOS_ANGELES)).isEqualTo(instant);

        assertThat(defaults.allows(instant, TOKYO)).isFalse();
        assertThat(defaults.nextAllowed(instant, TOKYO)).isEqualTo(at("2025-03-06T00:00:00Z"));
    }

    @Test
    void outsideHoursForBothEachGetsTheirOwnNineOClock() {
        // Wednesday 21:00 in Tokyo, Wednesday 04:00 in Los Angeles.
        Instant instant = at("2025-03-05T12:00:00Z");

        assertThat(defaults.nextAllowed(instant, TOKYO)).isEqualTo(at("2025-03-06T00:00:00Z"));
        assertThat(defaults.nextAllowed(instant, LOS_ANGELES)).isEqualTo(at("2025-03-05T17:00:00Z"));
    }

    @Test
    void startIsInclusiveAndEndExclusive() {
        assertThat(defaults.allows(at("2025-03-05T00:00:00Z"), TOKYO)).as("09:00 JST").isTrue();
        assertThat(defaults.allows(at("2025-03-05T08:59:59Z"), TOKYO)).as("17:59:59 JST").isTrue();
        assertThat(defaults.allows(at("2025-03-05T09:00:00Z"), TOKYO)).as("18:00 JST").isFalse();
        assertThat(defaults.nextAllowed(at("2025-03-05T09:00:00Z"), TOKYO)).isEqualTo(at("2025-03-06T00:00:00Z"));
    }

    @Test
    void fridayEveningWaitsForMonday() {
        // Friday 19:00 JST → Monday 09:00 JST.
        assertThat(defaults.nextAllowed(at("2025-03-07T10:00:00Z"), TOKYO)).isEqualTo(at("2025-03-10T00:00:00Z"));
        // Saturday noon JST → Monday 09:00 JST.
        assertThat(defaults.allows(at("2025-03-08T03:00:00Z"), TOKYO)).isFalse();
        assertThat(defaults.nextAllowed(at("2025-03-08T03:00:00Z"), TOKYO)).isEqualTo(at("2025-03-10T00:00:00Z"));
    }

    @Test
    void aWeekendWithTheSpringDstChangeInLosAngeles() {
        // Friday 7 March 2025 19:00 PST; clocks go forward on Sunday 9 March, so Monday 09:00 is PDT (UTC-7).
        Instant fridayEvening = at("2025-03-08T03:00:00Z");
        assertThat(defaults.nextAllowed(fridayEvening, LOS_ANGELES)).isEqualTo(at("2025-03-10T16:00:00Z"));
    }

    @Test
    void aWeekendWithTheAutumnDstChangeInLosAngeles() {
        // Friday 31 October 2025 19:00 PDT; clocks go back on Sunday 2 November, so Monday 09:00 is PST (UTC-8).
        Instant fridayEvening = at("2025-11-01T02:00:00Z");
        assertThat(defaults.nextAllowed(fridayEvening, LOS_ANGELES)).isEqualTo(at("2025-11-03T17:00:00Z"));
    }

    @Test
    void aStartInsideTheDstGapMovesForwardByTheGap() {
        WorkingHours nightShift = new WorkingHours(
                new WorkingHoursSettings(LocalTime.of(2, 30), LocalTime.of(6, 0), "MON-SUN", true, null));
        // Sunday 9 March 2025 01:00 PST; 02:30 doesn't exist that day, so the day starts at 03:30 PDT.
        Instant beforeTheGap = at("2025-03-09T09:00:00Z");
        assertThat(nightShift.nextAllowed(beforeTheGap, LOS_ANGELES)).isEqualTo(at("2025-03-09T10:30:00Z"));
        assertThat(nightShift.allows(at("2025-03-09T10:30:00Z"), LOS_ANGELES)).isTrue();
    }

    @Test
    void disabledAllowsAnyTime() {
        WorkingHours off = new WorkingHours(new WorkingHoursSettings(null, null, null, false, null));
        Instant saturdayNight = at("2025-03-08T15:00:00Z");

        assertThat(off.allows(saturdayNight, TOKYO)).isTrue();
        assertThat(off.nextAllowed(saturdayNight, TOKYO)).isEqualTo(saturdayNight);
    }

    @Test
    void zoneOfPrefersTheNameThenTheOffsetThenTheDefault() {
        WorkingHours berlinDefault = new WorkingHours(
                new WorkingHoursSettings(null, null, null, null, ZoneId.of("Europe/Berlin")));

        assertThat(berlinDefault.zoneOf("Asia/Tokyo", 32400)).isEqualTo(TOKYO);
        assertThat(berlinDefault.zoneOf(" America/Los_Angeles ", null)).isEqualTo(LOS_ANGELES);
        assertThat(berlinDefault.zoneOf("Mars/Olympus_Mons", -25200)).isEqualTo(ZoneOffset.ofHours(-7));
        assertThat(berlinDefault.zoneOf("not a zone!", 19800)).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(berlinDefault.zoneOf(null, -18000)).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(berlinDefault.zoneOf("", null)).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(berlinDefault.zoneOf(null, null)).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(berlinDefault.zoneOf("nope", 999_999)).as("offset beyond ±18h").isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(defaults.zoneOf(null, null)).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void settingsDefaults() {
        WorkingHoursSettings settings = new WorkingHoursSettings(null, null, null, null, null);

        assertThat(settings.start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(settings.end()).isEqualTo(LocalTime.of(18, 0));
        assertThat(settings.daySet()).containsExactlyInAnyOrder(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.defaultZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void daysAcceptRangesListsMixesAndFullNames() {
        assertThat(days("mon,Wed,FRI")).containsExactlyInAnyOrder(MONDAY, WEDNESDAY, FRIDAY);
        assertThat(days("MON-WED,SAT")).containsExactlyInAnyOrder(MONDAY, TUESDAY, WEDNESDAY, SATURDAY);
        assertThat(days("monday - friday")).containsExactlyInAnyOrder(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
        assertThat(days("SUN-THU")).containsExactlyInAnyOrder(SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY);
        assertThat(days("FRI-MON")).as("wraps past the weekend")
                .containsExactlyInAnyOrder(FRIDAY, SATURDAY, SUNDAY, MONDAY);
        assertThat(days("SATURDAY")).containsExactly(SATURDAY);
        assertThat(days("MON-SUN")).hasSize(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MON-FUN", "MON,TUSDAY", "MON-WED-FRI", "MON,,FRI", "1-5"})
    void invalidDaysNameThePropertyAndThePart(String days) {
        assertThatThrownBy(() -> new WorkingHoursSettings(null, null, days, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alliance.working-hours.days");
    }

    @Test
    void invalidDaysMessageShowsTheBadPart() {
        assertThatThrownBy(() -> new WorkingHoursSettings(null, null, "MON-WED, Funday", null, null))
                .hasMessageContaining("alliance.working-hours.days")
                .hasMessageContaining("'Funday'");
        assertThatThrownBy(() -> new WorkingHoursSettings(null, null, " ", null, null))
                .hasMessageContaining("alliance.working-hours.days");
    }

    @Test
    void startMustBeBeforeEnd() {
        assertThatThrownBy(() -> new WorkingHoursSettings(LocalTime.of(22, 0), LocalTime.of(6, 0), null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alliance.working-hours.start")
                .hasMessageContaining("alliance.working-hours.end")
                .hasMessageContaining("cross midnight");
        assertThatThrownBy(() -> new WorkingHoursSettings(LocalTime.of(9, 0), LocalTime.of(9, 0), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<DayOfWeek> days(String days) {
        return new WorkingHoursSettings(null, null, days, null, null).daySet();
    }
}

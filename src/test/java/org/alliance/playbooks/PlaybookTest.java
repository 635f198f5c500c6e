package org.alliance.playbooks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.alliance.checkin.Playbooks;
import org.alliance.checkin.Visibility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A playbook's steps change only in the order the record allows, with the time passed in. */
class PlaybookTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void navigatingChangeIsAKickOffNowAPulseAfterTwoWeeksAndALookBackAfterSix() {
        List<Playbook.Step> steps = PlaybookSteps.plan(new Playbooks.Ask("change", null, null), NOW, LONDON);

        assertThat(steps).extracting(Playbook.Step::name).containsExactly("kickoff", "pulse", "lookback");
        assertThat(steps).extracting(Playbook.Step::questions)
                .containsExactly("change", "change-pulse", "change-lookback");
        assertThat(steps).extracting(Playbook.Step::at).containsExactly(NOW,
                Instant.parse("2026-12-14T10:00:00Z"), Instant.parse("2027-01-11T10:00:00Z"));
        assertThat(steps).allSatisfy(s -> assertThat(s.status()).isEqualTo(Playbook.StepStatus.PLANNED));
    }

    @Test
    void aProjectKickOffComesBackAtTenOnTheLeadersClockOnTheDaysTheyPicked() {
        List<Playbook.Step> steps = PlaybookSteps.plan(new Playbooks.Ask("kickoff", LocalDate.of(2027, 3, 15),
                LocalDate.of(2027, 4, 30)), NOW, ZoneId.of("Europe/Berlin"));

        assertThat(steps).extracting(Playbook.Step::name).containsExactly("kickoff", "midpoint", "wrapup");
        // Berlin is UTC+1 in March (before the clocks go forward) and UTC+2 in April.
        assertThat(steps.get(1).at()).isEqualTo(Instant.parse("2027-03-15T09:00:00Z"));
        assertThat(steps.get(2).at()).isEqualTo(Instant.parse("2027-04-30T08:00:00Z"));
    }

    @Test
    void aStepStartsOnlyFromPlannedAndNotBeforeItsTimeThenRunsAsOneCheckIn() {
        Playbook.Step pulse = Playbook.Step.planned("pulse", "change-pulse", NOW.plusSeconds(3600));

        assertThatThrownBy(() -> pulse.start(NOW)).isInstanceOf(IllegalStateException.class);
        Playbook.Step started = pulse.start(NOW.plusSeconds(3600));
        assertThat(started.status()).isEqualTo(Playbook.StepStatus.STARTED);
        assertThat(started.changedAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThatThrownBy(() -> started.start(NOW.plusSeconds(7200))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> started.skipped(NOW)).isInstanceOf(IllegalStateException.class);

        Playbook.Step ran = started.ran("K23456");
        assertThat(ran.checkInId()).isEqualTo("K23456");
        assertThatThrownBy(() -> ran.ran("K65432")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ran.failed(NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(started.failed(NOW).status()).isEqualTo(Playbook.StepStatus.FAILED);
    }

    @Test
    void aSkippedOrStoppedStepCanNeverStart() {
        Playbook.Step pulse = Playbook.Step.planned("pulse", "change-pulse", NOW);

        Playbook.Step skipped = pulse.skipped(NOW);
        assertThat(skipped.status()).isEqualTo(Playbook.StepStatus.SKIPPED);
        assertThatThrownBy(() -> skipped.start(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> skipped.stopped(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pulse.stopped(NOW).start(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stoppingAPlaybookStopsOnlyTheStepsStillToComeAndOnlyOnce() {
        Playbook p = playbook(List.of(Playbook.Step.planned("kickoff", "change", NOW).start(NOW).ran("K23456"),
                Playbook.Step.planned("pulse", "change-pulse", NOW.plusSeconds(60)).skipped(NOW),
                Playbook.Step.planned("lookback", "change-lookback", NOW.plusSeconds(120))));
        assertThat(p.running()).isTrue();

        Playbook stopped = p.stopped(NOW.plusSeconds(5));

        assertThat(stopped.steps()).extracting(Playbook.Step::status).containsExactly(Playbook.StepStatus.STARTED,
                Playbook.StepStatus.SKIPPED, Playbook.StepStatus.STOPPED);
        assertThat(stopped.steps().get(2).changedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(stopped.running()).isFalse();
        assertThatThrownBy(() -> stopped.stopped(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLaterStepSeesTheCheckInsOfTheStepsBeforeItThatRan() {
        Playbook p = playbook(List.of(Playbook.Step.planned("kickoff", "change", NOW).start(NOW).ran("K23456"),
                Playbook.Step.planned("pulse", "change-pulse", NOW).skipped(NOW),
                Playbook.Step.planned("lookback", "change-lookback", NOW)));

        assertThat(p.checkInsBefore("kickoff")).isEmpty();
        assertThat(p.checkInsBefore("lookback")).containsExactly("K23456");
        assertThat(p.request("change-lookback").purpose()).isEqualTo("change-lookback");
        assertThat(p.request("change-lookback").dueIn()).hasDays(2);
        assertThat(p.request("change-lookback").threadTs()).isNull();
    }

    private static Playbook playbook(List<Playbook.Step> steps) {
        return new Playbook("P23456", "T1", "U0LEAD", "change", null, List.of("U0A"), null, null, "C0TEAM",
                Visibility.LEADER, "P2D", NOW, steps);
    }
}

package org.alliance.recurring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.alliance.checkin.StartRequest;
import org.alliance.checkin.Visibility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A series is a value: its pause, resume, stop and advance are decided by the recurring service
 * and stored by {@link SeriesRepository} (see {@code SeriesRepositoryTest}). What it owns is
 * its lists and the request each round starts from.
 */
class SeriesTest {

    private static final Instant CREATED = Instant.parse("2025-01-06T09:00:00Z");
    private static final LocalDateTime NEXT = LocalDateTime.of(2025, 1, 13, 10, 0);

    static Series series(String id, SeriesStatus status, List<String> userIds, String dueIn) {
        return new Series(id, "T1", "U0LEAD", "team-health", "See how we are", userIds, List.of("S0DESIGN"),
                List.of("C0MEMBERS"), "C0TEAM", Visibility.THREAD, dueIn, "weekly:MON", LocalTime.of(10, 0), status,
                CREATED, 0, NEXT);
    }

    @Test
    void missingListsAreEmpty() {
        Series s = new Series("R23456", "T1", "U0LEAD", "team-health", null, null, null, null, "C0TEAM", null, null,
                "weekly:MON", null, SeriesStatus.ACTIVE, CREATED, 0, NEXT);

        assertThat(s.userIds()).isEmpty();
        assertThat(s.userGroupIds()).isEmpty();
        assertThat(s.memberChannelIds()).isEmpty();
    }

    @Test
    void keepsItsOwnCopiesOfWhoIsAsked() {
        List<String> users = new ArrayList<>(List.of("U0ANN"));
        Series s = series("R23456", SeriesStatus.ACTIVE, users, null);

        users.add("U0EVE");

        assertThat(s.userIds()).containsExactly("U0ANN");
        assertThatThrownBy(() -> s.userIds().add("U0EVE")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.userGroupIds().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.memberChannelIds().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachRoundStartsFromTheSameRequest() {
        Series s = series("R23456", SeriesStatus.ACTIVE, List.of("U0ANN", "U0BOB"), "P2D");

        StartRequest request = s.request();

        assertThat(request.teamId()).isEqualTo("T1");
        assertThat(request.leaderId()).isEqualTo("U0LEAD");
        assertThat(request.purpose()).isEqualTo("team-health");
        assertThat(request.objective()).isEqualTo("See how we are");
        assertThat(request.userIds()).containsExactly("U0ANN", "U0BOB");
        assertThat(request.userGroupIds()).containsExactly("S0DESIGN");
        assertThat(request.memberChannelIds()).containsExactly("C0MEMBERS");
        assertThat(request.channelId()).isEqualTo("C0TEAM");
        assertThat(request.visibility()).isEqualTo(Visibility.THREAD);
        assertThat(request.dueIn()).isEqualTo(Duration.ofDays(2));
        // A round is a fresh thread with its purpose's own questions, due relative to when it starts.
        assertThat(request.threadTs()).isNull();
        assertThat(request.customQuestions()).isEmpty();
        assertThat(request.dueAt()).isNull();
        assertThat(s.request()).isEqualTo(request);
    }

    @Test
    void noDueInMeansTheDefault() {
        assertThat(series("R23456", SeriesStatus.ACTIVE, List.of("U0ANN"), null).request().dueIn()).isNull();
        assertThat(series("R23456", SeriesStatus.ACTIVE, List.of("U0ANN"), "PT36H").request().dueIn())
                .isEqualTo(Duration.ofHours(36));
    }
}

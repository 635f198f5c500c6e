package org.alliance.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    private static final Instant NOW = Instant.parse("2025-01-06T09:00:00Z");

    private static Response of(String userId, ResponseStatus status) {
        return new Response("CHK234:" + userId, "T1", "CHK234", userId, status,
                status == ResponseStatus.ANSWERED ? Map.of("how", "Fine") : Map.of(), null, null, null, 0, null, null,
                null, NOW);
    }

    @Test
    void countsEachStatus() {
        Progress p = Progress.of(List.of(of("A", ResponseStatus.ANSWERED), of("B", ResponseStatus.ANSWERED),
                of("C", ResponseStatus.SKIPPED), of("D", ResponseStatus.MISSED), of("E", ResponseStatus.PENDING)));

        assertThat(p).isEqualTo(new Progress(5, 2, 1, 1, 1));
        assertThat(p.allIn()).isFalse();
        assertThat(p.summary()).isEqualTo("2 of 5 answered, 1 skipped, 1 missed");
    }

    @Test
    void allInOnceNobodyIsPending() {
        assertThat(Progress.of(List.of(of("A", ResponseStatus.ANSWERED), of("B", ResponseStatus.SKIPPED))).allIn())
                .isTrue();
        assertThat(Progress.of(List.of(of("A", ResponseStatus.MISSED))).allIn()).isTrue();
        assertThat(Progress.of(List.of(of("A", ResponseStatus.ANSWERED), of("B", ResponseStatus.PENDING))).allIn())
                .isFalse();
    }

    @Test
    void summaryMentionsSkipsAndMissesOnlyWhenThereAreSome() {
        assertThat(Progress.of(List.of(of("A", ResponseStatus.ANSWERED), of("B", ResponseStatus.PENDING))).summary())
                .isEqualTo("1 of 2 answered");
        assertThat(Progress.of(List.of(of("A", ResponseStatus.SKIPPED))).summary())
                .isEqualTo("0 of 1 answered, 1 skipped");
        assertThat(Progress.of(List.of()).summary()).isEqualTo("0 of 0 answered");
    }

    @Test
    void someoneAwayWasNotAskedSoCountsApartFromTheSkips() {
        Instant back = NOW.plusSeconds(3 * 86_400);
        Response away = Response.away("T1", "CHK234", "E", AwayReason.until(back), NOW);
        Response typed = new Response("CHK234:F", "T1", "CHK234", "F", ResponseStatus.SKIPPED, Map.of(),
                "Away until Friday", null, null, 0, null, null, null, NOW);
        Progress p = Progress.of(List.of(away, typed, of("D", ResponseStatus.PENDING)));

        assertThat(p.total()).as("only the people asked").isEqualTo(2);
        assertThat(p.skipped()).as("a reason someone typed is a skip").isEqualTo(1);
        assertThat(p.away()).containsExactly(new Progress.Away("E", back));
        assertThat(p.summary()).isEqualTo("0 of 2 answered, 1 skipped, 1 away");
    }
}

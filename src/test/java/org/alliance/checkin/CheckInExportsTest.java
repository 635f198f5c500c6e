package org.alliance.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.alliance.checkin.CheckInExports.Answer;
import org.alliance.checkin.CheckInExports.Part;
import org.alliance.checkin.CheckInExports.Sheet;
import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.checkin.TestCheckIns.LEADER;
import static org.alliance.checkin.TestCheckIns.TEAM;
import static org.alliance.checkin.TestCheckIns.checkIn;
import static org.assertj.core.api.Assertions.assertThat;

/** What an export may hold, on the real repositories in memory: the visibility rules, no Spring. */
class CheckInExportsTest {

    private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");
    private static final List<String> SIX = List.of("U01", "U02", "U03", "U04", "U05", "U06");

    private TestCheckIns stored;

    @BeforeEach
    void database() {
        stored = new TestCheckIns(InMemoryMongo.freshDatabase());
    }

    private CheckInExports exports(long seed) {
        return new CheckInExports(stored.checkIns, stored.responses, new Random(seed));
    }

    private void end(String id) {
        CheckIn c = stored.checkIns.find(TEAM, id).orElseThrow();
        stored.checkIns.endIfOpen(c.ended(CheckInStatus.COMPLETED, T0.plusSeconds(7200))).orElseThrow();
    }

    @Test
    void theLeaderGetsEveryPersonWithNamesAnswersAndSkipReasons() {
        stored.store(checkIn("LED234").participants("U0ANN", "U0BOB", "U0CY").createdAt(T0).build());
        stored.answer("LED234", "U0ANN", Map.of("how", "Fine", "mood", "4"), T0.plusSeconds(60));
        stored.responses.skipped(Response.idOf("LED234", "U0BOB"), "On leave", T0.plusSeconds(90)).orElseThrow();

        Sheet sheet = ((CheckInExports.Found) exports(1).checkIn(TEAM, "led234", LEADER)).sheet();

        assertThat(sheet.status()).isEqualTo("open");
        assertThat(sheet.parts()).extracting(Part::userId, Part::status, Part::skipReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("U0ANN", "answered", null),
                        org.assertj.core.groups.Tuple.tuple("U0BOB", "skipped", "On leave"),
                        org.assertj.core.groups.Tuple.tuple("U0CY", "waiting", null));
        assertThat(sheet.parts().get(0).answers()).containsExactly(new Answer(1, TestCheckIns.HOW.text(), "Fine"),
                new Answer(2, TestCheckIns.MOOD.text(), "4 / 5"));
        assertThat(sheet.parts().get(0).answeredAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void onlyTheLeaderMayExportACheckInAndAnUnknownIdIsNotFound() {
        stored.store(checkIn("LED234").participants("U0ANN").createdAt(T0).build());

        assertThat(exports(1).checkIn(TEAM, "LED234", "U0ANN")).isInstanceOf(CheckInExports.NotLeader.class);
        assertThat(exports(1).checkIn("T2", "LED234", LEADER)).isInstanceOf(CheckInExports.NotFound.class);
        assertThat(exports(1).checkIn(TEAM, "NOPE99", LEADER)).isInstanceOf(CheckInExports.NotFound.class);
    }

    @Test
    void anonymousAnswersAreWithheldWhileOpenAndBelowTheThreshold() {
        stored.store(checkIn("ANO234").participants(SIX.toArray(String[]::new)).visibility(Visibility.ANONYMOUS)
                .anonymousThreshold(3).createdAt(T0).build());
        stored.answer("ANO234", "U01", Map.of("how", "a"), T0);
        stored.answer("ANO234", "U02", Map.of("how", "b"), T0);
        stored.answer("ANO234", "U03", Map.of("how", "c"), T0);

        assertThat(exports(1).checkIn(TEAM, "ANO234", LEADER)).isEqualTo(
                new CheckInExports.Withheld(stored.checkIns.find(TEAM, "ANO234").orElseThrow(), 3));

        stored.store(checkIn("FEW234").participants(SIX.toArray(String[]::new)).visibility(Visibility.ANONYMOUS)
                .anonymousThreshold(3).createdAt(T0).build());
        stored.answer("FEW234", "U01", Map.of("how", "a"), T0);
        stored.answer("FEW234", "U02", Map.of("how", "b"), T0);
        end("FEW234");

        assertThat(exports(1).checkIn(TEAM, "FEW234", LEADER)).isInstanceOfSatisfying(CheckInExports.Withheld.class,
                w -> assertThat(w.answered()).isEqualTo(2));
    }

    @Test
    void anonymousAnswersComeWithoutAnyoneAndEachQuestionIsShuffledOnItsOwn() {
        stored.store(checkIn("ANO234").participants(SIX.toArray(String[]::new)).visibility(Visibility.ANONYMOUS)
                .anonymousThreshold(3).createdAt(T0).build());
        for (int i = 0; i < SIX.size(); i++) {
            stored.answer("ANO234", SIX.get(i), Map.of("how", "how-" + i, "help", "help-" + i), T0.plusSeconds(i));
        }
        end("ANO234");

        List<Part> parts = ((CheckInExports.Found) exports(42).checkIn(TEAM, "ANO234", LEADER)).sheet().parts();

        assertThat(parts).hasSize(12).allSatisfy(p -> {
            assertThat(p.userId()).isNull();
            assertThat(p.answeredAt()).isNull();
            assertThat(p.skipReason()).isNull();
            assertThat(p.answers()).hasSize(1);
        });
        List<String> how = parts.subList(0, 6).stream().map(p -> p.answers().get(0).text()).toList();
        List<String> help = parts.subList(6, 12).stream().map(p -> p.answers().get(0).text()).toList();
        assertThat(how).containsExactlyInAnyOrder("how-0", "how-1", "how-2", "how-3", "how-4", "how-5")
                .isNotEqualTo(List.of("how-0", "how-1", "how-2", "how-3", "how-4", "how-5"));
        assertThat(help).containsExactlyInAnyOrder("help-0", "help-1", "help-2", "help-3", "help-4", "help-5");
        // Shuffled apart: the two questions' orders do not follow the same person.
        assertThat(help.stream().map(h -> h.replace("help", "how")).toList()).isNotEqualTo(how);
    }

    @Test
    void withOnePersonTheLeaderSeesTheirOwnCheckInsOnlyAndNoAnonymousAnswer() {
        stored.store(checkIn("OLD234").participants("U0ANN").createdAt(T0).build());
        stored.store(checkIn("ANO234").participants("U0ANN", "U0BOB", "U0CY").visibility(Visibility.ANONYMOUS)
                .createdAt(T0.plusSeconds(3600)).build());
        stored.answer("OLD234", "U0ANN", Map.of("how", "Good"), T0);
        stored.answer("ANO234", "U0ANN", Map.of("how", "secret"), T0.plusSeconds(3700));
        stored.responses.skipped(Response.idOf("ANO234", "U0BOB"), "typed reason", T0).orElseThrow();
        CheckIn other = new CheckIn("OTH234", TEAM, "U0OTHER", "trust", "Other", null, List.of(TestCheckIns.HOW),
                List.of("U0ANN"), "C0TEAM", null, null, Visibility.LEADER, 3, T0.plusSeconds(86_400), T0,
                CheckInStatus.OPEN, null, null, null);
        stored.store(other);
        stored.answer("OTH234", "U0ANN", Map.of("how", "for the other leader"), T0);

        List<Sheet> withAnn = exports(1).between(TEAM, LEADER, "U0ANN");

        assertThat(withAnn).extracting(s -> s.checkIn().id()).containsExactly("OLD234", "ANO234");
        assertThat(withAnn.get(0).parts()).singleElement().satisfies(p -> assertThat(p.answers()).extracting(Answer::text)
                .containsExactly("Good"));
        assertThat(withAnn.get(1).parts()).singleElement().satisfies(p -> {
            assertThat(p.userId()).isEqualTo("U0ANN");
            assertThat(p.status()).isEqualTo("answered");
            assertThat(p.answers()).isEmpty();
            assertThat(p.answeredAt()).isNull();
            assertThat(p.withheld()).isTrue();
        });
        Part bob = exports(1).between(TEAM, LEADER, "U0BOB").get(0).parts().get(0);
        assertThat(bob.status()).isEqualTo("skipped");
        assertThat(bob.skipReason()).as("a typed reason in an anonymous check-in").isNull();
        assertThat(exports(1).between(TEAM, LEADER, "U0NOBODY")).isEmpty();
    }

    @Test
    void everyoneGetsTheirOwnAnswersEverywhereAnonymousIncluded() {
        stored.store(checkIn("ANO234").participants("U0ANN", "U0BOB").visibility(Visibility.ANONYMOUS)
                .createdAt(T0).build());
        stored.store(checkIn("LED234").participants("U0ANN", "U0BOB").createdAt(T0.plusSeconds(60)).build());
        stored.answer("ANO234", "U0ANN", Map.of("how", "mine, anonymous"), T0);
        stored.answer("ANO234", "U0BOB", Map.of("how", "bob's"), T0);
        stored.answer("LED234", "U0BOB", Map.of("how", "bob's too"), T0);

        List<Sheet> mine = exports(1).answeredBy(TEAM, "U0ANN");

        assertThat(mine).extracting(s -> s.checkIn().id()).containsExactly("ANO234", "LED234");
        assertThat(mine).allSatisfy(s -> assertThat(s.parts()).singleElement()
                .satisfies(p -> assertThat(p.userId()).isEqualTo("U0ANN")));
        assertThat(mine.get(0).parts().get(0).answers()).extracting(Answer::text).containsExactly("mine, anonymous");
        assertThat(mine.get(1).parts().get(0).status()).isEqualTo("waiting");
    }
}

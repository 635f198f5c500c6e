package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.alliance.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.checkin.TestCheckIns.LEADER;
import static org.alliance.checkin.TestCheckIns.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/** The history queries on a real (in-memory) database: order, paging, and only what the viewer may see. */
class CheckInHistoryTest {

    private static final String ANN = "U0ANN";
    private static final String BOB = "U0BOB";
    private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

    private MongoDatabase db;
    private TestCheckIns store;
    private CheckInHistory history;

    @BeforeEach
    void setUp() {
        db = InMemoryMongo.freshDatabase();
        store = new TestCheckIns(db);
        history = new CheckInHistory(store.checkIns, store.responses);
    }

    private CheckIn stored(String id, Visibility visibility, int day) {
        return store.store(TestCheckIns.checkIn(id).participants(ANN, BOB).visibility(visibility)
                .createdAt(T0.plus(Duration.ofDays(day))).build());
    }

    @Test
    void theLeaderGetsTheirAnswersAndSkipReasonsButNothingOfAnAnonymousCheckInExceptThatTheyWereAsked() {
        stored("K00001", Visibility.LEADER, 1);
        stored("K00002", Visibility.THREAD, 2);
        stored("K00003", Visibility.ANONYMOUS, 3);
        stored("K00004", Visibility.ANONYMOUS, 4);
        store.answer("K00001", ANN, Map.of("how", "Ann, privately"), T0);
        store.answer("K00001", BOB, Map.of("how", "Bob, privately"), T0);
        store.responses.skipped(Response.idOf("K00002", ANN), "On holiday", T0);
        store.answer("K00003", ANN, Map.of("how", "Ann, anonymously"), T0);
        store.responses.skipped(Response.idOf("K00004", ANN), "Anonymous reason", T0);

        List<CheckInHistory.Entry> entries = history.between(TEAM, LEADER, ANN, 0, 10).entries();

        assertThat(entries).extracting(CheckInHistory.Entry::checkInId)
                .containsExactly("K00004", "K00003", "K00002", "K00001");
        assertThat(entries.get(3).part()).isEqualTo(CheckInHistory.Part.ANSWERED);
        assertThat(entries.get(3).answers()).containsExactly(new CheckInHistory.Said("How is it going?", "Ann, privately"));
        assertThat(entries.get(2).part()).isEqualTo(CheckInHistory.Part.SKIPPED);
        assertThat(entries.get(2).skipReason()).isEqualTo("On holiday");
        assertThat(entries.get(2).away()).isFalse();
        for (CheckInHistory.Entry anonymous : entries.subList(0, 2)) {
            assertThat(anonymous.part()).isEqualTo(CheckInHistory.Part.NOT_SHOWN);
            assertThat(anonymous.answers()).isEmpty();
            assertThat(anonymous.skipReason()).isNull();
        }
        assertThat(entries.toString()).doesNotContain("Bob, privately").doesNotContain("anonymously")
                .doesNotContain("Anonymous reason");
    }

    @Test
    void ownAnswersComeFromEveryLeaderAnonymousOnesIncludedAndNobodyElsesAreIn() {
        stored("K00001", Visibility.ANONYMOUS, 1);
        store.store(new CheckIn("K00002", TEAM, "U0OTHER", "trust", "Other leader", "o", List.of(TestCheckIns.HOW),
                List.of(ANN, BOB), "C0TEAM", null, null, Visibility.LEADER, 3, T0.plus(Duration.ofDays(9)),
                T0.plus(Duration.ofDays(2)), CheckInStatus.OPEN, null, null, null));
        stored("K00003", Visibility.LEADER, 3);
        store.answer("K00001", ANN, Map.of("how", "Mine, anonymous"), T0);
        store.answer("K00001", BOB, Map.of("how", "Bob's, anonymous"), T0);
        store.answer("K00002", BOB, Map.of("how", "Bob's, to the other leader"), T0);

        List<CheckInHistory.Entry> entries = history.answersOf(TEAM, ANN, 0, 10).entries();

        assertThat(entries).extracting(CheckInHistory.Entry::checkInId).containsExactly("K00003", "K00002", "K00001");
        assertThat(entries).extracting(CheckInHistory.Entry::leaderId).containsExactly(LEADER, "U0OTHER", LEADER);
        assertThat(entries.get(2).answers()).extracting(CheckInHistory.Said::answer).containsExactly("Mine, anonymous");
        assertThat(entries.get(1).part()).isEqualTo(CheckInHistory.Part.WAITING);
        assertThat(entries.toString()).doesNotContain("Bob's");
        assertThat(history.wasAsked(TEAM, ANN)).isTrue();
        assertThat(history.wasAsked(TEAM, "U0CAROL")).isFalse();
        assertThat(history.haveMet(TEAM, "U0OTHER", ANN)).isTrue();
        assertThat(history.haveMet(TEAM, "U0OTHER", "U0CAROL")).isFalse();
        assertThat(history.haveMet("T2", "U0OTHER", ANN)).as("another workspace").isFalse();
    }

    @Test
    void pagesRunNewestFirstWithoutGapsOrRepeats() {
        for (int day = 1; day <= 7; day++) {
            stored("K0000" + day, Visibility.LEADER, day);
        }
        CheckInHistory.Page first = history.between(TEAM, LEADER, ANN, 0, 3);
        CheckInHistory.Page second = history.between(TEAM, LEADER, ANN, 1, 3);
        CheckInHistory.Page last = history.between(TEAM, LEADER, ANN, 2, 3);

        List<String> seen = new ArrayList<>();
        for (CheckInHistory.Page p : List.of(first, second, last)) {
            p.entries().forEach(e -> seen.add(e.checkInId()));
            assertThat(p.total()).isEqualTo(7);
        }
        assertThat(seen).containsExactly("K00007", "K00006", "K00005", "K00004", "K00003", "K00002", "K00001");
        assertThat(first.hasNewer()).isFalse();
        assertThat(first.hasOlder()).isTrue();
        assertThat(second.hasNewer()).isTrue();
        assertThat(last.hasOlder()).isFalse();
        assertThat(history.between(TEAM, LEADER, ANN, 5, 3).entries()).isEmpty();
    }

    @Test
    void theBotsAwayReasonIsMarkedSoItsDateShowsButATypedLookAlikeIsNot() {
        stored("K00001", Visibility.LEADER, 1);
        stored("K00002", Visibility.LEADER, 2);
        store.responses.skipped(Response.idOf("K00001", ANN), "Away until <!date^1736153999^{date_short_pretty} at {time}|Mon 6 Jan 2025 08:59 UTC>", T0);
        store.responses.skipped(Response.idOf("K00002", ANN), "Away until <!channel>", T0);

        List<CheckInHistory.Entry> entries = history.between(TEAM, LEADER, ANN, 0, 10).entries();

        assertThat(entries.get(1).away()).isTrue();
        assertThat(entries.get(0).away()).isFalse();
    }

    @Test
    void historyQueriesHaveIndexesToServeThem() {
        stored("K00001", Visibility.LEADER, 1);
        List<Document> keys = db.getCollection("checkins").listIndexes().map(i -> i.get("key", Document.class))
                .into(new ArrayList<>());
        assertThat(keys).extracting(Document::keySet).anySatisfy(k -> assertThat(k).containsExactly(
                "checkIn.teamId", "checkIn.leaderId", "checkIn.participants", "checkIn.createdAt", "_id"));
        assertThat(keys).extracting(Document::keySet).anySatisfy(k -> assertThat(k).containsExactly(
                "checkIn.teamId", "checkIn.participants", "checkIn.createdAt", "_id"));
    }
}

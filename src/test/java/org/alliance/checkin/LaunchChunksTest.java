package org.alliance.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoDatabase;
import org.alliance.questions.Question;
import org.alliance.questions.QuestionSet;
import org.alliance.shared.ShortIds;
import org.alliance.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * A start stores its responses in chunks and invites each person once their chunk is stored: the
 * first invitations go out while later chunks are still written, and a later chunk that fails is
 * retried person by person, leaving out (and reporting) only whoever still can't be stored. Real
 * repositories on an in-memory MongoDB; Slack and the job schedule faked.
 */
class LaunchChunksTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final QuestionSet TRUST = new QuestionSet("trust", "Building trust", "Trust each other",
            List.of(Question.text("important", "What is important for you in your work?")));
    /** Two chunks: the first few, then the rest. */
    private static final List<String> PEOPLE = IntStream.rangeClosed(1, ResponseFeed.FIRST_CHUNK + 14)
            .mapToObj(i -> String.format("U0P%02d", i)).toList();

    private final CountDownLatch firstInvitation = new CountDownLatch(1);
    /** Slack calls in order; the first invitation opens {@link #firstInvitation}. */
    private final List<String> calls = new CopyOnWriteArrayList<>() {
        @Override
        public boolean add(String call) {
            boolean added = super.add(call);
            if (call.startsWith("invite ")) {
                firstInvitation.countDown();
            }
            return added;
        }
    };
    private final RecordingMessenger messenger = new RecordingMessenger(calls);
    private final List<List<String>> chunks = new CopyOnWriteArrayList<>();
    private final List<String> invitedBeforeLaterChunks = new CopyOnWriteArrayList<>();
    private final Ending ending = mock(Ending.class);
    private MongoDatabase db;
    private CheckInRepository checkIns;
    /** A later chunk's bulk write stores this many of its people, then fails; -1: it succeeds. */
    private int laterChunkFailsAfter = -1;
    /** Storing these people alone fails too. */
    private Set<String> cannotStore = Set.of();
    /** Whether a person who cannot be stored meets an outage (the server unreachable) rather than an error. */
    private boolean outage;
    private final List<String> retried = new CopyOnWriteArrayList<>();
    private Launch launch;

    @BeforeEach
    void launch() {
        db = InMemoryMongo.freshDatabase();
        checkIns = new CheckInRepository(db);
        ResponseRepository responses = new ResponseRepository(db) {
            @Override
            void insertAll(List<Response> all) {
                List<String> people = all.stream().map(Response::userId).toList();
                chunks.add(people);
                if (chunks.size() > 1) {
                    // No later chunk is written before someone was invited: the senders don't wait for it.
                    awaitFirstInvitation();
                    invitedBeforeLaterChunks.addAll(messenger.callsOf("invite"));
                    if (laterChunkFailsAfter >= 0) {
                        super.insertAll(all.subList(0, laterChunkFailsAfter));
                        throw new MongoException("connection reset");
                    }
                }
                super.insertAll(all);
            }

            @Override
            void insertIfAbsent(Response response) {
                retried.add(response.userId());
                if (cannotStore.contains(response.userId())) {
                    throw outage ? new MongoTimeoutException("no server answered") : new MongoException("connection reset");
                }
                super.insertIfAbsent(response);
            }
        };
        CheckInSchedule schedule = mock(CheckInSchedule.class);
        launch = new Launch(checkIns, responses, messenger, schedule, new Invitations(messenger, responses, schedule),
                ending, new ShortIds() {
                    @Override
                    public String next() {
                        return "K2345A";
                    }
                }, new ChangeNotices(event -> { }, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void theFirstInvitationsGoOutWhileLaterChunksAreStillStored() {
        StartOutcome outcome = launch.launch(plan());

        assertThat(((StartOutcome.Started) outcome).notReached()).isEmpty();
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0)).isEqualTo(PEOPLE.subList(0, ResponseFeed.FIRST_CHUNK));
        assertThat(chunks.get(1)).isEqualTo(PEOPLE.subList(ResponseFeed.FIRST_CHUNK, PEOPLE.size()));
        // Invited before the second chunk was written: people of the first chunk only.
        assertThat(invitedBeforeLaterChunks).isNotEmpty().allSatisfy(call ->
                assertThat(PEOPLE.subList(0, ResponseFeed.FIRST_CHUNK)).contains(call.substring("invite K2345A ".length())));
        assertThat(messenger.callsOf("invite")).hasSize(PEOPLE.size()).doesNotHaveDuplicates();
        assertThat(responses()).extracting(r -> r.getString("userId")).containsExactlyElementsOf(PEOPLE);
        assertThat(responses()).allSatisfy(r -> assertThat(r.getString("dmTs")).isNotNull());
        assertThat(messenger.callsOf("tell")).isEmpty();
    }

    @Test
    void whoeverALaterChunkCannotStoreIsLeftOutAndReportedAndEveryoneElseIsInvitedOnce() {
        // The bulk write stores three of the second chunk, then fails; three people can't be stored at all,
        // one of them away (so never to be asked).
        laterChunkFailsAfter = 3;
        cannotStore = Set.of("U0P15", "U0P10", "U0P16");
        messenger.failInvitesTo("U0P03");

        StartOutcome outcome = launch.launch(plan(Map.of("U0P16", NOW.plus(Duration.ofDays(7)))));

        StartOutcome.Started started = (StartOutcome.Started) outcome;
        assertThat(started.notReached()).containsExactly("U0P03", "U0P10", "U0P15");
        assertThat(started.asked()).isEqualTo(PEOPLE.size() - 1 - 3);
        List<String> invited = messenger.callsOf("invite").stream().map(c -> c.substring("invite K2345A ".length()))
                .toList();
        assertThat(invited).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(PEOPLE.stream()
                .filter(p -> !Set.of("U0P10", "U0P15", "U0P16").contains(p)).toList());
        // Those the failed bulk write had stored (U0P07-U0P09) count as stored on the retry.
        List<String> expectedStored = PEOPLE.stream().filter(p -> !Set.of("U0P10", "U0P15", "U0P16").contains(p))
                .toList();
        assertThat(responses()).extracting(r -> r.getString("userId")).containsExactlyElementsOf(expectedStored);
        // The leader hears once: the failed invitation as before, the two not stored as a database problem.
        String told = messenger.callsOf("tell").stream().collect(Collectors.joining("\n"));
        assertThat(messenger.callsOf("tell")).hasSize(1);
        assertThat(told.substring(0, told.indexOf("They may have deactivated"))).contains("<@U0P03>")
                .doesNotContain("U0P10", "U0P15", "U0P16");
        // U0P16, away, was never to be asked: the start's reply lists them as away, not here.
        assertThat(told.substring(told.indexOf("They may have deactivated"))).contains("<@U0P10>, <@U0P15>")
                .contains("database problem").doesNotContain("U0P03", "U0P16");
        // They are taken off the check-in, which goes on; the parent is brought up to date.
        CheckIn stored = checkIns.find("T0001", "K2345A").orElseThrow();
        assertThat(stored.participants()).containsExactlyElementsOf(expectedStored);
        assertThat(stored.status()).isEqualTo(CheckInStatus.OPEN);
        assertThat(messenger.callsOf("updateParent")).containsExactly("updateParent K2345A OPEN 0 of "
                + expectedStored.size() + " answered");
        assertThat(messenger.callsOf("deleteParent")).isEmpty();
        verify(ending).completeIfAllIn("T0001", "K2345A");
    }

    @Test
    void aFirstChunkThatCannotBeStoredUndoesTheWholeStart() {
        // The first person's response exists already, so the first chunk's bulk write fails.
        new ResponseRepository(db).insertAll(List.of(Response.pending("T0001", "K2345A", "U0P01", NOW)));

        StartOutcome outcome = launch.launch(plan());

        assertThat(outcome).isEqualTo(new StartOutcome.Refused(Launch.NOTHING_STARTED));
        assertThat(chunks).hasSize(1);
        assertThat(messenger.callsOf("invite")).isEmpty();
        assertThat(messenger.callsOf("deleteParent")).hasSize(1);
        assertThat(db.getCollection("checkins").countDocuments()).isZero();
        assertThat(db.getCollection("responses").countDocuments()).isZero();
        verify(ending, org.mockito.Mockito.never()).completeIfAllIn(anyString(), any());
    }

    @Test
    void aResponseTheFailedBulkWriteStoredButTheRetryCannotConfirmIsRemoved() {
        // U0P08 was stored by the bulk write that then failed; its retry fails too, so it is left out.
        laterChunkFailsAfter = 3;
        cannotStore = Set.of("U0P08");

        StartOutcome.Started started = (StartOutcome.Started) launch.launch(plan(Map.of()));

        assertThat(started.notReached()).containsExactly("U0P08");
        assertThat(messenger.callsOf("invite")).noneMatch(c -> c.endsWith("U0P08"));
        assertThat(responses()).extracting(r -> r.getString("userId")).doesNotContain("U0P08")
                .hasSize(PEOPLE.size() - 1);
        assertThat(checkIns.find("T0001", "K2345A").orElseThrow().participants()).doesNotContain("U0P08");
    }

    @Test
    void anOutageWhileRetryingLeavesTheRestOutAtOnce() {
        // The bulk write stores nothing; the retry meets an unreachable server at U0P10 and tries nobody after.
        laterChunkFailsAfter = 0;
        outage = true;
        cannotStore = Set.of("U0P10");

        StartOutcome.Started started = (StartOutcome.Started) launch.launch(plan(Map.of()));

        assertThat(retried).containsExactly("U0P07", "U0P08", "U0P09", "U0P10");
        assertThat(started.notReached()).containsExactlyElementsOf(PEOPLE.subList(9, PEOPLE.size()));
        assertThat(responses()).extracting(r -> r.getString("userId")).containsExactlyElementsOf(PEOPLE.subList(0, 9));
        assertThat(messenger.callsOf("invite")).hasSize(9);
    }

    private void awaitFirstInvitation() {
        try {
            assertThat(firstInvitation.await(30, TimeUnit.SECONDS)).as("an invitation before the second chunk").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static StartPlan plan() {
        return plan(Map.of());
    }

    private static StartPlan plan(Map<String, Instant> away) {
        StartRequest request = new StartRequest("T0001", "U0LEADER", "trust", null, List.of(), PEOPLE,
                List.of(), List.of(), "C0TEAM", null, Visibility.THREAD, null, null);
        Map<String, Instant> inviteAt = PEOPLE.stream().collect(Collectors.toMap(p -> p, p -> NOW));
        return new StartPlan(request, TRUST, TRUST.objective(), Visibility.THREAD, PEOPLE, inviteAt, away,
                NOW.plus(Duration.ofDays(3)), 3, NOW);
    }

    private List<Document> responses() {
        return db.getCollection("responses").find().sort(new Document("_id", 1))
                .map(d -> d.get("response", Document.class)).into(new ArrayList<>());
    }
}

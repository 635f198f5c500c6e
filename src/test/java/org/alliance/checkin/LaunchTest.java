package org.alliance.checkin;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import org.alliance.questions.Question;
import org.alliance.questions.QuestionSet;
import org.alliance.shared.ShortIds;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.alliance.support.InMemoryMongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * The steps of a start, in order, and what a failure at each leaves behind: nothing, until
 * people are invited. Real repositories on an in-memory MongoDB; Slack and the job schedule faked.
 */
class LaunchTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final QuestionSet TRUST = new QuestionSet("trust", "Building trust", "Trust each other",
            List.of(Question.text("important", "What is important for you in your work?")));
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final RecordingMessenger messenger = new RecordingMessenger(steps);
    private final Deque<String> ids = new ArrayDeque<>();
    private final CheckInSchedule schedule = mock(CheckInSchedule.class);
    private MongoDatabase db;
    private RuntimeException failInsert;
    private RuntimeException failReplace;
    private RuntimeException failDelete;
    private Launch launch;

    @BeforeEach
    void launch() {
        db = InMemoryMongo.freshDatabase();
        CheckInRepository checkIns = new CheckInRepository(db) {
            @Override
            boolean insert(CheckIn checkIn) {
                steps.add("reserve " + checkIn.id());
                failIf(failInsert);
                return super.insert(checkIn);
            }

            @Override
            void replace(CheckIn checkIn) {
                steps.add("store thread " + checkIn.id() + " " + checkIn.threadTs());
                failIf(failReplace);
                super.replace(checkIn);
            }

            @Override
            void delete(String id) {
                steps.add("delete check-in " + id);
                failIf(failDelete);
                super.delete(id);
            }
        };
        ResponseRepository responses = new ResponseRepository(db) {
            @Override
            void insertAll(List<Response> all) {
                steps.add("store responses " + all.stream().map(Response::userId).collect(Collectors.joining(" ")));
                super.insertAll(all);
            }

            @Override
            void deleteForCheckIn(String checkInId) {
                steps.add("delete responses " + checkInId);
                super.deleteForCheckIn(checkInId);
            }
        };
        doAnswer(i -> steps.add("schedule deadline " + i.<CheckIn>getArgument(0).id())).when(schedule).started(any());
        doAnswer(i -> steps.add("schedule reminders " + i.getArgument(1))).when(schedule)
                .invited(any(), anyString(), any());
        // Invitations sent meanwhile get their reminders in one write.
        doAnswer(i -> {
            i.<List<String>>getArgument(1).forEach(u -> steps.add("schedule reminders " + u));
            return null;
        }).when(schedule).invited(any(), org.mockito.ArgumentMatchers.<List<String>>any(), any());
        ShortIds shortIds = new ShortIds() {
            @Override
            public String next() {
                return ids.isEmpty() ? super.next() : ids.pop();
            }
        };
        launch = new Launch(checkIns, responses, messenger, schedule,
                new Invitations(messenger, responses, schedule), mock(Ending.class), shortIds,
                new ChangeNotices(event -> steps.add("announce " + ((CheckInChanged) event).change()),
                        Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void theStepsRunInOneOrderAndLeaveAStartedCheckIn() {
        ids.add("K2345A");

        StartOutcome outcome = launch.launch(plan(Visibility.LEADER, "U0ALICE", "U0BOB"));

        assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
        String parentTs = messenger.parentTs;
        assertThat(steps.subList(0, 6)).containsSubsequence(
                "reserve K2345A",
                "postParent K2345A 0 of 2 answered",
                "startLeaderThread K2345A",
                "store thread K2345A " + parentTs,
                "schedule deadline K2345A");
        // The responses are stored while the parent and the thread are posted, and before the deadline.
        assertThat(steps.subList(1, 5)).contains("store responses U0ALICE U0BOB");
        // Then, side by side: the announcement and each person's invitation followed by their reminders.
        assertThat(steps.subList(6, steps.size())).containsExactlyInAnyOrder(
                "announce STARTED",
                "invite K2345A U0ALICE",
                "schedule reminders U0ALICE",
                "invite K2345A U0BOB",
                "schedule reminders U0BOB");
        for (String person : List.of("U0ALICE", "U0BOB")) {
            assertThat(steps.indexOf("invite K2345A " + person)).isLessThan(steps.indexOf("schedule reminders " + person));
        }
        Document stored = checkIn("K2345A");
        assertThat(stored.getString("parentTs")).isEqualTo(parentTs);
        assertThat(stored.getString("threadTs")).isEqualTo(parentTs);
        assertThat(stored.getString("leaderChannelId")).isEqualTo("DU0LEADER");
        assertThat(responses()).extracting(r -> r.getString("dmChannelId")).containsExactly("DU0ALICE", "DU0BOB");
    }

    @Test
    void aTakenIdIsDrawnAgain() {
        ids.addAll(List.of("K2345A", "K2345A", "K2345B"));
        launch.launch(plan(Visibility.THREAD, "U0ALICE"));
        steps.clear();

        StartOutcome outcome = launch.launch(plan(Visibility.THREAD, "U0BOB"));

        assertThat(((StartOutcome.Started) outcome).checkIn().id()).isEqualTo("K2345B");
        // The responses are stored while the parent is posted, so only the reservations are sure to come first.
        assertThat(steps).startsWith("reserve K2345A", "reserve K2345B")
                .containsSubsequence("reserve K2345B", "postParent K2345B 0 of 1 answered");
    }

    @Test
    void aDatabaseThatCannotReserveTheIdStopsBeforeSlackHearsAnything() {
        failInsert = new MongoException("connection refused");

        StartOutcome outcome = launch.launch(plan(Visibility.LEADER, "U0ALICE"));

        assertThat(refusal(outcome)).isEqualTo(Launch.NOTHING_STARTED);
        assertThat(messenger.calls).noneMatch(s -> s.startsWith("postParent") || s.startsWith("invite"));
        assertNothingStored();
    }

    @Test
    void aParentSlackRefusesRemovesTheReservedCheckIn() {
        ids.add("K2345A");
        messenger.fail("postParent", new CheckInMessenger.CannotPost("I'm not in <#C0TEAM>. Invite me with /invite."));

        StartOutcome outcome = launch.launch(plan(Visibility.LEADER, "U0ALICE"));

        assertThat(refusal(outcome)).isEqualTo("I'm not in <#C0TEAM>. Invite me with /invite.");
        assertThat(steps).containsSubsequence("reserve K2345A", "postParent K2345A 0 of 1 answered",
                "delete check-in K2345A");
        // Storing the responses may not have begun when the parent failed (then it never does); if it had,
        // it was over before they were deleted.
        if (steps.contains("store responses U0ALICE")) {
            assertThat(steps).containsSubsequence("store responses U0ALICE", "delete responses K2345A");
        }
        assertNothingStored();
    }

    @Test
    void aParentSlackDoesNotAnswerRemovesTheReservedCheckIn() {
        messenger.fail("postParent", new IllegalStateException("timeout"));

        StartOutcome outcome = launch.launch(plan(Visibility.LEADER, "U0ALICE"));

        assertThat(refusal(outcome)).contains("<#C0TEAM>").contains("Slack didn't answer").contains("Nothing was started");
        assertNothingStored();
    }

    @Test
    void aCheckInThatCannotStoreItsThreadIsRemovedWithItsParent() {
        ids.add("K2345A");
        failReplace = new MongoException("not primary");

        StartOutcome outcome = launch.launch(plan(Visibility.THREAD, "U0ALICE"));

        assertThat(refusal(outcome)).isEqualTo(Launch.NOTHING_STARTED);
        assertThat(steps).containsSubsequence("store thread K2345A " + messenger.parentTs,
                "delete responses K2345A", "delete check-in K2345A", "deleteParent K2345A " + messenger.parentTs);
        assertNoInvitations();
        assertNothingStored();
    }

    @Test
    void responsesStoredHalfWayAreRemovedWithTheCheckInAndItsParent() {
        ids.add("K2345A");
        // Bob's response already exists, so storing the responses fails after Alice's.
        new ResponseRepository(db).insertAll(List.of(Response.pending("T0001", "K2345A", "U0BOB", NOW)));

        StartOutcome outcome = launch.launch(plan(Visibility.THREAD, "U0ALICE", "U0BOB"));

        assertThat(refusal(outcome)).isEqualTo(Launch.NOTHING_STARTED);
        assertThat(steps).containsSubsequence("store responses U0ALICE U0BOB", "delete responses K2345A",
                "delete check-in K2345A", "deleteParent K2345A " + messenger.parentTs);
        assertThat(steps).doesNotContain("schedule deadline K2345A");
        assertNoInvitations();
        assertNothingStored();
    }

    @Test
    void aDeadlineThatCannotBeScheduledUndoesEverything() {
        ids.add("K2345A");
        doAnswer(i -> {
            throw new MongoException("disk full");
        }).when(schedule).started(any());

        StartOutcome outcome = launch.launch(plan(Visibility.LEADER, "U0ALICE"));

        assertThat(refusal(outcome)).isEqualTo(Launch.NOTHING_STARTED);
        // The leader's DM thread was opened before the failure, so it is removed with the parent.
        assertThat(messenger.calls).contains("deleteParent K2345A " + messenger.parentTs + " and DU0LEADER "
                + messenger.leaderThreadTs);
        assertNoInvitations();
        assertNothingStored();
    }

    @Test
    void aLeaderThreadThatCannotBeOpenedUndoesEverything() {
        ids.add("K2345A");
        messenger.fail("startLeaderThread", new IllegalStateException("ratelimited"));

        StartOutcome outcome = launch.launch(plan(Visibility.LEADER, "U0ALICE"));

        assertThat(refusal(outcome)).isEqualTo(Launch.NOTHING_STARTED);
        assertThat(messenger.calls).contains("deleteParent K2345A " + messenger.parentTs);
        assertNothingStored();
    }

    @Test
    void theParentIsDeletedEvenWhenTheDatabaseCannotUndoItsPart() {
        ids.add("K2345A");
        failReplace = new MongoException("not primary");
        failDelete = new MongoException("not primary");

        StartOutcome outcome = launch.launch(plan(Visibility.THREAD, "U0ALICE"));

        assertThat(refusal(outcome)).isEqualTo(Launch.NOTHING_STARTED);
        assertThat(steps).endsWith("delete check-in K2345A", "deleteParent K2345A " + messenger.parentTs);
    }

    @Test
    void someoneWhoCannotBeInvitedIsReportedAndTheCheckInGoesOn() {
        ids.add("K2345A");
        messenger.failInvitesTo("U0BOB");

        StartOutcome outcome = launch.launch(plan(Visibility.THREAD, "U0ALICE", "U0BOB"));

        assertThat(((StartOutcome.Started) outcome).notReached()).containsExactly("U0BOB");
        assertThat(messenger.callsOf("tell")).singleElement().asString().contains("K2345A").contains("<@U0BOB>");
        assertThat(steps).noneMatch(s -> s.startsWith("delete"));
        assertThat(checkIn("K2345A").getString("status")).isEqualTo("OPEN");
        Map<String, Document> byUser = responses().stream()
                .collect(Collectors.toMap(r -> r.getString("userId"), Function.identity()));
        assertThat(byUser.get("U0ALICE").getString("dmTs")).isNotNull();
        assertThat(byUser.get("U0BOB").getString("dmTs")).isNull();
        assertThat(byUser.get("U0BOB").getString("status")).isEqualTo("PENDING");
    }

    @Test
    void aLargeFanOutFromSeveralSendersInvitesEachPersonOnceAndReportsFailuresInTheOrderAsked() {
        ids.add("K2345A");
        String[] people = java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> String.format("U0P%02d", i))
                .toArray(String[]::new);
        messenger.failInvitesTo("U0P31", "U0P07", "U0P19");

        StartOutcome outcome = launch.launch(plan(Visibility.THREAD, people));

        assertThat(((StartOutcome.Started) outcome).notReached()).containsExactly("U0P07", "U0P19", "U0P31");
        assertThat(messenger.callsOf("invite")).hasSize(40).doesNotHaveDuplicates();
        assertThat(steps).filteredOn(s -> s.startsWith("schedule reminders")).hasSize(37).doesNotHaveDuplicates();
        assertThat(steps).filteredOn(s -> s.equals("announce STARTED")).hasSize(1);
        assertThat(responses()).filteredOn(r -> r.getString("dmTs") != null).hasSize(37);
        assertThat(messenger.callsOf("tell")).singleElement().asString()
                .contains("<@U0P07>, <@U0P19>, <@U0P31>");
    }

    private static StartPlan plan(Visibility visibility, String... people) {
        List<String> participants = Arrays.asList(people);
        StartRequest request = new StartRequest("T0001", "U0LEADER", "trust", null, List.of(), participants,
                List.of(), List.of(), "C0TEAM", null, visibility, null, null);
        Map<String, Instant> inviteAt = participants.stream().collect(Collectors.toMap(p -> p, p -> NOW));
        return new StartPlan(request, TRUST, TRUST.objective(), visibility, participants, inviteAt, Map.of(),
                NOW.plus(Duration.ofDays(3)), 3, NOW);
    }

    private static String refusal(StartOutcome outcome) {
        assertThat(outcome).isInstanceOf(StartOutcome.Refused.class);
        return ((StartOutcome.Refused) outcome).message();
    }

    private Document checkIn(String id) {
        Document doc = db.getCollection("checkins").find(new Document("_id", id)).first();
        assertThat(doc).as("check-in %s", id).isNotNull();
        return doc.get("checkIn", Document.class);
    }

    private List<Document> responses() {
        return db.getCollection("responses").find().sort(new Document("_id", 1))
                .map(d -> d.get("response", Document.class)).into(new java.util.ArrayList<>());
    }

    private void assertNothingStored() {
        assertThat(db.getCollection("checkins").countDocuments()).as("check-ins").isZero();
        assertThat(db.getCollection("responses").countDocuments()).as("responses").isZero();
    }

    private void assertNoInvitations() {
        assertThat(messenger.calls).noneMatch(s -> s.startsWith("invite"));
        assertThat(messenger.callsOf("tell")).isEmpty();
    }

    private static void failIf(RuntimeException failure) {
        if (failure != null) {
            throw failure;
        }
    }
}

package org.alliance.commitments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.alliance.checkin.TestCheckIns;
import org.alliance.checkin.Visibility;
import org.alliance.schedule.Job;
import org.alliance.schedule.Schedule;
import org.alliance.schedule.Schedules;
import org.alliance.shared.ShortIds;
import org.alliance.shared.TestTimeZones;
import org.alliance.support.FakePeople;
import org.alliance.support.InMemoryMongo;
import org.alliance.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.checkin.TestCheckIns.HELP;
import static org.alliance.checkin.TestCheckIns.HOW;
import static org.alliance.checkin.TestCheckIns.LEADER;
import static org.alliance.checkin.TestCheckIns.MOOD;
import static org.alliance.checkin.TestCheckIns.TEAM;
import static org.alliance.checkin.TestCheckIns.checkIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may make, close and rate a commitment, on the real repositories and schedule in memory,
 * with Slack's directory faked and no Spring. The leader is in Tokyo, where it is already the
 * next day: the clock says Monday 23:30 UTC, Tuesday 08:30 for the leader.
 */
class CommitmentsTest {

    private static final Instant NOW = Instant.parse("2025-01-06T23:30:00Z");
    private static final LocalDate LEADERS_TODAY = LocalDate.of(2025, 1, 7);
    private static final LocalDate FRIDAY = LocalDate.of(2025, 1, 10);

    private final MutableClock clock = new MutableClock(NOW);
    private final FakePeople people = new FakePeople().with(LEADER, "Lee", "Asia/Tokyo")
            .with("U0ANN", "Ann", "Europe/London");
    private final SequenceIds ids = new SequenceIds();
    private Schedule schedule;
    private CommitmentRepository repository;
    private Commitments commitments;
    private final List<Object> published = new ArrayList<>();

    /** Ids drawn in the order the test gives them, so a collision can be staged. */
    static final class SequenceIds extends ShortIds {
        private final Deque<String> next = new ArrayDeque<>();
        private int drawn;

        void willDraw(String... ids) {
            next.addAll(List.of(ids));
        }

        @Override
        public String next() {
            return next.isEmpty() ? "CMT" + (100 + ++drawn) : next.poll();
        }
    }

    @BeforeEach
    void checkInWithAnAnswer() {
        MongoDatabase database = InMemoryMongo.freshDatabase();
        TestCheckIns checkIns = new TestCheckIns(database);
        schedule = Schedules.on(database, clock);
        repository = new CommitmentRepository(database);
        commitments = new Commitments(repository, checkIns.queries(schedule), people,
                new CommitmentReminders(schedule, new CommitmentSettings(null), clock), ids,
                TestTimeZones.of(people, ZoneOffset.UTC), published::add, clock);

        checkIns.store(checkIn("CHK234").participants("U0ANN", "U0BOB").questions(HOW, MOOD, HELP).build());
        checkIns.answer("CHK234", "U0ANN", Map.of("how", "Busy", "mood", "3", "help", "Fewer meetings"),
                Instant.parse("2025-01-06T10:00:00Z"));
        checkIns.store(checkIn("ANON23").participants("U0ANN", "U0BOB").visibility(Visibility.ANONYMOUS).build());
    }

    private Commitment created(Submission submission) {
        assertThat(submission).isInstanceOf(Submission.Created.class);
        return ((Submission.Created) submission).commitment();
    }

    private Commitment commit(String text, LocalDate due) {
        return created(commitments.submit(TEAM, LEADER, "CHK234", "U0ANN", text, due));
    }

    // --- the follow-up form ---

    @Test
    void theFormShowsTheMemberTheLeadersTodayAndWhatTheyAskedFor() {
        FollowUp followUp = commitments.followUp(TEAM, LEADER, "chk234", "U0ANN");

        assertThat(followUp).isEqualTo(new FollowUp.Allowed("CHK234", "Team health", "U0ANN", "Ann", LEADERS_TODAY,
                List.of(new FollowUp.Said(HELP.text(), "Fewer meetings"))));
    }

    @Test
    void someoneWhoHasNotAnsweredMayStillBeFollowedUp() {
        assertThat(commitments.followUp(TEAM, LEADER, "CHK234", "U0BOB"))
                .isInstanceOfSatisfying(FollowUp.Allowed.class, allowed -> {
                    assertThat(allowed.memberName()).as("not in the directory").isNull();
                    assertThat(allowed.context()).isEmpty();
                });
    }

    @Test
    void withoutSlackTheFormStillOpensInTheDefaultZone() {
        people.goDown();

        assertThat(commitments.followUp(TEAM, LEADER, "CHK234", "U0ANN"))
                .isInstanceOfSatisfying(FollowUp.Allowed.class, allowed -> {
                    assertThat(allowed.memberName()).isNull();
                    assertThat(allowed.leaderToday()).isEqualTo(LocalDate.of(2025, 1, 6));
                });
    }

    @Test
    void onlyTheLeaderFollowsUpAndOnlyANamedParticipant() {
        assertThat(commitments.followUp(TEAM, "U0ANN", "CHK234", "U0ANN"))
                .isEqualTo(new FollowUp.Refused("Only <@U0LEAD> can follow up answers to check-in `CHK234`: "
                        + "a commitment is between them and the person who answered."));
        assertThat(commitments.followUp(TEAM, LEADER, "CHK234", "U0EVE"))
                .isInstanceOfSatisfying(FollowUp.Refused.class, r -> assertThat(r.message()).contains("wasn't asked"));
        assertThat(commitments.followUp(TEAM, LEADER, "ANON23", "U0ANN"))
                .isInstanceOfSatisfying(FollowUp.Refused.class, r -> assertThat(r.message()).contains("anonymous"));
        assertThat(commitments.followUp(TEAM, LEADER, "<NOPE>", "U0ANN"))
                .isEqualTo(new FollowUp.Refused("I can't find the check-in `&lt;NOPE&gt;` any more."));
        assertThat(commitments.followUp("T2", LEADER, "CHK234", "U0ANN")).isInstanceOf(FollowUp.Refused.class);
    }

    // --- making a commitment ---

    @Test
    void aCommitmentIsDueAtFiveOnTheLeadersDayAndRemindedTheDayBefore() {
        ids.willDraw("CMT234");

        Commitment c = created(commitments.submit(TEAM, LEADER, " chk234 ", "U0ANN", "  Cancel the Friday sync ", FRIDAY));

        assertThat(c.id()).isEqualTo("CMT234");
        assertThat(c.checkInId()).isEqualTo("CHK234");
        assertThat(c.leaderId()).isEqualTo(LEADER);
        assertThat(c.memberId()).isEqualTo("U0ANN");
        assertThat(c.text()).isEqualTo("Cancel the Friday sync");
        assertThat(c.dueAt()).isEqualTo(Instant.parse("2025-01-10T08:00:00Z"));
        assertThat(c.createdAt()).isEqualTo(NOW);
        assertThat(c.isOpen()).isTrue();
        assertThat(repository.find(TEAM, "CMT234")).contains(c);
        assertThat(schedule.upcoming(CommitmentReminders.KIND, "commitmentId", "CMT234"))
                .extracting(Job::dueAt)
                .containsExactly(Instant.parse("2025-01-09T08:00:00Z"), Instant.parse("2025-01-10T08:00:00Z"));
    }

    @Test
    void dueTodayLeavesOutTheHeadsUpThatWouldAlreadyBeLate() {
        Commitment c = commit("Talk to Ann", LEADERS_TODAY);

        assertThat(schedule.upcoming(CommitmentReminders.KIND, "commitmentId", c.id()))
                .extracting(Job::dueAt).containsExactly(Instant.parse("2025-01-07T08:00:00Z"));
    }

    @Test
    void theDayIsCheckedInTheLeadersCalendar() {
        // Still 6 January in UTC, but already the 7th for the leader.
        Submission submission = commitments.submit(TEAM, LEADER, "CHK234", "U0ANN", "Talk", LocalDate.of(2025, 1, 6));

        assertThat(submission).isInstanceOfSatisfying(Submission.Invalid.class,
                invalid -> assertThat(invalid.problems()).containsOnlyKeys(Commitment.Field.DUE_DATE));
        assertThat(commitments.mine(TEAM, LEADER).made()).isEmpty();
    }

    @Test
    void whatAndWhenAreBothChecked() {
        assertThat(commitments.submit(TEAM, LEADER, "CHK234", "U0ANN", "  ", null))
                .isInstanceOfSatisfying(Submission.Invalid.class, invalid -> assertThat(invalid.problems())
                        .containsOnlyKeys(Commitment.Field.TEXT, Commitment.Field.DUE_DATE));
        assertThat(commitments.submit(TEAM, LEADER, "CHK234", "U0ANN", "x".repeat(Commitment.MAX_TEXT + 1), FRIDAY))
                .isInstanceOf(Submission.Invalid.class);
        assertThat(commitments.mine(TEAM, LEADER).made()).isEmpty();
    }

    @Test
    void onlyTheLeaderMayCommitAndOnlyToAParticipantOfANamedCheckIn() {
        assertThat(commitments.submit(TEAM, "U0ANN", "CHK234", "U0ANN", "Promise myself", FRIDAY))
                .isInstanceOfSatisfying(Submission.Refused.class, r -> assertThat(r.message()).contains("Only <@U0LEAD>"));
        assertThat(commitments.submit(TEAM, LEADER, "CHK234", "U0EVE", "Talk", FRIDAY))
                .isInstanceOf(Submission.Refused.class);
        assertThat(commitments.submit(TEAM, LEADER, "ANON23", "U0ANN", "Talk", FRIDAY))
                .isInstanceOf(Submission.Refused.class);
        assertThat(commitments.submit(TEAM, LEADER, "NOPE23", "U0ANN", "Talk", FRIDAY))
                .isInstanceOf(Submission.Refused.class);

        assertThat(commitments.mine(TEAM, LEADER).made()).isEmpty();
        assertThat(commitments.mine(TEAM, "U0ANN").made()).isEmpty();
    }

    @Test
    void aTakenIdIsDrawnAgain() {
        ids.willDraw("CMT234", "CMT234", "CMT235");

        Commitment first = commit("One", FRIDAY);
        Commitment second = commit("Two", FRIDAY);

        assertThat(first.id()).isEqualTo("CMT234");
        assertThat(second.id()).isEqualTo("CMT235");
        assertThat(repository.find(TEAM, "CMT234")).map(Commitment::text).contains("One");
    }

    // --- done ---

    @Test
    void theLeaderMarksItDoneOnce() {
        Commitment c = commit("Talk", FRIDAY);
        clock.advance(Duration.ofDays(1));
        Instant doneAt = clock.instant();

        Change first = commitments.markDone(TEAM, LEADER, c.id());
        clock.advance(Duration.ofMinutes(5));
        Change again = commitments.markDone(TEAM, LEADER, c.id());

        assertThat(first).isInstanceOfSatisfying(Change.Changed.class, changed -> {
            assertThat(changed.commitment().isOpen()).isFalse();
            assertThat(changed.commitment().doneAt()).isEqualTo(doneAt);
        });
        assertThat(again).isInstanceOfSatisfying(Change.Unchanged.class,
                unchanged -> assertThat(unchanged.commitment().doneAt()).isEqualTo(doneAt));
        assertThat(repository.find(TEAM, c.id()).orElseThrow().doneAt()).isEqualTo(doneAt);
        // Made, then done; the second click changed nothing, so nothing is announced for it.
        assertThat(published).extracting(e -> ((CommitmentChanged) e).at())
                .containsExactly(c.createdAt(), doneAt);
        assertThat(published).allSatisfy(e -> assertThat((CommitmentChanged) e)
                .extracting(CommitmentChanged::leaderId, CommitmentChanged::memberId).containsExactly(LEADER, c.memberId()));
    }

    @Test
    void onlyTheLeaderMarksItDone() {
        Commitment c = commit("Talk", FRIDAY);

        assertThat(commitments.markDone(TEAM, "U0ANN", c.id()))
                .isEqualTo(new Change.Refused("Only <@U0LEAD> can mark this commitment done."));
        assertThat(commitments.markDone(TEAM, LEADER, "NOPE23"))
                .isEqualTo(new Change.Refused("I can't find that commitment any more."));
        assertThat(commitments.markDone("T2", LEADER, c.id())).isInstanceOf(Change.Refused.class);
        assertThat(repository.find(TEAM, c.id()).orElseThrow().isOpen()).isTrue();
    }

    // --- did it help? ---

    @Test
    void theMemberRatesItOnceItIsDoneAndOnlyOnce() {
        Commitment c = commit("Talk", FRIDAY);
        assertThat(commitments.rate(TEAM, "U0ANN", c.id(), Helped.YES))
                .isEqualTo(new Change.Refused("This commitment isn't marked done yet."));

        commitments.markDone(TEAM, LEADER, c.id());
        clock.advance(Duration.ofHours(2));
        Change rated = commitments.rate(TEAM, "U0ANN", c.id(), Helped.SOMEWHAT);
        Change again = commitments.rate(TEAM, "U0ANN", c.id(), Helped.NO);

        assertThat(rated).isInstanceOfSatisfying(Change.Changed.class, changed -> {
            assertThat(changed.commitment().helped()).isEqualTo(Helped.SOMEWHAT);
            assertThat(changed.commitment().helpedAt()).isEqualTo(clock.instant());
        });
        assertThat(again).isInstanceOfSatisfying(Change.Unchanged.class,
                unchanged -> assertThat(unchanged.commitment().helped()).isEqualTo(Helped.SOMEWHAT));
        assertThat(repository.find(TEAM, c.id()).orElseThrow().helped()).isEqualTo(Helped.SOMEWHAT);
    }

    @Test
    void onlyTheMemberRatesIt() {
        Commitment c = commit("Talk", FRIDAY);
        commitments.markDone(TEAM, LEADER, c.id());

        assertThat(commitments.rate(TEAM, LEADER, c.id(), Helped.YES))
                .isEqualTo(new Change.Refused("Only <@U0ANN> can answer this."));
        assertThat(commitments.rate(TEAM, "U0BOB", c.id(), Helped.YES)).isInstanceOf(Change.Refused.class);
        assertThat(commitments.rate(TEAM, "U0ANN", "NOPE23", Helped.YES)).isInstanceOf(Change.Refused.class);
        assertThat(repository.find(TEAM, c.id()).orElseThrow().helped()).isNull();
    }

    // --- lists ---

    @Test
    void listsShowOnlyOpenCommitmentsSoonestFirstToEachSide() {
        Commitment later = commit("Later", FRIDAY);
        Commitment sooner = commit("Sooner", LEADERS_TODAY.plusDays(1));
        Commitment done = commit("Done", LEADERS_TODAY);
        commitments.markDone(TEAM, LEADER, done.id());
        Commitment toBob = created(commitments.submit(TEAM, LEADER, "CHK234", "U0BOB", "Bob's", FRIDAY.plusDays(1)));

        assertThat(commitments.mine(TEAM, LEADER).made()).extracting(Commitment::id)
                .containsExactly(sooner.id(), later.id(), toBob.id());
        assertThat(commitments.mine(TEAM, LEADER).toMe()).isEmpty();
        assertThat(commitments.mine(TEAM, "U0ANN").toMe()).extracting(Commitment::id)
                .containsExactly(sooner.id(), later.id());
        assertThat(commitments.mine(TEAM, "U0ANN").made()).isEmpty();
        assertThat(commitments.openForCheckIn(TEAM, "CHK234")).hasSize(3);
        assertThat(commitments.openForCheckIn("T2", "CHK234")).isEmpty();
    }
}

package org.alliance.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.alliance.questions.Question;
import org.alliance.schedule.Schedule;
import org.alliance.schedule.Schedules;
import org.alliance.shared.TestTimeZones;
import org.alliance.snooze.TestSnoozes;
import org.alliance.support.FakePeople;

/**
 * Check-ins for tests without Spring: an open {@link CheckIn} built field by field, and the real
 * check-in repositories on a test database, so tests in other packages can store check-ins and
 * answers and read them back through {@link CheckInQueries}.
 */
public final class TestCheckIns {

    public static final String TEAM = "T1";
    public static final String LEADER = "U0LEAD";
    public static final Question HOW = Question.text("how", "How is it going?");
    public static final Question MOOD = Question.scale("mood", "How do you feel, from 1 to 5?");
    public static final Question HELP = Question.text("help", "What can I do to help you?");

    final CheckInRepository checkIns;
    final ResponseRepository responses;
    private final MongoDatabase database;

    public TestCheckIns(MongoDatabase database) {
        this.database = database;
        this.checkIns = new CheckInRepository(database);
        this.responses = new ResponseRepository(database);
    }

    /** Stores {@code checkIn} with a pending response for each participant, as a start does. */
    public CheckIn store(CheckIn checkIn) {
        checkIns.insert(checkIn);
        List<Response> pending = new ArrayList<>();
        for (String userId : checkIn.participants()) {
            pending.add(Response.pending(checkIn.teamId(), checkIn.id(), userId, checkIn.createdAt()));
        }
        responses.insertAll(pending);
        return checkIn;
    }

    /** Records {@code userId}'s answers to a stored check-in. */
    public void answer(String checkInId, String userId, Map<String, String> answers, Instant at) {
        responses.answered(Response.idOf(checkInId, userId), answers, at).orElseThrow();
    }

    /** The read side other modules use, on the same database. */
    public CheckInQueries queries(Schedule schedule) {
        Clock clock = Clock.systemUTC();
        ReminderPlan plan = new ReminderPlan(checkInSchedule(schedule), Schedules.anyTime(ZoneOffset.UTC),
                TestTimeZones.of(new FakePeople(), ZoneOffset.UTC), TestSnoozes.on(database, clock),
                new ReminderSettings(null, null, null), clock, new FakePeople());
        return new CheckInQueries(checkIns, responses, plan);
    }

    /** Every stored check-in, as features that look back over all of them read it. */
    public PastCheckIns past() {
        return new PastCheckIns(checkIns);
    }

    static CheckInSchedule checkInSchedule(Schedule schedule) {
        return new CheckInSchedule(schedule, new ReminderSettings(null, null, null), new FollowUpSettings(null));
    }

    public static Builder checkIn(String id) {
        return new Builder(id);
    }

    /** An open check-in; unless told otherwise: three questions, visible to the leader, due in three days. */
    public static final class Builder {
        private final String id;
        private final String teamId = TEAM;
        private final String leaderId = LEADER;
        private List<String> participants = List.of("U0ANN", "U0BOB");
        private List<Question> questions = List.of(HOW, MOOD, HELP);
        private Visibility visibility = Visibility.LEADER;
        private int anonymousThreshold = 3;
        private Instant createdAt = Instant.parse("2025-01-06T09:00:00Z");
        private final Duration dueIn = Duration.ofDays(3);

        private Builder(String id) {
            this.id = id;
        }

        public Builder participants(String... userIds) {
            this.participants = List.of(userIds);
            return this;
        }

        public Builder questions(Question... questions) {
            this.questions = List.of(questions);
            return this;
        }

        public Builder visibility(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        public Builder anonymousThreshold(int threshold) {
            this.anonymousThreshold = threshold;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public CheckIn build() {
            return new CheckIn(id, teamId, leaderId, "team-health", "Team health", "See how the team is doing",
                    questions, participants, "C0TEAM", null, null, visibility, anonymousThreshold,
                    createdAt.plus(dueIn), createdAt, CheckInStatus.OPEN, null, null, null);
        }
    }
}

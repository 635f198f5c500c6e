package org.alliance.schedule;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.ScheduledAppTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.support.Acks.ackText;
import static org.alliance.support.CheckInDriver.LEADER;
import static org.alliance.support.CheckInDriver.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jobs stored by the version before payloads had types still run after the upgrade. Each job here
 * is written as a raw document, field for field as that version wrote it (kind names, data as
 * strings, keys), and must decode and do its work; what the new version schedules in turn is
 * stored in that same shape.
 */
class StoredJobsTest extends ScheduledAppTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ANA = "U0SJANA";
    private static final String BEN = "U0SJBEN";
    private static final Pattern SET_UP = Pattern.compile("Recurring check-in `(R[A-Z0-9]{5})` is set up");

    @BeforeEach
    void londoners() {
        slack.addUser(ANA, "Ana", "Europe/London").addUser(BEN, "Ben", "Europe/London");
    }

    @Test
    void checkInJobsRunAndAGarbledOneFailsWithoutStoppingThem() {
        String id = driver.start("trust <@" + ANA + "> <@" + BEN + ">", 2);
        String anasThread = driver.response(id, ANA).getString("dmTs");
        jobs().deleteMany(new Document());
        // Ben's invitation still to go, as in a round whose people live in other time zones.
        db.getCollection("responses").updateOne(Filters.eq("_id", id + ":" + BEN),
                Updates.combine(Updates.set("response.dmTs", null), Updates.set("response.dmChannelId", null)));

        Instant now = clock.instant();
        store("checkin.remind:" + id + ":" + ANA + ":9", "checkin.remind", now.minusSeconds(3),
                new Document("checkInId", id).append("userId", ANA).append("n", "nine"));
        store("checkin.remind:" + id + ":" + ANA + ":1", "checkin.remind", now.minusSeconds(2),
                new Document("checkInId", id).append("userId", ANA).append("n", "1"));
        store("checkin.invite:" + id + ":" + BEN, "checkin.invite", now.minusSeconds(1),
                new Document("checkInId", id).append("userId", BEN));
        Instant later = now.plus(Duration.ofHours(3));
        store("checkin.remind:" + id + ":" + ANA + ":2", "checkin.remind", later,
                new Document("checkInId", id).append("userId", ANA).append("n", "2"));

        Document garbled = awaitFinished("checkin.remind:" + id + ":" + ANA + ":9");
        assertThat(garbled.getString("status")).isEqualTo("FAILED");
        assertThat(garbled.getString("note")).contains("'n' is 'nine', which isn't a whole number");
        assertDone("checkin.remind:" + id + ":" + ANA + ":1");
        assertThat(posts(c -> ("D" + ANA).equals(c.param("channel")) && anasThread.equals(c.param("thread_ts"))
                && CheckInDriver.said(c).contains("gentle reminder"))).hasSize(1);
        assertDone("checkin.invite:" + id + ":" + BEN);
        assertThat(driver.response(id, BEN).getString("dmTs")).as("Ben's invitation").isNotNull();
        // Ben's reminders, scheduled by the new version, are stored as the old one stored them.
        Document bens = job("checkin.remind:" + id + ":" + BEN + ":1");
        assertThat(bens.getString("kind")).isEqualTo("checkin.remind");
        assertThat(bens.get("data", Document.class))
                .isEqualTo(new Document("checkInId", id).append("userId", BEN).append("n", "1"));

        // The leader's status reads Ana's stored reminder that is still to come.
        String status = ackText(driver.command(LEADER, "C0TEAM", "status " + id));
        assertThat(status).contains("• <@" + ANA + "> <!date^" + later.getEpochSecond() + "^");

        store("checkin.close:" + id, "checkin.close", clock.instant(), new Document("checkInId", id));
        assertDone("checkin.close:" + id);
        driver.awaitStatus(id, "CLOSED");
        assertThat(driver.response(id, ANA).getString("status")).isEqualTo("MISSED");

        // Closing scheduled the follow-up in the old shape; put it back as the old version would have, due now.
        assertThat(job("checkin.followup:" + id).get("data", Document.class)).isEqualTo(new Document("checkInId", id));
        jobs().deleteOne(Filters.eq("_id", "checkin.followup:" + id));
        store("checkin.followup:" + id, "checkin.followup", clock.instant(), new Document("checkInId", id));
        assertDone("checkin.followup:" + id);
        awaitPost(c -> LEADER.equals(c.param("channel")) && CheckInDriver.said(c).contains("Time to follow up")
                && CheckInDriver.said(c).contains(id));
    }

    @Test
    void aStoredRoundStartsItAndTheNextRoundIsStoredTheSameWay() {
        // Sunday noon in London: the first round is Monday 7 December at 10:00.
        clock.set(Instant.parse("2026-12-06T12:00:00Z"));
        String objective = "Stored rounds " + System.nanoTime();
        String seriesId = startSeries("trust <@" + ANA + "> <#C0SJ|sj> every:1w at:10:00 objective:\"" + objective + "\"");
        jobs().deleteMany(new Document());

        String key = "series.round:" + seriesId + ":2026-12-07T10:00";
        store(key, "series.round", Instant.parse("2026-12-07T10:00:00Z"),
                new Document("seriesId", seriesId).append("occurrence", "2026-12-07T10:00"));
        clock.set(Instant.parse("2026-12-07T10:00:00Z"));

        assertDone(key);
        await().atMost(WAIT).until(() -> db.getCollection("checkins")
                .countDocuments(Filters.eq("checkIn.objective", objective)) == 1);
        String next = "series.round:" + seriesId + ":2026-12-14T10:00";
        assertThat(job(next).getString("kind")).isEqualTo("series.round");
        assertThat(job(next).get("data", Document.class))
                .isEqualTo(new Document("seriesId", seriesId).append("occurrence", "2026-12-14T10:00"));
        assertThat(job(next).getDate("dueAt").toInstant()).isEqualTo(Instant.parse("2026-12-14T10:00:00Z"));
    }

    @Test
    void storedCommitmentRemindersAreSent() {
        String checkInId = driver.start("trust <@" + ANA + ">", 1);
        LocalDate due = LocalDate.of(2026, 12, 4);
        HttpResponse<String> ack = driver.submitCommitment(LEADER, checkInId, ANA, "Protect Ana's mornings", due);
        assertThat(ack.statusCode()).isEqualTo(200);
        String id = await().atMost(WAIT).until(() -> db.getCollection("commitments")
                .find(Filters.eq("commitment.checkInId", checkInId)).map(d -> d.getString("_id")).first(), i -> i != null);
        await().atMost(WAIT).until(() -> jobs().countDocuments(Filters.eq("kind", "commitment.remind")) == 2);
        assertThat(job("commitment.remind:" + id + ":before").get("data", Document.class))
                .as("scheduled by the new version").isEqualTo(new Document("commitmentId", id).append("when", "before"));
        jobs().deleteMany(new Document());

        Instant now = clock.instant();
        store("commitment.remind:" + id + ":before", "commitment.remind", now.minusSeconds(2),
                new Document("commitmentId", id).append("when", "before"));
        store("commitment.remind:" + id + ":due", "commitment.remind", now.minusSeconds(1),
                new Document("commitmentId", id).append("when", "due"));

        assertDone("commitment.remind:" + id + ":before");
        assertDone("commitment.remind:" + id + ":due");
        awaitPost(c -> LEADER.equals(c.param("channel")) && CheckInDriver.said(c).contains("Coming up")
                && CheckInDriver.said(c).contains(id));
        awaitPost(c -> LEADER.equals(c.param("channel")) && CheckInDriver.said(c).contains("Due today")
                && CheckInDriver.said(c).contains(id));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private com.mongodb.client.MongoCollection<Document> jobs() {
        return db.getCollection("jobs");
    }

    /** A pending job, field for field as the version with string-map data wrote it. */
    private void store(String key, String kind, Instant dueAt, Document data) {
        jobs().insertOne(new Document("_id", key).append("teamId", TEAM).append("kind", kind)
                .append("dueAt", Date.from(dueAt)).append("data", data).append("status", "PENDING")
                .append("claimedBy", null).append("leaseUntil", null).append("attempts", 0)
                .append("createdAt", Date.from(clock.instant().minus(Duration.ofDays(1))))
                .append("finishedAt", null).append("note", null));
    }

    private Document job(String key) {
        Document doc = jobs().find(Filters.eq("_id", key)).first();
        assertThat(doc).as("job %s", key).isNotNull();
        return doc;
    }

    private Document awaitFinished(String key) {
        return await().atMost(WAIT).until(() -> job(key),
                j -> "DONE".equals(j.getString("status")) || "FAILED".equals(j.getString("status")));
    }

    /** Done, having done its work: nothing skipped, nothing failed. */
    private void assertDone(String key) {
        Document job = awaitFinished(key);
        assertThat(job.getString("status")).as("status of %s (note: %s)", key, job.getString("note")).isEqualTo("DONE");
        assertThat(job.getString("note")).as("note of %s", key).isNull();
    }

    private String startSeries(String arguments) {
        int before = slack.calls("respond").size();
        assertThat(driver.command(LEADER, "C0SJ", "start " + arguments).statusCode()).isEqualTo(200);
        String reply = await().atMost(WAIT).until(() -> {
            List<FakeSlack.Call> responds = slack.calls("respond");
            return responds.size() > before ? responds.get(responds.size() - 1).param("text") : null;
        }, t -> t != null);
        Matcher m = SET_UP.matcher(reply);
        assertThat(m.find()).as("set-up reply: %s", reply).isTrue();
        return m.group(1);
    }

    private static List<FakeSlack.Call> posts(Predicate<FakeSlack.Call> matching) {
        return new ArrayList<>(slack.calls("chat.postMessage").stream().filter(matching).toList());
    }

    private static void awaitPost(Predicate<FakeSlack.Call> matching) {
        await().atMost(WAIT).until(() -> !posts(matching).isEmpty());
    }

}

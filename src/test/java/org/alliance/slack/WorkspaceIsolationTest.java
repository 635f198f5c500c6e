package org.alliance.slack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One deployment, two workspaces: everything workspace T1 has (a check-in with an answer, a
 * commitment, a recurring check-in) is invisible to requests from workspace T2 and untouchable by
 * them, even when they carry T1's ids and even when T2's people have the same user ids as T1's.
 * Every registered button, form and {@code /alliance} word is tried, so a new one is covered too.
 */
@ExtendWith(OutputCaptureExtension.class)
class WorkspaceIsolationTest extends AllianceIntegrationTest {

    private static final String T1 = FakeSlack.TEAM_ID;
    private static final String T2 = "T0ISOTWO";
    private static final String LEAD = "U1ISOLEAD";
    private static final String ALICE = "U1ISOALICE";
    private static final String BOB = "U1ISOBOB";
    private static final String CHANNEL = "C1ISO";
    private static final String SECRET = "SECRETOFT1";
    private static final String STRANGER = "U2ISOSTRANGER";
    private static final String STRANGER_DM = "D2ISOSTRANGER";

    @Autowired
    MongoDatabase db;
    @Autowired
    List<ActionRoute> actions;
    @Autowired
    List<SubmissionRoute> submissions;
    @Autowired
    List<Subcommand> subcommands;

    @Test
    void secondWorkspaceSeesNothingOfTheFirstAndChangesNothingInIt(CapturedOutput output) {
        for (String user : List.of(LEAD, ALICE, BOB, STRANGER)) {
            slack.addUser(user, user.toLowerCase(java.util.Locale.ROOT), "Europe/Berlin");
        }
        CheckInDriver t1 = new CheckInDriver(slack, requests, db);
        String checkInId = t1.startAs(LEAD, CHANNEL, "trust <@" + ALICE + "|alice> <@" + BOB + "|bob> <#" + CHANNEL
                + "|iso>", 2);
        t1.answer(ALICE, checkInId, Map.of("important", SECRET + " answer", "openness", "4"));
        assertThat(t1.submitCommitment(LEAD, checkInId, ALICE, SECRET + " promise", LocalDate.now().plusDays(7))
                .statusCode()).isEqualTo(200);
        String commitmentId = await().atMost(Duration.ofSeconds(20)).until(() -> idOf("commitments",
                Filters.eq("commitment.text", SECRET + " promise")), id -> id != null);
        t1.command(LEAD, CHANNEL, "start trust <@" + BOB + "|bob> <#" + CHANNEL + "|iso> every:1w at:12:00 objective:\""
                + SECRET + " series\"");
        String seriesId = await().atMost(Duration.ofSeconds(20)).until(() -> idOf("series",
                Filters.eq("series.objective", SECRET + " series")), id -> id != null);
        Document aliceResponse = t1.response(checkInId, ALICE);
        Document bobResponse = t1.response(checkInId, BOB);
        Set<String> t1Ids = Set.of(checkInId, commitmentId, seriesId);
        settle();
        Map<String, String> before = t1Documents(t1Ids);
        assertThat(before).hasSizeGreaterThan(4);

        List<String> values = new ArrayList<>(List.of(checkInId, commitmentId, seriesId, checkInId + ":" + ALICE,
                checkInId + ":" + BOB, commitmentId + ":YES", commitmentId + ":NO", "0:" + ALICE, "1:" + ALICE, ALICE));

        // Stage 1, lists and views without ids, from T2 people, some with T1's user ids: nothing of T1 shows.
        int mark = slack.calls().size();
        int attackStart = mark;
        for (String user : List.of(STRANGER, LEAD, ALICE)) {
            for (Subcommand command : subcommands) {
                inT2(() -> requests.slashCommand(T2, user, STRANGER_DM, command.name()));
                inT2(() -> requests.slashCommand(T2, user, STRANGER_DM, command.name() + " <@" + ALICE + "|alice>"));
            }
            inT2(() -> requests.rawJson(inTeam2(requests.eventEnvelope(
                    "{\"type\":\"app_home_opened\",\"user\":\"" + user + "\",\"channel\":\"" + STRANGER_DM
                            + "\",\"tab\":\"home\"}"))));
        }
        settle();
        List<FakeSlack.Call> listings = since(mark);
        assertThat(listings).isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (FakeSlack.Call call : listings) {
            String said = call.params().toString() + CheckInDriver.said(call);
            for (String secret : List.of(SECRET, checkInId, commitmentId, seriesId)) {
                softly.assertThat(said).as("%s to T2 without an id", call.method()).doesNotContain(secret);
            }
        }
        softly.assertThat(slack.sharedFiles()).noneSatisfy(f -> assertThat(f.text()).contains(SECRET));

        // Stage 2, every button, form, word and DM thread reply with T1's ids, from T2: refused, nothing changes.
        mark = slack.calls().size();
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        String state = formState();
        for (String user : List.of(STRANGER, LEAD, ALICE)) {
            for (ActionRoute action : actions) {
                for (String value : values) {
                    answers.put(user + " " + action.actionId() + " " + value, requests.interaction(inTeam2(
                            requests.blockAction(user, action.actionId(), value, STRANGER_DM, "1.0"))));
                }
            }
            for (SubmissionRoute submission : submissions) {
                for (String value : values) {
                    answers.put(user + " " + submission.callbackId() + " " + value, requests.interaction(inTeam2(
                            requests.viewSubmission(user, submission.callbackId(), value, state))));
                }
            }
            for (Subcommand command : subcommands) {
                for (String value : List.of(checkInId, commitmentId, seriesId)) {
                    answers.put(user + " /alliance " + command.name() + " " + value,
                            requests.slashCommand(T2, user, STRANGER_DM, command.name() + " " + value));
                }
            }
        }
        settle();

        answers.forEach((what, response) -> softly.assertThat(response.statusCode()).as(what).isIn(200, 400));
        softly.assertThat(t1Documents(t1Ids)).as("T1's documents after T2's requests").isEqualTo(before);
        for (FakeSlack.Call call : since(mark)) {
            softly.assertThat(CheckInDriver.said(call)).as("%s after T2's requests", call.method()).doesNotContain(SECRET);
            String channel = call.param("channel");
            softly.assertThat(channel == null || !(channel.equals(CHANNEL) || channel.equals(aliceResponse
                            .getString("dmChannelId")) || channel.equals(bobResponse.getString("dmChannelId"))))
                    .as("%s into T1's conversation %s: %s", call.method(), channel, call.params()).isTrue();
            // Bob is the one of T1's people no T2 request came from: nothing may reach him.
            softly.assertThat(call.params().values()).as("%s to T1's %s", call.method(), BOB).doesNotContain(BOB);
        }
        // T2 events that name T1's DM threads and channel: not taken for T1's, only answered where they came from.
        mark = slack.calls().size();
        for (Document r : List.of(aliceResponse, bobResponse)) {
            String who = r.getString("userId");
            answers.put(who + " replies in T1's DM thread", requests.rawJson(inTeam2(requests.eventEnvelope(
                    requests.imMessage(who, r.getString("dmChannelId"), "5 " + SECRET + " reply", r.getString("dmTs"))))));
        }
        answers.put(LEAD + " mentions the bot in T1's channel", requests.rawJson(inTeam2(requests.eventEnvelope(
                requests.appMention(LEAD, CHANNEL, "status " + checkInId, null)))));
        settle();
        answers.forEach((what, response) -> softly.assertThat(response.statusCode()).as(what).isIn(200, 400));
        softly.assertThat(t1Documents(t1Ids)).as("T1's documents after T2's events").isEqualTo(before);
        for (FakeSlack.Call call : since(mark)) {
            softly.assertThat(CheckInDriver.said(call)).as("%s after T2's events", call.method())
                    .doesNotContain(SECRET);
        }
        softly.assertThat(since(mark).stream().filter(c -> c.param("thread_ts") != null).map(CheckInDriver::said))
                .as("the answers in the DM threads").hasSize(2)
                .allSatisfy(said -> assertThat(said).contains("aren't sent to anyone"));

        // Answering T1's check-in from T2 is told, kindly, that there is no such check-in.
        mark = slack.calls().size();
        inT2(() -> requests.interaction(inTeam2(requests.blockAction(ALICE, "checkin_answer", checkInId, STRANGER_DM,
                "1.0"))));
        settle();
        List<FakeSlack.Call> told = since(mark).stream()
                .filter(c -> c.method().equals("respond") || c.method().equals("chat.postEphemeral")).toList();
        softly.assertThat(told).as("a reply to T2's answer click").isNotEmpty();
        softly.assertThat(told.stream().map(CheckInDriver::said).filter(s -> s.contains(checkInId)).toList())
                .as("replies naming T1's check-in").allSatisfy(s -> assertThat(s.toLowerCase()).containsAnyOf(
                        "can't find", "cannot find", "couldn't find", "not find", "no check-in", "isn't"));
        softly.assertThat(since(attackStart).stream().map(CheckInDriver::said))
                .as("anything shown in T2").noneMatch(s -> s.contains(SECRET));
        softly.assertAll();
        assertThat(output.getAll()).doesNotContain("\tat org.alliance");
    }

    /** Every stored document mentioning one of T1's ids (jobs only by key: their claims move on their own). */
    private Map<String, String> t1Documents(Set<String> ids) {
        Map<String, String> docs = new TreeMap<>();
        for (String name : db.listCollectionNames()) {
            for (Document d : db.getCollection(name).find()) {
                String json = d.toJson();
                if (json.contains(T2) || ids.stream().noneMatch(json::contains)
                        && !json.contains(LEAD) && !json.contains(ALICE) && !json.contains(BOB)) {
                    continue;
                }
                docs.put(name + "/" + d.get("_id"), name.equals("jobs") ? "job" : withoutVolatile(d).toJson());
            }
        }
        return docs;
    }

    /** Times a worker stamps on its own (seen, refreshed) are not changes made by a request. */
    private static Document withoutVolatile(Document d) {
        Document copy = Document.parse(d.toJson());
        copy.remove("fetchedAt");
        return copy;
    }

    private static List<FakeSlack.Call> since(int mark) {
        List<FakeSlack.Call> all = slack.calls();
        return all.subList(mark, all.size());
    }

    private String idOf(String collection, org.bson.conversions.Bson filter) {
        Document d = db.getCollection(collection).find(filter).first();
        return d == null ? null : d.getString("_id");
    }

    private static void inT2(Supplier<HttpResponse<String>> request) {
        assertThat(request.get().statusCode()).isIn(200, 400);
    }

    /** Waits until the app has stopped calling Slack for a moment: work after the ack has finished. */
    private void settle() {
        int[] last = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(700)).until(() -> {
            int now = slack.calls().size();
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
        });
    }

    /** The same request as sent by workspace T2: Bolt in single-workspace mode takes the team from the payload. */
    private static String inTeam2(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        if (o.has("team_id")) {
            o.addProperty("team_id", T2);
        }
        if (o.has("authorizations")) {
            for (var a : o.getAsJsonArray("authorizations")) {
                a.getAsJsonObject().addProperty("team_id", T2);
            }
        }
        if (o.has("team") && o.get("team").isJsonObject()) {
            o.getAsJsonObject("team").addProperty("id", T2);
        }
        if (o.has("user") && o.get("user").isJsonObject()) {
            o.getAsJsonObject("user").addProperty("team_id", T2);
        }
        if (o.has("view") && o.get("view").isJsonObject()) {
            o.getAsJsonObject("view").addProperty("team_id", T2);
        }
        return o.toString();
    }

    /** A form state filled in for every form the app has, so a submission gets past its own checks. */
    private static String formState() {
        JsonObject values = new JsonObject();
        put(values, "q:important", "answer", text(SECRET + " forged"));
        put(values, "q:openness", "answer", text("3"));
        put(values, "commitment_text", "text", text(SECRET + " forged"));
        JsonObject due = new JsonObject();
        due.addProperty("type", "datepicker");
        due.addProperty("selected_date", LocalDate.now().plusDays(3).toString());
        put(values, "commitment_due", "due", due);
        put(values, "reason", "reason", text(SECRET + " forged"));
        put(values, "reply_text", "text", text(SECRET + " forged"));
        put(values, "anonymous_reply_text", "text", text(SECRET + " forged"));
        put(values, "agreement_points", "text", text(SECRET + " forged"));
        put(values, "agreement_suggestion", "text", text(SECRET + " forged"));
        JsonObject users = new JsonObject();
        users.addProperty("type", "multi_users_select");
        JsonArray selected = new JsonArray();
        selected.add(BOB);
        users.add("selected_users", selected);
        put(values, "edit_add", "users", users);
        put(values, "edit_remove", "users", users);
        return values.toString();
    }

    private static JsonObject text(String value) {
        JsonObject v = new JsonObject();
        v.addProperty("type", "plain_text_input");
        v.addProperty("value", value);
        return v;
    }

    private static void put(JsonObject values, String block, String action, JsonObject value) {
        JsonObject b = new JsonObject();
        b.add(action, value);
        values.add(block, b);
    }
}

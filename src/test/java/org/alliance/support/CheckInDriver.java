package org.alliance.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drives check-ins the way people do in Slack, through signed requests, and reads what was stored. */
public final class CheckInDriver {

    public static final String TEAM = "T0001";
    public static final String LEADER = "U0LEADER";
    private static final Pattern STARTED = Pattern.compile("Check-in `([A-Z0-9]{6})` started");

    private final FakeSlack slack;
    private final SlackRequests requests;
    private final MongoDatabase db;
    private final String teamId;

    public CheckInDriver(FakeSlack slack, SlackRequests requests, MongoDatabase db) {
        this(slack, requests, db, TEAM);
    }

    /** A driver whose commands, buttons, forms and DM replies come from workspace {@code teamId}. */
    public CheckInDriver(FakeSlack slack, SlackRequests requests, MongoDatabase db, String teamId) {
        this.slack = slack;
        this.requests = requests.responseUrl(slack.responseUrl());
        this.db = db;
        this.teamId = teamId;
    }

    public HttpResponse<String> command(String userId, String channelId, String text) {
        return requests.slashCommand(teamId, userId, channelId, text);
    }

    /** The payload builders write the default team's id; another workspace's driver puts its own there. */
    private String inTeam(String payloadJson) {
        return TEAM.equals(teamId) ? payloadJson : payloadJson.replace("\"" + TEAM + "\"", "\"" + teamId + "\"");
    }

    /** Starts a check-in by the quick path and returns its id once every DM went out. */
    public String start(String text, int participants) {
        return startAs(LEADER, "C0TEAM", text, participants);
    }

    /** The same, typed by {@code leaderId} in {@code channelId}. */
    public String startAs(String leaderId, String channelId, String text, int participants) {
        int before = slack.calls("respond").size();
        HttpResponse<String> ack = command(leaderId, channelId, "start " + text);
        assertThat(ack.statusCode()).isEqualTo(200);
        String reply = await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<FakeSlack.Call> responds = slack.calls("respond");
            return responds.size() > before ? responds.get(responds.size() - 1).param("text") : null;
        }, t -> t != null);
        Matcher m = STARTED.matcher(reply);
        assertThat(m.find()).as("started reply: %s", reply).isTrue();
        String id = m.group(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> invited(id) == participants);
        return id;
    }

    /** Submits answers in the form and waits until they are stored. */
    public void answer(String userId, String checkInId, Map<String, String> answers) {
        assertThat(submitAnswers(userId, checkInId, answers).statusCode()).isEqualTo(200);
        awaitResponseStatus(checkInId, userId, "ANSWERED");
    }

    public String lastRespondText() {
        return await().atMost(Duration.ofSeconds(20)).until(() -> slack.lastCall("respond")
                .map(c -> c.param("text")).orElse(null), t -> t != null);
    }

    public long invited(String checkInId) {
        return db.getCollection("responses").countDocuments(Filters.and(Filters.eq("response.checkInId", checkInId),
                Filters.ne("response.dmTs", null)));
    }

    public Document response(String checkInId, String userId) {
        Document doc = db.getCollection("responses").find(Filters.eq("_id", checkInId + ":" + userId)).first();
        assertThat(doc).as("response of %s to %s", userId, checkInId).isNotNull();
        return doc.get("response", Document.class);
    }

    public Document checkIn(String checkInId) {
        Document doc = db.getCollection("checkins").find(Filters.eq("_id", checkInId)).first();
        assertThat(doc).as("check-in %s", checkInId).isNotNull();
        return doc.get("checkIn", Document.class);
    }

    public long checkInCount() {
        return db.getCollection("checkins").countDocuments();
    }

    public HttpResponse<String> click(String userId, String actionId, String checkInId) {
        return requests.interaction(inTeam(requests.blockAction(userId, actionId, checkInId, "D" + userId, "1.0")));
    }

    /** Submits the answer modal; {@code answers} maps question id to text (a digit for scale questions). */
    public HttpResponse<String> submitAnswers(String userId, String checkInId, Map<String, String> answers) {
        JsonObject values = new JsonObject();
        answers.forEach((questionId, answer) -> {
            JsonObject value = new JsonObject();
            if (answer.length() == 1 && Character.isDigit(answer.charAt(0))) {
                value.addProperty("type", "static_select");
                JsonObject option = new JsonObject();
                option.addProperty("value", answer);
                JsonObject text = new JsonObject();
                text.addProperty("type", "plain_text");
                text.addProperty("text", answer);
                option.add("text", text);
                value.add("selected_option", option);
            } else {
                value.addProperty("type", "plain_text_input");
                value.addProperty("value", answer);
            }
            JsonObject action = new JsonObject();
            action.add("answer", value);
            values.add("q:" + questionId, action);
        });
        return requests.interaction(inTeam(requests.viewSubmission(userId, "checkin_answer_submit", checkInId,
                values.toString())));
    }

    /** Submits the leader's Follow up form: a commitment to {@code memberId}, due on {@code due}. */
    public HttpResponse<String> submitCommitment(String userId, String checkInId, String memberId, String text,
                                                 java.time.LocalDate due) {
        JsonObject textValue = new JsonObject();
        textValue.addProperty("type", "plain_text_input");
        textValue.addProperty("value", text);
        JsonObject dueValue = new JsonObject();
        dueValue.addProperty("type", "datepicker");
        dueValue.addProperty("selected_date", due.toString());
        JsonObject textBlock = new JsonObject();
        textBlock.add("text", textValue);
        JsonObject dueBlock = new JsonObject();
        dueBlock.add("due", dueValue);
        JsonObject values = new JsonObject();
        values.add("commitment_text", textBlock);
        values.add("commitment_due", dueBlock);
        return requests.interaction(inTeam(requests.viewSubmission(userId, "commitment_submit",
                checkInId + ":" + memberId, values.toString())));
    }

    public HttpResponse<String> submitSkip(String userId, String checkInId, String reason) {
        JsonObject value = new JsonObject();
        value.addProperty("type", "plain_text_input");
        value.addProperty("value", reason);
        JsonObject action = new JsonObject();
        action.add("reason", value);
        JsonObject values = new JsonObject();
        values.add("reason", action);
        return requests.interaction(inTeam(requests.viewSubmission(userId, "checkin_skip_submit", checkInId,
                values.toString())));
    }

    /** A reply in the DM thread of the user's invitation. */
    public HttpResponse<String> replyInThread(String checkInId, String userId, String text) {
        Document r = response(checkInId, userId);
        return requests.rawJson(inTeam(requests.eventEnvelope(requests.imMessage(userId, r.getString("dmChannelId"),
                text, r.getString("dmTs")))));
    }

    public void awaitStatus(String checkInId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(checkIn(checkInId).getString("status")).isEqualTo(status));
    }

    public void awaitResponseStatus(String checkInId, String userId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(response(checkInId, userId).getString("status")).isEqualTo(status));
    }

    /** Every text, blocks and view param Slack was sent, joined, for privacy and escaping checks. */
    public static String everythingSaid(List<FakeSlack.Call> calls) {
        StringBuilder all = new StringBuilder();
        for (FakeSlack.Call c : calls) {
            all.append(said(c)).append('\n');
        }
        return all.toString();
    }

    /**
     * What one call showed, as Slack would read it: the SDK's JSON escapes {@code <} and
     * {@code >} as unicode escapes, which are decoded here so assertions see the real mrkdwn.
     */
    public static String said(FakeSlack.Call c) {
        StringBuilder all = new StringBuilder();
        for (String key : List.of("text", "blocks", "view")) {
            String v = c.param(key);
            if (v != null) {
                all.append(key.equals("text") ? v : decodeJson(v)).append('\n');
            }
        }
        return all.toString();
    }

    private static String decodeJson(String json) {
        try {
            return new com.google.gson.GsonBuilder().disableHtmlEscaping().create()
                    .toJson(com.google.gson.JsonParser.parseString(json));
        } catch (RuntimeException notJson) {
            return json;
        }
    }
}

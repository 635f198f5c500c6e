package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.alliance.questions.Question;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.FakeSlack.Call;
import org.alliance.support.FakeSlack;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlackCheckInMessengerTest extends AllianceIntegrationTest {

    /**
     * This class reads "the last call" of the shared fake, so work an earlier test class left
     * running in the background (a completion's DM updates) must be over before each test.
     */
    @BeforeEach
    void waitForEarlierTestsToGoQuiet() {
        AtomicInteger seen = new AtomicInteger(-1);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> seen.getAndSet(slack.calls().size()) == slack.calls().size());
        slack.reset();
    }


    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final String LEADER = "U0LEADER";
    private static final String CHANNEL = "C0TEAM";
    private static final String PARENT_TS = "1700000001.000100";
    private static final Instant CREATED = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant DUE = CREATED.plus(3, ChronoUnit.DAYS);
    private static final String HOSTILE = "Ping <!channel> and <@U0BOB> & <https://evil.example|click>";

    private static final List<Question> QUESTIONS = List.of(
            Question.text("important", "What is important for you in your work?"),
            Question.scale("openness", "How comfortable do you feel raising a concern with me?"),
            Question.text("help", "What can I do to help?"));

    @Autowired
    SlackCheckInMessenger messenger;

    // ---- fixtures ----------------------------------------------------------------------------

    private static CheckIn checkIn(Visibility visibility, CheckInStatus status, String objective,
                                   List<String> participants) {
        return new CheckIn("K7Q2MX", TEAM, LEADER, "trust", "Building trust", objective, QUESTIONS, participants,
                CHANNEL, PARENT_TS, PARENT_TS, visibility, 3, DUE, CREATED, status,
                status.isOpen() ? null : CREATED.plusSeconds(60), "DU0LEADER", "1700000002.000200");
    }

    private static CheckIn checkIn(Visibility visibility) {
        return checkIn(visibility, CheckInStatus.OPEN, "Learn what matters to you.",
                List.of("U0ALICE", "U0CAROL", "U0DAN"));
    }

    private static Response response(String userId, ResponseStatus status, Map<String, String> answers,
                                     String skipReason) {
        return new Response("K7Q2MX:" + userId, TEAM, "K7Q2MX", userId, status, answers, skipReason,
                "D" + userId, "1700000003.000300", 0, null, null,
                status == ResponseStatus.ANSWERED ? CREATED : null, CREATED);
    }

    private static Map<String, String> answers(String important, String openness, String help) {
        Map<String, String> m = new LinkedHashMap<>();
        if (important != null) {
            m.put("important", important);
        }
        if (openness != null) {
            m.put("openness", openness);
        }
        if (help != null) {
            m.put("help", help);
        }
        return m;
    }

    // ---- recorded-call helpers ---------------------------------------------------------------

    /** Every string a call sent, JSON params (blocks) decoded to their string values. */
    private static List<String> strings(Call call) {
        List<String> out = new ArrayList<>();
        call.params().forEach((k, v) -> {
            if (k.equals("blocks")) {
                try {
                    collect(JsonParser.parseString(v), out);
                    return;
                } catch (JsonParseException ignored) {
                    // fall through: treat as text
                }
            }
            out.add(v);
        });
        return out;
    }

    private static void collect(JsonElement e, List<String> out) {
        if (e.isJsonPrimitive()) {
            out.add(e.getAsString());
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collect(x, out));
        } else if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(x -> collect(x.getValue(), out));
        }
    }

    /** The text and block strings a call showed, as one string to search. */
    private static String shown(Call call) {
        return String.join("\n", strings(call));
    }

    private static JsonArray blocks(Call call) {
        return JsonParser.parseString(call.param("blocks")).getAsJsonArray();
    }

    private static List<JsonObject> buttons(Call call) {
        List<JsonObject> buttons = new ArrayList<>();
        for (JsonElement b : blocks(call)) {
            JsonObject block = b.getAsJsonObject();
            if (block.get("type").getAsString().equals("actions")) {
                block.getAsJsonArray("elements").forEach(e -> buttons.add(e.getAsJsonObject()));
            }
        }
        return buttons;
    }

    private static void assertWithinSlackLimits(Call call) {
        JsonArray blocks = blocks(call);
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        for (JsonElement b : blocks) {
            JsonObject block = b.getAsJsonObject();
            if (block.has("text")) {
                assertThat(block.getAsJsonObject("text").get("text").getAsString().length()).isLessThanOrEqualTo(3000);
            }
        }
    }

    // ---- parent --------------------------------------------------------------------------------

    @Test
    void parentShowsPurposeLeaderParticipantsDueVisibilityProgressAndId() {
        CheckIn c = checkIn(Visibility.ANONYMOUS, CheckInStatus.OPEN, "Learn what matters to you.",
                List.of("U0ALICE", "U0BOB", "U0CAROL", "U0DAN", "U0EVE")).withParent(null, null);

        CheckInMessenger.Posted posted = messenger.postParent(c, new Progress(5, 2, 0, 0, 3));

        Call call = slack.lastCall("chat.postMessage").orElseThrow();
        assertThat(call.param("channel")).isEqualTo(CHANNEL);
        assertThat(call.param("thread_ts")).isNull();
        assertThat(posted.channelId()).isEqualTo(CHANNEL);
        assertThat(posted.ts()).isNotBlank();
        String shown = shown(call);
        assertThat(shown).contains("Building trust", "Learn what matters to you.", "<@U0LEADER>", "<@U0ALICE>",
                "<@U0EVE>", "2 of 5 answered", "K7Q2MX", "<!date^" + DUE.getEpochSecond() + "^",
                "at least 3 people");
        assertThat(call.param("text")).contains("Lee", "Building trust");
        assertWithinSlackLimits(call);
    }

    @Test
    void parentStartedByAMentionGoesIntoThatThread() {
        CheckIn c = checkIn(Visibility.THREAD).withParent(null, "1600000000.000001");

        messenger.postParent(c, new Progress(3, 0, 0, 0, 3));

        Call call = slack.lastCall("chat.postMessage").orElseThrow();
        assertThat(call.param("thread_ts")).isEqualTo("1600000000.000001");
        assertThat(shown(call)).contains("under its author's name");
    }

    @Test
    void notInChannelBecomesCannotPostWithTheFix() {
        slack.failNext("chat.postMessage", "not_in_channel");

        assertThatThrownBy(() -> messenger.postParent(checkIn(Visibility.LEADER), new Progress(3, 0, 0, 0, 3)))
                .isInstanceOf(CheckInMessenger.CannotPost.class)
                .hasMessageContaining("<#" + CHANNEL + ">")
                .hasMessageContaining("/invite @Alliance");
    }

    @Test
    void otherRefusalsAreExplainedToo() {
        slack.failNext("chat.postMessage", "is_archived");
        assertThatThrownBy(() -> messenger.postParent(checkIn(Visibility.LEADER), new Progress(3, 0, 0, 0, 3)))
                .isInstanceOf(CheckInMessenger.CannotPost.class).hasMessageContaining("archived");

        slack.failNext("chat.postMessage", "channel_not_found");
        assertThatThrownBy(() -> messenger.postParent(checkIn(Visibility.LEADER), new Progress(3, 0, 0, 0, 3)))
                .isInstanceOf(CheckInMessenger.CannotPost.class).hasMessageContaining("private");

        slack.failNext("chat.postMessage", "weird_error");
        assertThatThrownBy(() -> messenger.postParent(checkIn(Visibility.LEADER), new Progress(3, 0, 0, 0, 3)))
                .isInstanceOf(CheckInMessenger.CannotPost.class).hasMessageContaining("weird_error");
    }

    @Test
    void updatedParentShowsHowItEnded() {
        messenger.updateParent(checkIn(Visibility.THREAD, CheckInStatus.STOPPED, "x", List.of("U0ALICE")),
                new Progress(1, 0, 0, 0, 1));

        // The fake is shared with the running application, whose own work may update other messages meanwhile.
        Call call = slack.calls("chat.update").stream()
                .filter(c -> CHANNEL.equals(c.param("channel")) && PARENT_TS.equals(c.param("ts")))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(shown(call)).contains("Stopped", "K7Q2MX", "0 of 1 answered");
    }

    @Test
    void deletingTheParentIgnoresSlackErrors() {
        slack.failNext("chat.delete", "message_not_found");

        messenger.deleteParent(checkIn(Visibility.LEADER));

        assertThat(slack.calls("chat.delete")).extracting(c -> c.param("ts")).contains(PARENT_TS);
    }

    @Test
    void deletingTheParentAlsoRemovesTheLeadersThreadWhenItWasOpened() {
        CheckIn withThread = checkIn(Visibility.LEADER).withLeaderThread("DU0LEAD", "1700000000.777777");

        messenger.deleteParent(withThread);

        assertThat(slack.calls("chat.delete")).extracting(c -> c.param("channel") + " " + c.param("ts"))
                .containsExactly(CHANNEL + " " + PARENT_TS, "DU0LEAD 1700000000.777777");
    }

    // ---- invitation ----------------------------------------------------------------------------

    @Test
    void invitationGoesToTheUserIdWithBothButtonsAndWhoWillSeeTheAnswers() {
        CheckIn c = checkIn(Visibility.LEADER);

        CheckInMessenger.Posted posted = messenger.invite(c,
                response("U0ALICE", ResponseStatus.PENDING, Map.of(), null));

        assertThat(slack.calls("conversations.open")).isEmpty();
        Call call = slack.lastCall("chat.postMessage").orElseThrow();
        assertThat(call.param("channel")).isEqualTo("U0ALICE");
        assertThat(posted.channelId()).isEqualTo("DU0ALICE");
        assertThat(posted.ts()).isNotBlank();
        String shown = shown(call);
        assertThat(shown).contains("<@U0LEADER> is checking in: *Building trust*",
                "Who will see your answers:* Only <@U0LEADER>", "What is important for you in your work?",
                "reply in this thread", "`skip`", "K7Q2MX", "<!date^" + DUE.getEpochSecond() + "^");
        assertThat(call.param("text")).startsWith("Lee is checking in: Building trust");
        List<JsonObject> buttons = buttons(call);
        assertThat(buttons).extracting(b -> b.get("action_id").getAsString())
                .containsExactly("checkin_answer", "checkin_skip");
        assertThat(buttons).allSatisfy(b -> assertThat(b.get("value").getAsString()).isEqualTo("K7Q2MX"));
        assertThat(buttons.get(0).get("style").getAsString()).isEqualTo("primary");
        assertThat(buttons.get(0).getAsJsonObject("text").get("text").getAsString()).isEqualTo("Answer");
        assertThat(buttons.get(1).getAsJsonObject("text").get("text").getAsString()).isEqualTo("Not now");
    }

    @Test
    void eachVisibilityIsSpelledOutForTheParticipant() {
        messenger.invite(checkIn(Visibility.THREAD), response("U0ALICE", ResponseStatus.PENDING, Map.of(), null));
        assertThat(shown(slack.lastCall("chat.postMessage").orElseThrow()))
                .contains("Everyone in <#" + CHANNEL + ">", "under your name");

        messenger.invite(checkIn(Visibility.ANONYMOUS), response("U0ALICE", ResponseStatus.PENDING, Map.of(), null));
        assertThat(shown(slack.lastCall("chat.postMessage").orElseThrow()))
                .contains("Nobody by name", "at least 3 people", "summary without names");
    }

    @Test
    void answeredInvitationShowsTheAnswersWithEditThenNoButtonsOnceEnded() {
        Response r = response("U0ALICE", ResponseStatus.ANSWERED, answers("Autonomy", "4", null), null);

        messenger.updateInvitation(checkIn(Visibility.LEADER), r);
        Call open = slack.lastCall("chat.update").orElseThrow();
        assertThat(open.param("channel")).isEqualTo("DU0ALICE");
        assertThat(open.param("ts")).isEqualTo("1700000003.000300");
        assertThat(shown(open)).contains("What is important for you in your work?", "> Autonomy", "4 / 5", "left out");
        assertThat(buttons(open)).extracting(b -> b.get("action_id").getAsString()).containsExactly("checkin_edit");
        assertThat(buttons(open).get(0).get("value").getAsString()).isEqualTo("K7Q2MX");

        messenger.updateInvitation(checkIn(Visibility.LEADER, CheckInStatus.CLOSED, "x", List.of("U0ALICE")), r);
        Call ended = slack.lastCall("chat.update").orElseThrow();
        assertThat(shown(ended)).contains("Autonomy");
        assertThat(buttons(ended)).isEmpty();
    }

    @Test
    void skippedMissedAndStoppedInvitations() {
        messenger.updateInvitation(checkIn(Visibility.LEADER),
                response("U0ALICE", ResponseStatus.SKIPPED, Map.of(), "On holiday <!here>"));
        Call skipped = slack.lastCall("chat.update").orElseThrow();
        assertThat(shown(skipped)).contains("You skipped this one", "On holiday &lt;!here&gt;")
                .doesNotContain("<!here>");
        assertThat(buttons(skipped)).isEmpty();

        messenger.updateInvitation(checkIn(Visibility.LEADER, CheckInStatus.CLOSED, "x", List.of("U0ALICE")),
                response("U0ALICE", ResponseStatus.MISSED, Map.of(), null));
        assertThat(shown(slack.lastCall("chat.update").orElseThrow()))
                .contains("This check-in closed before you answered");

        messenger.updateInvitation(checkIn(Visibility.LEADER, CheckInStatus.STOPPED, "x", List.of("U0ALICE")),
                response("U0ALICE", ResponseStatus.PENDING, Map.of(), null));
        Call stopped = slack.lastCall("chat.update").orElseThrow();
        assertThat(shown(stopped)).contains("<@U0LEADER> stopped this check-in; no answer needed");
        assertThat(buttons(stopped)).isEmpty();
    }

    @Test
    void anInvitationNeverPostedIsNotUpdated() {
        Response notSent = new Response("K7Q2MX:U0ALICE", TEAM, "K7Q2MX", "U0ALICE", ResponseStatus.ANSWERED,
                Map.of("important", "x"), null, null, null, 0, null, null, CREATED, CREATED);

        messenger.updateInvitation(checkIn(Visibility.LEADER), notSent);

        assertThat(slack.calls("chat.update")).isEmpty();
    }

    // ---- DM thread -----------------------------------------------------------------------------

    @Test
    void questionsAndRepliesGoToTheDmThread() {
        Response r = response("U0ALICE", ResponseStatus.PENDING, Map.of(), null);

        messenger.askInThread(checkIn(Visibility.LEADER), r, 1);
        Call asked = slack.lastCall("chat.postMessage").orElseThrow();
        assertThat(asked.param("channel")).isEqualTo("DU0ALICE");
        assertThat(asked.param("thread_ts")).isEqualTo("1700000003.000300");
        assertThat(shown(asked)).contains("Question 2 of 3", "How comfortable", "number from 1 to 5");

        messenger.replyInThread(r, "Thank you! *Noted.*");
        Call reply = slack.lastCall("chat.postMessage").orElseThrow();
        assertThat(reply.param("channel")).isEqualTo("DU0ALICE");
        assertThat(reply.param("thread_ts")).isEqualTo("1700000003.000300");
        assertThat(reply.param("text")).isEqualTo("Thank you! *Noted.*");
    }

    // ---- sharing -------------------------------------------------------------------------------

    @Test
    void leaderThreadStartsInTheLeadersDm() {
        CheckInMessenger.Posted posted = messenger.startLeaderThread(checkIn(Visibility.LEADER));

        Call call = slack.lastCall("chat.postMessage").orElseThrow();
        assertThat(call.param("channel")).isEqualTo(LEADER);
        assertThat(shown(call)).contains("Answers to your check-in *Building trust* (`K7Q2MX`) will arrive here, "
                + "each as its own message, visible only to you.", "reply in the thread under it: only they see it");
        assertThat(posted.channelId()).isEqualTo("DU0LEADER");
    }

    @Test
    void threadShareIsPostedInTheCheckInThreadUnderTheAuthor() {
        Response r = response("U0ALICE", ResponseStatus.ANSWERED, answers("Autonomy\nand trust", "4", "Time"), null);

        String ts = messenger.shareAnswer(checkIn(Visibility.THREAD), r, null);

        Call call = slack.lastCall("chat.postMessage").orElseThrow();
        assertThat(call.param("channel")).isEqualTo(CHANNEL);
        assertThat(call.param("thread_ts")).isEqualTo(PARENT_TS);
        assertThat(ts).isNotBlank();
        assertThat(shown(call)).contains("<@U0ALICE> answered:", "*What is important for you in your work?*",
                "> Autonomy\n> and trust", "> 4 / 5", "> Time");
        assertThat(call.param("text")).contains("Alice");
    }

    @Test
    void anEditUpdatesTheSharedMessage() {
        Response r = response("U0ALICE", ResponseStatus.ANSWERED, answers("Changed my mind", null, null), null);

        String ts = messenger.shareAnswer(checkIn(Visibility.THREAD), r, "1700000009.000900");

        assertThat(ts).isEqualTo("1700000009.000900");
        Call call = slack.lastCall("chat.update").orElseThrow();
        assertThat(call.param("channel")).isEqualTo(CHANNEL);
        assertThat(call.param("ts")).isEqualTo("1700000009.000900");
        assertThat(shown(call)).contains("Changed my mind", "edited");
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void leaderShareIsItsOwnMessageInTheLeadersDm() {
        Response r = response("U0ALICE", ResponseStatus.ANSWERED, answers("Autonomy", null, null), null);

        String ts = messenger.shareAnswer(checkIn(Visibility.LEADER), r, null);

        assertThat(slack.calls("chat.postMessage")).singleElement().satisfies(call -> {
            assertThat(call.param("channel")).isEqualTo("DU0LEADER");
            assertThat(call.param("thread_ts")).isNull();
            assertThat(shown(call)).contains("<@U0ALICE> answered:", "Autonomy",
                    "Only you see this answer. To write to <@U0ALICE>, reply in this thread");
        });
        // An edit updates that same message.
        messenger.shareAnswer(checkIn(Visibility.LEADER), r, ts);
        Call edit = slack.lastCall("chat.update").orElseThrow();
        assertThat(edit.param("channel")).isEqualTo("DU0LEADER");
        assertThat(edit.param("ts")).isEqualTo(ts);
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void anAnonymousAnswerIsNeverSharedOneByOne() {
        Response r = response("U0ALICE", ResponseStatus.ANSWERED, answers("Autonomy", null, null), null);

        assertThatThrownBy(() -> messenger.shareAnswer(checkIn(Visibility.ANONYMOUS), r, null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    @Test
    void longAnswersStayWithinSlackLimits() {
        String longAnswer = "A long & winding <answer> ".repeat(115).strip(); // under 3000 typed, far more escaped
        assertThat(longAnswer.length()).isLessThanOrEqualTo(Question.MAX_ANSWER_LENGTH);
        Response r = response("U0ALICE", ResponseStatus.ANSWERED, answers(longAnswer, "5", longAnswer), null);

        messenger.shareAnswer(checkIn(Visibility.THREAD), r, null);
        messenger.updateInvitation(checkIn(Visibility.THREAD), r);

        Call shared = slack.lastCall("chat.postMessage").orElseThrow();
        assertWithinSlackLimits(shared);
        String shown = shown(shared).replace("\n> ", " ").replace("\n", " ");
        assertThat(shown).contains("winding &lt;answer&gt;").doesNotContain("<answer>");
        Call dm = slack.lastCall("chat.update").orElseThrow();
        assertWithinSlackLimits(dm);
        assertThat(buttons(dm)).hasSize(1);
    }

    // ---- escaping ------------------------------------------------------------------------------

    @Test
    void userTextIsEscapedInEverythingSent() {
        CheckIn c = new CheckIn("K7Q2MX", TEAM, LEADER, "custom", "Team <!everyone> pulse", HOSTILE,
                List.of(Question.text("q1", "Do you like <!here>?"), Question.scale("q2", "Rate <@U0BOB> 1-5")),
                List.of("U0ALICE", "U0CAROL", "U0DAN"), CHANNEL, PARENT_TS, PARENT_TS, Visibility.THREAD, 3, DUE,
                CREATED, CheckInStatus.OPEN, null, "DU0LEADER", "1700000002.000200");
        Response alice = response("U0ALICE", ResponseStatus.ANSWERED, Map.of("q1", HOSTILE, "q2", "3"), null);
        Response carol = response("U0CAROL", ResponseStatus.SKIPPED, Map.of(), HOSTILE);

        messenger.postParent(c, Progress.of(List.of(alice, carol)));
        messenger.updateParent(c, Progress.of(List.of(alice, carol)));
        messenger.invite(c, response("U0DAN", ResponseStatus.PENDING, Map.of(), null));
        messenger.updateInvitation(c, alice);
        messenger.updateInvitation(c, carol);
        messenger.askInThread(c, alice, 0);
        messenger.shareAnswer(c, alice, null);
        messenger.sendLeaderSummary(c, List.of(alice, carol));
        CheckIn anonymous = new CheckIn(c.id(), TEAM, LEADER, "custom", c.title(), HOSTILE, c.questions(),
                c.participants(), CHANNEL, PARENT_TS, PARENT_TS, Visibility.ANONYMOUS, 2, DUE, CREATED,
                CheckInStatus.CLOSED, CREATED, null, null);
        Response dan = response("U0DAN", ResponseStatus.ANSWERED, Map.of("q1", HOSTILE), null);
        messenger.postAnonymousSummary(anonymous, List.of(alice, carol, dan));
        messenger.anonymousBelowThreshold(anonymous, 1);
        messenger.startLeaderThread(c);

        List<Call> sent = slack.calls().stream()
                .filter(call -> call.method().startsWith("chat.") && !call.method().equals("chat.getPermalink"))
                .toList();
        assertThat(sent).hasSizeGreaterThanOrEqualTo(12);
        for (Call call : sent) {
            for (String s : strings(call)) {
                assertThat(s).as(call.method() + " " + call.params())
                        .doesNotContain("<!channel>", "<!here>", "<!everyone>", "<@U0BOB>", "<https://evil");
            }
        }
        String everything = sent.stream().map(SlackCheckInMessengerTest::shown).reduce("", String::concat);
        assertThat(everything).contains("&lt;!channel&gt;", "&lt;@U0BOB&gt;", "&lt;!here&gt;", "&lt;!everyone&gt;",
                "&amp;");
    }

    // ---- endings -------------------------------------------------------------------------------

    @Test
    void anonymousSummaryGoesToTheThreadAndTheLeaderWithoutAnyoneIdentified() {
        CheckIn c = checkIn(Visibility.ANONYMOUS, CheckInStatus.CLOSED, "x",
                List.of("U0ALICE", "U0BOB", "U0CAROL", "U0DAN"));
        List<Response> all = List.of(
                response("U0ALICE", ResponseStatus.ANSWERED, answers("Autonomy", "5", "More 1:1s"), null),
                response("U0BOB", ResponseStatus.ANSWERED, answers("Learning", "4", null), null),
                response("U0CAROL", ResponseStatus.ANSWERED, answers("Kind colleagues", "4", "Fewer meetings"), null),
                response("U0DAN", ResponseStatus.SKIPPED, Map.of(), "Busy"));

        messenger.postAnonymousSummary(c, all);

        List<Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).extracting(p -> p.param("channel")).containsExactly(CHANNEL, LEADER);
        assertThat(posts.get(0).param("thread_ts")).isEqualTo(PARENT_TS);
        for (Call post : posts) {
            String shown = shown(post);
            assertThat(shown).contains("3 people answered", "Autonomy", "Learning", "Kind colleagues",
                    "More 1:1s", "Fewer meetings", "Average *4.3 / 5*");
            assertThat(shown).doesNotContain("U0ALICE", "U0BOB", "U0CAROL", "U0DAN", "Alice", "Bob", "Carol", "Dan",
                    "Busy", "1700000003");
            assertWithinSlackLimits(post);
        }
        assertThat(slack.calls("users.info")).isEmpty();
    }

    @Test
    void anonymousSummaryIsWithheldBelowTheThreshold() {
        CheckIn c = checkIn(Visibility.ANONYMOUS, CheckInStatus.CLOSED, "x", List.of("U0ALICE", "U0BOB"));

        messenger.postAnonymousSummary(c, List.of(
                response("U0ALICE", ResponseStatus.ANSWERED, answers("Secret", null, null), null),
                response("U0BOB", ResponseStatus.MISSED, Map.of(), null)));

        assertThat(slack.calls("chat.postMessage")).singleElement().satisfies(call -> {
            assertThat(call.param("channel")).isEqualTo(LEADER);
            assertThat(shown(call)).contains("fewer than the 3").doesNotContain("Secret");
        });
    }

    @Test
    void belowThresholdTellsTheLeaderTheAnswersStayUnseen() {
        messenger.anonymousBelowThreshold(checkIn(Visibility.ANONYMOUS, CheckInStatus.CLOSED, "x",
                List.of("U0ALICE")), 2);

        Call call = slack.lastCall("chat.postMessage").orElseThrow();
        assertThat(call.param("channel")).isEqualTo(LEADER);
        assertThat(shown(call)).contains("only 2 answers", "fewer than the 3", "stay unseen", "K7Q2MX");
    }

    @Test
    void leaderSummaryListsAnsweredSkippedAndMissingWithALinkToTheThread() {
        CheckIn c = checkIn(Visibility.THREAD, CheckInStatus.CLOSED, "x",
                List.of("U0ALICE", "U0BOB", "U0CAROL", "U0DAN"));

        messenger.sendLeaderSummary(c, List.of(
                response("U0ALICE", ResponseStatus.ANSWERED, answers("A", null, null), null),
                response("U0BOB", ResponseStatus.SKIPPED, Map.of(), "On leave"),
                response("U0CAROL", ResponseStatus.MISSED, Map.of(), null),
                response("U0DAN", ResponseStatus.PENDING, Map.of(), null)));

        Call link = slack.lastCall("chat.getPermalink").orElseThrow();
        assertThat(link.param("channel")).isEqualTo(CHANNEL);
        assertThat(link.param("message_ts")).isEqualTo(PARENT_TS);
        Call call = slack.lastCall("chat.postMessage").orElseThrow();
        assertThat(call.param("channel")).isEqualTo(LEADER);
        assertThat(shown(call)).contains("K7Q2MX", "closed at its due time", "*Answered (1):* <@U0ALICE>",
                "*Skipped (1):*", "<@U0BOB>: “On leave”", "*Missing (2):* <@U0CAROL>, <@U0DAN>",
                FakeSlack.TEAM_URL + "archives/" + CHANNEL + "/p" + PARENT_TS.replace(".", ""));
    }

    @Test
    void leaderSummaryFallsBackToTheChannelWithoutAPermalink() {
        slack.failNext("chat.getPermalink", "message_not_found");

        messenger.sendLeaderSummary(checkIn(Visibility.THREAD, CheckInStatus.COMPLETED, "x", List.of("U0ALICE")),
                List.of(response("U0ALICE", ResponseStatus.ANSWERED, answers("A", null, null), null)));

        assertThat(shown(slack.lastCall("chat.postMessage").orElseThrow())).contains("<#" + CHANNEL + ">", "complete");
    }

    @Test
    void anonymousLeaderSummaryNeverTiesASkipReasonToAName() {
        CheckIn c = checkIn(Visibility.ANONYMOUS, CheckInStatus.CLOSED, "x",
                List.of("U0ALICE", "U0BOB", "U0CAROL", "U0DAN"));

        messenger.sendLeaderSummary(c, List.of(
                response("U0ALICE", ResponseStatus.ANSWERED, answers("A", null, null), null),
                response("U0BOB", ResponseStatus.SKIPPED, Map.of(), "Too busy"),
                response("U0CAROL", ResponseStatus.ANSWERED, answers("B", null, null), null),
                response("U0DAN", ResponseStatus.MISSED, Map.of(), null)));

        String shown = shown(slack.lastCall("chat.postMessage").orElseThrow());
        assertThat(shown).contains("“Too busy”", "*Missing (1):* <@U0DAN>", "<@U0ALICE>", "<@U0BOB>", "<@U0CAROL>")
                .doesNotContain("<@U0BOB>: ", "Answered (");
    }

    @Test
    void tellSendsTheTextToTheUser() {
        messenger.tell(TEAM, LEADER, "I couldn't send check-in `K7Q2MX` to <@U0ALICE>.");

        Call call = slack.lastCall("chat.postMessage").orElseThrow();
        assertThat(call.param("channel")).isEqualTo(LEADER);
        assertThat(call.param("text")).isEqualTo("I couldn't send check-in `K7Q2MX` to <@U0ALICE>.");
    }
}

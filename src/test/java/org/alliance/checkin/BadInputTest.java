package org.alliance.checkin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad input gets a clear message and leaves nothing behind. */
class BadInputTest extends CheckInScenario {

    private static final List<String> PEOPLE = List.of("U0ALICE", "U0BOB", "U0CAROL", "U0DAN", "U0NOBODY");

    @Test
    void anUnknownPurposeIsNamedInTheReply() {
        String reply = refusedStart("start nosuch <@U0ALICE>");
        assertThat(reply).contains("`nosuch`").contains("`trust`").contains("/alliance templates");
    }

    @Test
    void aStartWithNobodyAsksForPeople() {
        String reply = refusedStart("start trust");
        assertThat(reply).contains("at least one person");
    }

    @Test
    void aUserWhoDoesNotExistIsNamed() {
        String reply = refusedStart("start trust <@U0ALICE> <@U0NOBODY>");
        assertThat(reply).contains("U0NOBODY").contains("couldn't find");
        assertThat(slack.calls("chat.postMessage")).noneSatisfy(c -> assertThat(c.param("channel")).isEqualTo("C0TEAM"));
    }

    @Test
    void aDueTimeInThePastIsRefusedInTheAck() {
        long checkIns = checkInDocuments();
        long responses = responseDocuments();

        String reply = ackText(driver.command(LEADER, "C0TEAM", "start trust <@U0ALICE> due:-1d"));

        assertThat(reply).contains("due:-1d").contains("must be in the future");
        await().during(Duration.ofMillis(500)).atMost(WAIT).untilAsserted(() -> {
            assertThat(slack.calls("respond")).isEmpty();
            assertThat(slack.calls("chat.postMessage")).noneSatisfy(c -> assertThat(c.param("channel"))
                    .isIn("C0TEAM", "U0ALICE", "DU0ALICE"));
        });
        assertThat(checkInDocuments()).isEqualTo(checkIns);
        assertThat(responseDocuments()).isEqualTo(responses);
    }

    @Test
    void aChannelWithoutTheBotIsExplainedWithInvite() {
        slack.failWhen("chat.postMessage", p -> "C0PRIVATE".equals(p.get("channel")), "not_in_channel");

        String reply = refusedStart("start trust <@U0ALICE> <#C0PRIVATE|secret>");

        assertThat(reply).contains("<#C0PRIVATE>").contains("/invite @Alliance");
        // The one attempt was the parent message; nobody was asked.
        assertThat(calls("chat.postMessage", in("C0PRIVATE"))).hasSize(1);
        assertThat(slack.calls("chat.postMessage")).noneSatisfy(c -> assertThat(c.param("channel"))
                .isEqualTo("C0TEAM"));
    }

    @Test
    void anAnswerOverThreeThousandCharactersIsRefusedOnItsQuestion() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB>", 2);
        String tooLong = "x".repeat(3001);

        JsonObject errors = viewErrors(driver.submitAnswers("U0ALICE", id,
                Map.of("important", "fine " + id, "managed", tooLong)));

        assertThat(errors.keySet()).containsExactly("q:managed");
        assertThat(errors.get("q:managed").getAsString()).contains("3000").contains("3001");
        assertThat(driver.response(id, "U0ALICE").getString("status")).isEqualTo("PENDING");
        assertThat(answers(id, "U0ALICE")).isEmpty();
        await().during(Duration.ofMillis(300)).atMost(WAIT).untilAsserted(() -> assertThat(slack.calls())
                .noneSatisfy(c -> assertThat(CheckInDriver.said(c)).contains("fine " + id)));
    }

    @Test
    void mentionsInAnAnswerAreSharedEscapedNeverAsMentions() {
        String id = driver.start("trust <@U0ALICE> <@U0CAROL> visibility:thread", 2);
        String answer = "Tell <!channel> and <@U0BOB> about " + id + " & more";

        assertThat(driver.submitAnswers("U0ALICE", id, Map.of("important", answer)).statusCode()).isEqualTo(200);

        FakeSlack.Call shared = awaitCall("chat.postMessage", in("C0TEAM").and(saying("about " + id)));
        assertThat(shared.param("thread_ts")).isEqualTo(parentTs(id));
        assertThat(CheckInDriver.said(shared)).contains("Tell &lt;!channel&gt; and &lt;@U0BOB&gt; about " + id
                + " &amp; more");
        awaitAnswerShownInDm(id, "U0ALICE", "&lt;!channel&gt;");
        // Stored as typed.
        assertThat(answers(id, "U0ALICE")).containsEntry("important", answer);

        String everything = CheckInDriver.everythingSaid(slack.calls());
        assertThat(everything).doesNotContain("<!channel>").doesNotContain("<@U0BOB>");
    }

    /** Starts by the quick path, expects a refusal through response_url, and checks nothing was kept. */
    private String refusedStart(String command) {
        long checkIns = checkInDocuments();
        long responses = responseDocuments();

        String ack = ackText(driver.command(LEADER, "C0TEAM", command));
        assertThat(ack).contains("Starting");
        String reply = driver.lastRespondText();

        assertThat(reply).startsWith(":warning:").doesNotContain("started");
        assertThat(checkInDocuments()).isEqualTo(checkIns);
        assertThat(responseDocuments()).isEqualTo(responses);
        assertThat(slack.calls("chat.postMessage")).noneSatisfy(c -> assertThat(c.param("channel"))
                .isIn(PEOPLE.toArray()));
        assertThat(slack.calls("chat.postMessage")).noneSatisfy(c -> assertThat(c.param("channel"))
                .isIn(PEOPLE.stream().map(p -> "D" + p).toArray()));
        assertThat(slack.calls("chat.postMessage")).noneSatisfy(c -> assertThat(c.param("channel")).isEqualTo(LEADER));
        return reply;
    }
}

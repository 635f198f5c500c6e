package org.alliance.checkin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.SlackRequests;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Editing an answer, and the same answer arriving more than once. */
class EditAndDuplicateTest extends CheckInScenario {

    @Test
    void editOpensThePrefilledModalAndUpdatesTheSharedMessageInPlace() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> visibility:thread", 2);
        String parentTs = parentTs(id);
        String first = "First thoughts " + id;
        String second = "Second thoughts " + id;

        driver.submitAnswers("U0ALICE", id, Map.of("important", first, "openness", "3"));
        FakeSlack.Call shared = awaitCall("chat.postMessage", in("C0TEAM").and(saying(first)));
        assertThat(shared.param("thread_ts")).isEqualTo(parentTs);
        String sharedTs = await().atMost(WAIT).until(() -> driver.response(id, "U0ALICE").getString("sharedTs"),
                ts -> ts != null);

        // Edit opens the modal with what she said.
        assertThat(driver.click("U0ALICE", CheckInInteractions.EDIT, id).statusCode()).isEqualTo(200);
        FakeSlack.Call opened = awaitCall("views.open", saying(id));
        assertThat(CheckInDriver.said(opened)).contains(first).contains("Save changes")
                .contains(CheckInInteractions.ANSWER_SUBMIT);

        assertThat(driver.submitAnswers("U0ALICE", id, Map.of("important", second, "openness", "5")).statusCode())
                .isEqualTo(200);
        await().atMost(WAIT).untilAsserted(() -> assertThat(answers(id, "U0ALICE"))
                .containsEntry("important", second).containsEntry("openness", "5"));

        // The shared message is changed where it is, not posted again.
        FakeSlack.Call updated = awaitCall("chat.update", in("C0TEAM").and(saying(second)));
        assertThat(updated.param("ts")).isEqualTo(sharedTs);
        assertThat(CheckInDriver.said(updated)).contains("<@U0ALICE> answered _(edited)_").doesNotContain(first);
        assertThat(calls("chat.postMessage", in("C0TEAM").and(saying("<@U0ALICE> answered")))).hasSize(1);
        assertThat(calls("chat.postMessage", saying(second))).isEmpty();
        assertThat(driver.response(id, "U0ALICE").getString("sharedTs")).isEqualTo(sharedTs);
        awaitAnswerShownInDm(id, "U0ALICE", second);
    }

    @Test
    void theSameSubmissionTwiceIsOneResponseAndOneSharedPost() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> visibility:thread", 2);
        String answer = "Said twice " + id;
        String payload = answerSubmission("U0ALICE", id, Map.of("important", answer));

        assertThat(requests.interaction(payload).statusCode()).isEqualTo(200);
        assertThat(requests.interaction(payload).statusCode()).isEqualTo(200);

        assertOneResponseAndOneShare(id, answer);
    }

    @Test
    void theSameSubmissionTwiceAtOnceIsOneResponseAndOneSharedPost() throws Exception {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> visibility:thread", 2);
        String answer = "Said twice at once " + id;
        String payload = answerSubmission("U0ALICE", id, Map.of("important", answer));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> sent = List.of(
                    CompletableFuture.supplyAsync(() -> sendWhen(go, requests, payload), pool),
                    CompletableFuture.supplyAsync(() -> sendWhen(go, requests, payload), pool));
            go.countDown();
            for (CompletableFuture<HttpResponse<String>> f : sent) {
                assertThat(f.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertOneResponseAndOneShare(id, answer);
    }

    @Test
    void aRedeliveredDmThreadReplyIsTakenOnce() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB>", 2);
        Document invitation = driver.response(id, "U0ALICE");
        String dmChannel = invitation.getString("dmChannelId");
        String dmTs = invitation.getString("dmTs");
        String reply = "Taken once " + id;
        String envelope = requests.eventEnvelope(requests.imMessage("U0ALICE", dmChannel, reply, dmTs));

        assertThat(requests.rawJson(envelope).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> driver.response(id, "U0ALICE").getInteger("threadNext") == 1);
        awaitCall("chat.postMessage", in(dmChannel).and(c -> dmTs.equals(c.param("thread_ts")))
                .and(saying("Question 2 of 4")));

        // Slack redelivers the same event, once as a retry and once under a new envelope.
        assertThat(requests.post(envelope, SlackRequests.JSON,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")).statusCode()).isEqualTo(200);
        assertThat(requests.rawJson(requests.eventEnvelope(
                com.google.gson.JsonParser.parseString(envelope).getAsJsonObject().get("event").toString()))
                .statusCode()).isEqualTo(200);

        await().during(Duration.ofMillis(800)).atMost(WAIT).untilAsserted(() -> {
            Document r = driver.response(id, "U0ALICE");
            assertThat(r.getInteger("threadNext")).isEqualTo(1);
            assertThat(r.get("answers", Document.class)).containsOnlyKeys("important").containsEntry("important", reply);
            assertThat(r.getString("status")).isEqualTo("PENDING");
        });
        assertThat(calls("chat.postMessage", in(dmChannel).and(c -> dmTs.equals(c.param("thread_ts")))))
                .hasSize(1)
                .allSatisfy(c -> assertThat(CheckInDriver.said(c)).contains("Question 2 of 4"));
    }

    private void assertOneResponseAndOneShare(String id, String answer) {
        String parentTs = parentTs(id);
        driver.awaitResponseStatus(id, "U0ALICE", "ANSWERED");
        // Each recorded submission shows its author their answers first; an unchanged resubmission moves
        // nothing anyone else sees (not even the parent), so wait for both DM updates and the one progress.
        String dm = driver.response(id, "U0ALICE").getString("dmChannelId");
        await().atMost(WAIT).until(() -> calls("chat.update", in(dm).and(saying(answer))).size() >= 2);
        await().atMost(WAIT).until(() -> calls("chat.update", in("C0TEAM")
                .and(c -> parentTs.equals(c.param("ts")))).size() >= 1);
        await().atMost(WAIT).until(() -> driver.response(id, "U0ALICE").getString("sharedTs") != null);

        assertThat(responsesOf(id, "U0ALICE")).isEqualTo(1);
        assertThat(responsesOf(id, "U0BOB")).isEqualTo(1);
        assertThat(answers(id, "U0ALICE")).containsEntry("important", answer);
        List<FakeSlack.Call> shares = calls("chat.postMessage", in("C0TEAM").and(saying(answer)));
        assertThat(shares).hasSize(1);
        assertThat(shares.get(0).param("thread_ts")).isEqualTo(parentTs);
        String sharedTs = driver.response(id, "U0ALICE").getString("sharedTs");
        // A second share, if any, can only have been an update of the same message.
        assertThat(calls("chat.update", in("C0TEAM").and(saying(answer))))
                .allSatisfy(c -> assertThat(c.param("ts")).isEqualTo(sharedTs));
    }

    private static HttpResponse<String> sendWhen(CountDownLatch go, SlackRequests requests, String payload) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return requests.interaction(payload);
    }
}

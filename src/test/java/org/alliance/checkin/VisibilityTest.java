package org.alliance.checkin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Answers are shared exactly as the check-in promised: in the thread, to the leader only, or anonymously. */
class VisibilityTest extends CheckInScenario {

    @Test
    void threadVisibilityPostsEachAnswerInTheCheckInThreadUnderItsAuthor() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL> visibility:thread", 3);
        String parentTs = parentTs(id);
        String alice = "Alice values autonomy " + id;
        String bob = "Bob values learning " + id;

        // Alice answers in the modal, Bob in his DM thread.
        assertThat(driver.submitAnswers("U0ALICE", id, Map.of("important", alice, "openness", "4")).statusCode())
                .isEqualTo(200);
        driver.replyInThread(id, "U0BOB", bob);
        await().atMost(WAIT).until(() -> driver.response(id, "U0BOB").getInteger("threadNext") == 1);
        driver.replyInThread(id, "U0BOB", "skip");
        await().atMost(WAIT).until(() -> driver.response(id, "U0BOB").getInteger("threadNext") == 2);
        driver.replyInThread(id, "U0BOB", "skip");
        await().atMost(WAIT).until(() -> driver.response(id, "U0BOB").getInteger("threadNext") == 3);
        driver.replyInThread(id, "U0BOB", "3");
        driver.awaitResponseStatus(id, "U0BOB", "ANSWERED");

        FakeSlack.Call aliceShare = awaitCall("chat.postMessage", in("C0TEAM").and(saying(alice)));
        assertThat(aliceShare.param("thread_ts")).isEqualTo(parentTs);
        assertThat(CheckInDriver.said(aliceShare)).contains("<@U0ALICE> answered").doesNotContain(bob);
        FakeSlack.Call bobShare = awaitCall("chat.postMessage", in("C0TEAM").and(saying(bob)));
        assertThat(bobShare.param("thread_ts")).isEqualTo(parentTs);
        assertThat(CheckInDriver.said(bobShare)).contains("<@U0BOB> answered").doesNotContain(alice);

        // One post each, and the shared ts is remembered for edits.
        assertThat(calls("chat.postMessage", in("C0TEAM").and(saying(alice)))).hasSize(1);
        assertThat(calls("chat.postMessage", in("C0TEAM").and(saying(bob)))).hasSize(1);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(driver.response(id, "U0ALICE").getString("sharedTs")).isNotNull();
            assertThat(driver.response(id, "U0BOB").getString("sharedTs")).isNotNull()
                    .isNotEqualTo(driver.response(id, "U0ALICE").getString("sharedTs"));
        });
        // The parent shows the progress; Carol has not answered yet, so it is still open.
        await().atMost(WAIT).untilAsserted(() -> assertThat(calls("chat.update",
                in("C0TEAM").and(c -> parentTs.equals(c.param("ts"))).and(saying("2 of 3 answered")))).isNotEmpty());
        assertThat(driver.checkIn(id).getString("status")).isEqualTo("OPEN");
    }

    @Test
    void leaderVisibilitySendsAnswersOnlyToTheLeadersDm() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> visibility:leader", 2);
        String parentTs = parentTs(id);
        String leaderChannel = driver.checkIn(id).getString("leaderChannelId");
        String leaderThreadTs = driver.checkIn(id).getString("leaderThreadTs");
        assertThat(leaderChannel).isEqualTo("D" + LEADER);
        assertThat(leaderThreadTs).isNotNull();
        String alice = "Alice wants honest feedback " + id;

        assertThat(driver.submitAnswers("U0ALICE", id, Map.of("feedback", alice)).statusCode()).isEqualTo(200);

        FakeSlack.Call share = awaitCall("chat.postMessage", saying(alice).and(c -> !ownDm(c, "U0ALICE")));
        assertThat(share.param("channel")).isEqualTo(leaderChannel);
        // Its own message, so the thread under it can hold a conversation about it.
        assertThat(share.param("thread_ts")).isNull();
        assertThat(CheckInDriver.said(share)).contains("Only you see this answer");
        assertThat(CheckInDriver.said(share)).contains("<@U0ALICE> answered");
        await().atMost(WAIT).untilAsserted(() -> assertThat(calls("chat.update",
                in("C0TEAM").and(c -> parentTs.equals(c.param("ts"))).and(saying("1 of 2 answered")))).isNotEmpty());
        awaitAnswerShownInDm(id, "U0ALICE", alice);

        // The answer went to the leader's DM thread and to Alice's own DM, nowhere else.
        List<FakeSlack.Call> withAnswer = slack.calls().stream().filter(saying(alice)).toList();
        assertThat(withAnswer).allSatisfy(c -> assertThat(c.param("channel")).isIn(leaderChannel, "DU0ALICE"));
        assertThat(withAnswer).filteredOn(in(leaderChannel)).hasSize(1);
        // The channel only hears about progress: nothing is posted in the check-in's thread.
        assertThat(slack.calls()).filteredOn(c -> parentTs.equals(c.param("thread_ts"))).isEmpty();
        assertThat(slack.calls()).filteredOn(in("C0TEAM")).filteredOn(c -> parentTs.equals(c.param("ts")))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.method()).isEqualTo("chat.update"));
    }

    @Test
    void anonymousVisibilityPostsOnlyAnUnattributedSummaryOnceThreeHaveAnswered() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL> visibility:anonymous", 3);
        String parentTs = parentTs(id);
        Map<String, String> answerOf = new LinkedHashMap<>();
        answerOf.put("U0ALICE", "alice-secret-" + id);
        answerOf.put("U0BOB", "bob-secret-" + id);
        answerOf.put("U0CAROL", "carol-secret-" + id);

        driver.submitAnswers("U0ALICE", id, Map.of("important", answerOf.get("U0ALICE"), "openness", "2"));
        driver.submitAnswers("U0BOB", id, Map.of("important", answerOf.get("U0BOB"), "openness", "5"));
        awaitAnswerShownInDm(id, "U0ALICE", answerOf.get("U0ALICE"));
        awaitAnswerShownInDm(id, "U0BOB", answerOf.get("U0BOB"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(calls("chat.update",
                in("C0TEAM").and(c -> parentTs.equals(c.param("ts"))).and(saying("2 of 3 answered")))).isNotEmpty());

        // While it runs, no answer is shown anywhere but in its author's own DM.
        assertNoAnswerOutsideOwnDm(slack.calls(), answerOf);
        int beforeLast = slack.calls().size();

        // As leader, status shows progress but no answers.
        String status = ackText(driver.command(LEADER, "C0TEAM", "status " + id));
        assertThat(status).contains(id).contains("2 of 3 answered").contains("anonymous");
        answerOf.values().forEach(a -> assertThat(status).doesNotContain(a));

        driver.submitAnswers("U0CAROL", id, Map.of("important", answerOf.get("U0CAROL"), "openness", "4"));
        driver.awaitStatus(id, "COMPLETED");

        FakeSlack.Call inThread = awaitCall("chat.postMessage", in("C0TEAM").and(saying("Anonymous summary")));
        assertThat(inThread.param("thread_ts")).isEqualTo(parentTs);
        FakeSlack.Call toLeader = awaitCall("chat.postMessage", in(LEADER).and(saying("Anonymous summary")));
        for (FakeSlack.Call summary : List.of(inThread, toLeader)) {
            String said = CheckInDriver.said(summary);
            answerOf.values().forEach(a -> assertThat(said).contains(a));
            assertThat(said).doesNotContain("U0ALICE").doesNotContain("U0BOB").doesNotContain("U0CAROL")
                    .contains("Average *3.7 / 5*");
        }
        awaitCall("chat.postMessage", in(LEADER).and(saying(id, "Took part (3)")));

        // Nothing ever put an answer next to its author's id, outside that author's own DM.
        List<FakeSlack.Call> all = slack.calls();
        for (Map.Entry<String, String> e : answerOf.entrySet()) {
            assertThat(all).filteredOn(c -> !ownDm(c, e.getKey()))
                    .noneSatisfy(c -> assertThat(CheckInDriver.said(c)).contains(e.getValue()).contains(e.getKey()));
        }
        // Before the end, no answer had been posted anywhere but in its author's own DM.
        assertNoAnswerOutsideOwnDm(all.subList(0, beforeLast), answerOf);
        // After it, only the two summaries carry answers.
        assertThat(outsideDmsOf(all, answerOf.keySet()))
                .filteredOn(c -> answerOf.values().stream().anyMatch(a -> CheckInDriver.said(c).contains(a)))
                .hasSize(2)
                .allSatisfy(c -> assertThat(CheckInDriver.said(c)).contains("Anonymous summary"));
    }

    @Test
    void anonymousBelowTheThresholdShowsNoSummaryAndTellsTheLeaderWhy() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL> <@U0DAN> visibility:anonymous", 4);
        Map<String, String> answerOf = Map.of("U0ALICE", "alice-hidden-" + id, "U0BOB", "bob-hidden-" + id);
        answerOf.forEach((user, answer) -> driver.submitAnswers(user, id, Map.of("managed", answer)));
        answerOf.forEach((user, answer) -> awaitAnswerShownInDm(id, user, answer));

        String status = ackText(driver.command(LEADER, "C0TEAM", "status " + id));
        assertThat(status).contains("2 of 4 answered");
        answerOf.values().forEach(a -> assertThat(status).doesNotContain(a));

        assertThat(ackText(driver.command(LEADER, "C0TEAM", "stop " + id))).contains("stopped");
        driver.awaitStatus(id, "STOPPED");
        awaitCall("chat.postMessage", in(LEADER).and(saying(id, "fewer than the 3 needed")));
        awaitCall("chat.postMessage", in(LEADER).and(saying(id, "has been stopped")));

        assertThat(slack.calls()).noneSatisfy(c -> assertThat(CheckInDriver.said(c)).contains("Anonymous summary"));
        assertNoAnswerOutsideOwnDm(slack.calls(), answerOf);
        // The answers are kept, unseen.
        assertThat(answers(id, "U0ALICE")).containsEntry("managed", answerOf.get("U0ALICE"));
    }

    private static void assertNoAnswerOutsideOwnDm(List<FakeSlack.Call> calls, Map<String, String> answerOf) {
        assertThat(outsideDmsOf(calls, answerOf.keySet())).allSatisfy(c -> {
            String said = CheckInDriver.said(c);
            answerOf.values().forEach(a -> assertThat(said).as("%s to %s", c.method(), c.param("channel"))
                    .doesNotContain(a));
        });
        // And no person's answer reached another participant's DM either.
        for (Map.Entry<String, String> mine : answerOf.entrySet()) {
            Set<String> others = Set.copyOf(answerOf.keySet().stream().filter(u -> !u.equals(mine.getKey())).toList());
            assertThat(calls).filteredOn(c -> others.stream().anyMatch(o -> ownDm(c, o)))
                    .noneSatisfy(c -> assertThat(CheckInDriver.said(c)).contains(mine.getValue()));
        }
    }
}

package org.alliance.checkin;

import java.util.List;
import java.util.Map;

import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The last person to answer completes the check-in, so they are told it is complete, never
 * offered an Edit that disappears a moment later. Everyone before them may edit until the due time.
 */
class LastAnswerTest extends CheckInScenario {

    @Test
    void theLastToAnswerInTheFormIsToldItIsCompleteAndOfferedNoEdit() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB>", 2);
        String alice = "Alice first " + id;
        driver.submitAnswers("U0ALICE", id, Map.of("important", alice, "openness", "4"));
        awaitAnswerShownInDm(id, "U0ALICE", alice);
        assertThat(CheckInDriver.said(awaitCall("chat.update", in("DU0ALICE").and(saying(alice)))))
                .as("not the last: she may change her answers").contains("You can change your answers until")
                .contains(CheckInInteractions.EDIT);

        String bob = "Bob last " + id;
        driver.submitAnswers("U0BOB", id, Map.of("important", bob, "openness", "3"));
        driver.awaitStatus(id, "COMPLETED");
        // His own follow-up and the completion both update his DM: neither may offer an Edit.
        List<FakeSlack.Call> bobsDm = await().atMost(WAIT)
                .until(() -> calls("chat.update", in("DU0BOB").and(saying(bob))), c -> c.size() >= 2);
        assertThat(bobsDm).allSatisfy(c -> assertThat(CheckInDriver.said(c)).contains("has completed")
                .doesNotContain("You can change your answers").doesNotContain(CheckInInteractions.EDIT));
    }

    @Test
    void theLastToAnswerInTheDmThreadIsToldItIsComplete() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB>", 2);
        String alice = "Alice " + id;
        driver.submitAnswers("U0ALICE", id, Map.of("important", alice, "openness", "4"));
        awaitAnswerShownInDm(id, "U0ALICE", alice);

        // Trust asks four questions: he answers the first and skips the rest, one reply at a time.
        List<String> replies = List.of("Bob in the thread " + id, "skip", "skip", "skip");
        for (int i = 0; i < replies.size() - 1; i++) {
            driver.replyInThread(id, "U0BOB", replies.get(i));
            int next = i + 1;
            await().atMost(WAIT).until(() -> driver.response(id, "U0BOB").getInteger("threadNext") == next);
        }
        driver.replyInThread(id, "U0BOB", replies.get(replies.size() - 1));
        FakeSlack.Call thanks = awaitCall("chat.postMessage", in(driver.response(id, "U0BOB").getString("dmChannelId")).and(saying("Thank you!")));
        assertThat(CheckInDriver.said(thanks)).contains("the check-in is now complete")
                .doesNotContain("until the check-in closes");
        driver.awaitStatus(id, "COMPLETED");
    }
}

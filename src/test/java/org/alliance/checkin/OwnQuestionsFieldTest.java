package org.alliance.checkin;

import java.time.Duration;
import java.util.List;

import com.google.gson.JsonObject;
import com.mongodb.client.model.Filters;
import org.alliance.support.StartFormState;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Questions typed in the start form are never dropped: with another purpose, the form says so on that field. */
class OwnQuestionsFieldTest extends CheckInScenario {

    @Test
    void ownQuestionsWithAnotherPurposeAreSentBackWithAnErrorOnThatField() {
        String objective = "Own questions " + System.nanoTime();
        StartFormState state = StartFormState.of("trust", objective, List.of("U0ALICE"), "C0TEAM", "leader",
                clock.instant().plus(Duration.ofDays(1))).ownQuestions("What would you change first?");

        JsonObject errors = viewErrors(requests.interaction(requests.viewSubmission(LEADER, StartModal.CALLBACK_ID,
                "C0TEAM", state.json())));

        assertThat(errors.keySet()).containsExactly(StartModal.CUSTOM_BLOCK);
        assertThat(errors.get(StartModal.CUSTOM_BLOCK).getAsString()).contains("only when the purpose is")
                .contains("Your own questions").contains("clear this field");
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() ->
                db.getCollection("checkins").countDocuments(Filters.eq("checkIn.objective", objective)) == 0);
    }

    @Test
    void withYourOwnQuestionsChosenTheyAreAsked() {
        String objective = "Asked " + System.nanoTime();
        StartFormState state = StartFormState.of("custom", objective, List.of("U0ALICE"), "C0TEAM", "leader",
                clock.instant().plus(Duration.ofDays(1))).ownQuestions("What would you change first?");

        assertThat(ackText(requests.interaction(requests.viewSubmission(LEADER, StartModal.CALLBACK_ID, "C0TEAM",
                state.json())))).isEmpty();
        String id = await().atMost(WAIT).until(() -> {
            var doc = db.getCollection("checkins").find(Filters.eq("checkIn.objective", objective)).first();
            return doc == null ? null : doc.getString("_id");
        }, i -> i != null);
        await().atMost(WAIT).until(() -> driver.invited(id) == 1);
        assertThat(invitations(id, "U0ALICE")).singleElement()
                .satisfies(c -> assertThat(org.alliance.support.CheckInDriver.said(c))
                        .contains("What would you change first?"));
    }

}

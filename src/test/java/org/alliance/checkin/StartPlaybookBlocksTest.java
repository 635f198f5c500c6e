package org.alliance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import org.alliance.questions.Question;
import org.alliance.questions.QuestionSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The start form offers Run as a playbook only for the purposes that have one. */
class StartPlaybookBlocksTest {

    private static final Instant DUE = Instant.parse("2030-03-04T09:00:00Z");
    private static final List<QuestionSet> SETS = List.of(
            set("trust", "Building trust"), set("change", "Navigating change"), set("kickoff", "Project kick-off"));

    @Test
    void navigatingChangeOffersThePlaybookWithItsSteps() {
        JsonObject view = view("change");

        assertThat(blockIds(view)).containsSubsequence("custom", "playbook", "people").doesNotContain("playbook_mid");
        String box = view.toString();
        assertThat(box).contains("\"type\":\"checkboxes\"").contains("Run as a playbook")
                .contains("a pulse after 2 weeks and a look back after 6 weeks");
    }

    @Test
    void aProjectKickOffAlsoAsksForTheDaysOfItsMidPointAndWrapUp() {
        JsonObject view = view("kickoff");

        assertThat(blockIds(view)).containsSubsequence("custom", "playbook", "playbook_mid", "playbook_end", "people");
        assertThat(view.toString()).contains("\"type\":\"datepicker\"").contains("Mid-point check-in on")
                .contains("Wrap-up check-in on");
    }

    @Test
    void otherPurposesHaveNoPlaybook() {
        assertThat(blockIds(view("trust"))).noneMatch(id -> id.startsWith("playbook"));
    }

    private static JsonObject view(String purpose) {
        return GsonFactory.createSnakeCase().toJsonTree(StartModal.view(SETS, purpose, "C123", DUE, Visibility.LEADER))
                .getAsJsonObject();
    }

    private static List<String> blockIds(JsonObject view) {
        List<String> ids = new ArrayList<>();
        view.getAsJsonArray("blocks").forEach(b -> ids.add(b.getAsJsonObject().get("block_id").getAsString()));
        return ids;
    }

    private static QuestionSet set(String key, String title) {
        return new QuestionSet(key, title, "Why", List.of(Question.text("q", "A question?")));
    }
}

package org.alliance.questions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The question set form: what it shows, and how a submission is read. */
class SavedSetFormTest {

    private static Map<String, Map<String, ViewState.Value>> state(String key, String title, String objective,
                                                                   String questions) {
        Map<String, Map<String, ViewState.Value>> values = new HashMap<>();
        put(values, "set_key", "key", key);
        put(values, "set_title", "title", title);
        put(values, "set_objective", "objective", objective);
        put(values, "set_questions", "questions", questions);
        return values;
    }

    private static void put(Map<String, Map<String, ViewState.Value>> values, String block, String action,
                            String text) {
        if (text != null) {
            ViewState.Value v = new ViewState.Value();
            v.setType("plain_text_input");
            v.setValue(text);
            values.put(block, Map.of(action, v));
        }
    }

    private static QuestionSet ok(SavedSetFormReader.Parsed parsed) {
        assertThat(parsed).isInstanceOf(SavedSetFormReader.Parsed.Ok.class);
        return ((SavedSetFormReader.Parsed.Ok) parsed).set();
    }

    private static Map<String, String> errors(SavedSetFormReader.Parsed parsed) {
        assertThat(parsed).isInstanceOf(SavedSetFormReader.Parsed.Errors.class);
        return ((SavedSetFormReader.Parsed.Errors) parsed).blockIdToMessage();
    }

    @Test
    void readsASetWithTextAndScaleQuestions() {
        QuestionSet set = ok(SavedSetFormReader.parse(state(" Quarterly ", " Quarterly review ",
                "Look back on the quarter.", "1. What went well?\n\n- [scale] How sustainable is your workload?\n"
                        + "[Scale]What should change?"), null));

        assertThat(set.key()).isEqualTo("quarterly");
        assertThat(set.title()).isEqualTo("Quarterly review");
        assertThat(set.objective()).isEqualTo("Look back on the quarter.");
        assertThat(set.questions()).containsExactly(
                Question.text("q1", "What went well?"),
                Question.scale("q2", "How sustainable is your workload?"),
                Question.scale("q3", "What should change?"));
    }

    @Test
    void eachProblemIsShownOnItsOwnField() {
        Map<String, String> errors = errors(SavedSetFormReader.parse(state("Q 1!", "", "x".repeat(501), ""), null));

        assertThat(errors.keySet()).containsExactly("set_key", "set_title", "set_objective", "set_questions");
        assertThat(errors.get("set_key")).contains("lower-case letters");
        assertThat(errors.get("set_title")).contains("title");
        assertThat(errors.get("set_objective")).contains("500 characters").contains("(it has 501)");
        assertThat(errors.get("set_questions")).contains("at least one question");
    }

    @Test
    void aBuiltInKeyIsRefusedOnTheKeyField() {
        assertThat(errors(SavedSetFormReader.parse(state("Trust", "Mine", "Why", "Q?"), null)))
                .containsOnlyKeys("set_key").extractingByKey("set_key").asString().contains("built-in purpose");
    }

    @Test
    void questionsAreLimitedInNumberAndLength() {
        String eleven = String.join("\n", java.util.Collections.nCopies(11, "Why?"));
        assertThat(errors(SavedSetFormReader.parse(state("qs", "T", "O", eleven), null)).get("set_questions"))
                .contains("at most 10").contains("there are 11");

        String longOne = "Fine?\n[scale] " + "y".repeat(251);
        assertThat(errors(SavedSetFormReader.parse(state("qs", "T", "O", longOne), null)).get("set_questions"))
                .contains("question 2").contains("250 characters").contains("(it has 251)");

        assertThat(errors(SavedSetFormReader.parse(state("qs", "T", "O", "[scale]"), null)).get("set_questions"))
                .contains("only [scale]");
        assertThat(errors(SavedSetFormReader.parse(state("qs", "t".repeat(76), "O", "Q?"), null)).get("set_title"))
                .contains("75 characters");
    }

    @Test
    void whenEditingTheKeyComesFromTheFormsMetadataNotItsFields() {
        QuestionSet set = ok(SavedSetFormReader.parse(state(null, "T", "O", "Q?"), "quarterly"));

        assertThat(set.key()).isEqualTo("quarterly");
    }

    @Test
    void theQuestionsReadBackAsTheyAreShown() {
        List<Question> questions = List.of(Question.text("q1", "What went well?"),
                Question.scale("q2", "How sustainable is it?"));
        String shown = SavedSetFormReader.questionLines(questions);

        assertThat(shown).isEqualTo("What went well?\n[scale] How sustainable is it?");
        assertThat(SavedSetFormReader.questions(SavedSetFormReader.lines(shown))).isEqualTo(questions);
    }

    @Test
    void aNewFormAsksForTheKeyAndAnEditFormShowsItFilledIn() {
        JsonObject created = json(SavedSetModal.create("C1"));
        assertThat(created.get("callback_id").getAsString()).isEqualTo("question_set_save");
        assertThat(created.get("private_metadata").getAsString()).isEqualTo("C1|");
        assertThat(block(created, "set_key").get("type").getAsString()).isEqualTo("input");
        assertThat(block(created, "set_key").getAsJsonObject("element").get("max_length").getAsInt()).isEqualTo(30);

        QuestionSet set = new QuestionSet("quarterly", "Quarterly <!here>", "Look back.",
                List.of(Question.text("q1", "Well?"), Question.scale("q2", "Workload?")));
        JsonObject edited = json(SavedSetModal.edit("C1", set));
        assertThat(edited.get("private_metadata").getAsString()).isEqualTo("C1|quarterly");
        assertThat(edited.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Edit question set");
        assertThat(block(edited, "set_key").get("type").getAsString()).isEqualTo("context");
        assertThat(initial(edited, "set_title")).isEqualTo("Quarterly <!here>");
        assertThat(initial(edited, "set_objective")).isEqualTo("Look back.");
        assertThat(initial(edited, "set_questions")).isEqualTo("Well?\n[scale] Workload?");
    }

    private static JsonObject json(View view) {
        return GsonFactory.createSnakeCase().toJsonTree(view).getAsJsonObject();
    }

    private static String initial(JsonObject view, String blockId) {
        return block(view, blockId).getAsJsonObject("element").get("initial_value").getAsString();
    }

    private static JsonObject block(JsonObject view, String blockId) {
        for (JsonElement b : view.getAsJsonArray("blocks")) {
            if (blockId.equals(b.getAsJsonObject().get("block_id").getAsString())) {
                return b.getAsJsonObject();
            }
        }
        throw new AssertionError("no block " + blockId);
    }
}

package org.alliance.checkin;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import org.alliance.questions.Question;
import org.junit.jupiter.api.Test;
import org.alliance.slack.SlackDates;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerModalTest {

    private static final Instant CREATED = Instant.parse("2030-03-01T09:00:00Z");
    private static final Instant DUE = Instant.parse("2030-03-04T09:00:00Z");

    private static final List<Question> QUESTIONS = List.of(
            Question.text("aspirations", "What are your career aspirations?"),
            Question.scale("growth", "How much is your work helping you grow? (1 = not at all, 5 = a lot)"),
            Question.text("help", "What can I do to help?"));

    private static CheckIn checkIn(Visibility visibility, String objective, List<Question> questions) {
        return new CheckIn("ab12", "T1", "ULEAD", "development", "Developing people", objective, questions,
                List.of("U1", "U2"), "C1", "111.1", null, visibility, 3, DUE, CREATED, CheckInStatus.OPEN, null,
                null, null);
    }

    private static CheckIn checkIn(Visibility visibility) {
        return checkIn(visibility, "Plan support that fits <!channel> & you", QUESTIONS);
    }

    private static Response response(ResponseStatus status, Map<String, String> answers) {
        return new Response("ab12:U1", "T1", "ab12", "U1", status, answers, null, "D1", "222.2", 0, null, null,
                status == ResponseStatus.ANSWERED ? CREATED : null, CREATED);
    }

    private static JsonObject json(View view) {
        return GsonFactory.createSnakeCase().toJsonTree(view).getAsJsonObject();
    }

    private static JsonObject block(JsonObject view, String blockId) {
        for (JsonElement b : view.getAsJsonArray("blocks")) {
            JsonObject o = b.getAsJsonObject();
            if (o.has("block_id") && o.get("block_id").getAsString().equals(blockId)) {
                return o;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + view);
    }

    private static String audienceText(JsonObject view) {
        return block(view, "audience").getAsJsonArray("elements").get(0).getAsJsonObject().get("text").getAsString();
    }

    // ---- view ----------------------------------------------------------------------------------

    @Test
    void aFirstAnswerIsAModalWithOneOptionalInputPerQuestion() {
        JsonObject view = json(AnswerModal.view(checkIn(Visibility.LEADER), null, "Dana"));

        assertThat(view.get("type").getAsString()).isEqualTo("modal");
        assertThat(view.get("callback_id").getAsString()).isEqualTo(AnswerModal.CALLBACK_ID)
                .isEqualTo("checkin_answer_submit");
        assertThat(view.get("private_metadata").getAsString()).isEqualTo("ab12");
        assertThat(view.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Check-in").hasSizeLessThanOrEqualTo(24);
        assertThat(view.getAsJsonObject("title").get("type").getAsString()).isEqualTo("plain_text");
        assertThat(view.getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Send");
        assertThat(view.getAsJsonObject("close").get("text").getAsString()).isEqualTo("Cancel");

        JsonArray blocks = view.getAsJsonArray("blocks");
        assertThat(blocks).hasSize(2 + QUESTIONS.size());
        assertThat(blocks.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("section");
        assertThat(blocks.get(1).getAsJsonObject().get("type").getAsString()).isEqualTo("context");

        JsonObject aspirations = block(view, "q:aspirations");
        assertThat(aspirations.get("type").getAsString()).isEqualTo("input");
        assertThat(aspirations.get("optional").getAsBoolean()).isTrue();
        assertThat(aspirations.getAsJsonObject("label").get("type").getAsString()).isEqualTo("plain_text");
        assertThat(aspirations.getAsJsonObject("label").get("text").getAsString())
                .isEqualTo("What are your career aspirations?");
        JsonObject text = aspirations.getAsJsonObject("element");
        assertThat(text.get("type").getAsString()).isEqualTo("plain_text_input");
        assertThat(text.get("action_id").getAsString()).isEqualTo("answer");
        assertThat(text.get("multiline").getAsBoolean()).isTrue();
        assertThat(text.get("max_length").getAsInt()).isEqualTo(3000);
        assertThat(text.has("initial_value")).isFalse();

        JsonObject growth = block(view, "q:growth");
        assertThat(growth.get("optional").getAsBoolean()).isTrue();
        JsonObject select = growth.getAsJsonObject("element");
        assertThat(select.get("type").getAsString()).isEqualTo("static_select");
        assertThat(select.get("action_id").getAsString()).isEqualTo("answer");
        assertThat(select.getAsJsonArray("options").asList()).extracting(o -> o.getAsJsonObject().get("value").getAsString())
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(select.getAsJsonArray("options").get(0).getAsJsonObject().getAsJsonObject("text").get("type").getAsString())
                .isEqualTo("plain_text");
        assertThat(select.has("initial_option")).isFalse();
    }

    @Test
    void theObjectiveIsEscapedSoItCannotNotifyAChannel() {
        String json = GsonFactory.createSnakeCase().toJson(AnswerModal.view(checkIn(Visibility.LEADER), null, "Dana"));
        JsonObject objective = block(json(AnswerModal.view(checkIn(Visibility.LEADER), null, "Dana")), "objective");

        assertThat(objective.getAsJsonObject("text").get("type").getAsString()).isEqualTo("mrkdwn");
        assertThat(objective.getAsJsonObject("text").get("text").getAsString())
                .isEqualTo("Plan support that fits &lt;!channel&gt; &amp; you");
        assertThat(json).doesNotContain("<!channel>");
    }

    @Test
    void aBlankObjectiveLeavesItsSectionOut() {
        JsonObject view = json(AnswerModal.view(checkIn(Visibility.LEADER, "  ", QUESTIONS), null, "Dana"));

        assertThat(view.getAsJsonArray("blocks").get(0).getAsJsonObject().get("block_id").getAsString())
                .isEqualTo("audience");
    }

    @Test
    void editingAnAnswerPrefillsEveryAnswerAndSaysSaveChanges() {
        Response answered = response(ResponseStatus.ANSWERED, Map.of("aspirations", "Lead a team\nsomeday", "growth", "4"));

        JsonObject view = json(AnswerModal.view(checkIn(Visibility.LEADER), answered, "Dana"));

        assertThat(view.getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Save changes");
        assertThat(block(view, "q:aspirations").getAsJsonObject("element").get("initial_value").getAsString())
                .isEqualTo("Lead a team\nsomeday");
        assertThat(block(view, "q:help").getAsJsonObject("element").has("initial_value")).isFalse();
        JsonObject select = block(view, "q:growth").getAsJsonObject("element");
        JsonObject initial = select.getAsJsonObject("initial_option");
        assertThat(initial.get("value").getAsString()).isEqualTo("4");
        // Slack only accepts an initial option identical to one of the options.
        assertThat(select.getAsJsonArray("options").asList()).contains(initial);
    }

    @Test
    void aPendingOrSkippedResponseStillSaysSend() {
        assertThat(json(AnswerModal.view(checkIn(Visibility.LEADER), response(ResponseStatus.PENDING, Map.of()), "Dana"))
                .getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Send");
        assertThat(json(AnswerModal.view(checkIn(Visibility.LEADER), response(ResponseStatus.SKIPPED, Map.of()), "Dana"))
                .getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Send");
    }

    @Test
    void aStoredScaleAnswerThatIsNotOneToFiveIsNotPreselected() {
        Response odd = response(ResponseStatus.ANSWERED, Map.of("growth", "7"));

        JsonObject view = json(AnswerModal.view(checkIn(Visibility.LEADER), odd, "Dana"));

        assertThat(block(view, "q:growth").getAsJsonObject("element").has("initial_option")).isFalse();
    }

    @Test
    void saysWhoWillSeeTheAnswersForEachVisibility() {
        assertThat(audienceText(json(AnswerModal.view(checkIn(Visibility.LEADER), null, "Dana <Boss>"))))
                .contains("Who will see your answers:").contains("only Dana &lt;Boss&gt;.");
        assertThat(audienceText(json(AnswerModal.view(checkIn(Visibility.LEADER), null, null))))
                .contains("only <@ULEAD>.");
        assertThat(audienceText(json(AnswerModal.view(checkIn(Visibility.THREAD), null, "Dana"))))
                .contains("everyone in the check-in thread, under your name");
        assertThat(audienceText(json(AnswerModal.view(checkIn(Visibility.ANONYMOUS), null, "Dana"))))
                .contains("nobody by name")
                .contains("anonymous summary is shared once 3 or more people have answered")
                .doesNotContain("Dana");
    }

    @Test
    void saysWhenTheAnswersAreDueInTheReadersTimeZone() {
        assertThat(audienceText(json(AnswerModal.view(checkIn(Visibility.LEADER), null, "Dana"))))
                .contains(SlackDates.format(DUE));
    }

    @Test
    void aVeryLongQuestionIsTruncatedToSlacksLabelLimit() {
        CheckIn long_ = checkIn(Visibility.LEADER, "o", List.of(Question.text("long", "x".repeat(2500))));

        String label = block(json(AnswerModal.view(long_, null, "Dana")), "q:long")
                .getAsJsonObject("label").get("text").getAsString();

        assertThat(label).hasSize(2000).endsWith("…");
    }

    // ---- answers -------------------------------------------------------------------------------

    private static ViewState.Value text(String value) {
        ViewState.Value v = new ViewState.Value();
        v.setType("plain_text_input");
        v.setValue(value);
        return v;
    }

    private static ViewState.Value selected(String value) {
        ViewState.Value v = new ViewState.Value();
        v.setType("static_select");
        if (value != null) {
            ViewState.SelectedOption o = new ViewState.SelectedOption();
            o.setValue(value);
            v.setSelectedOption(o);
        }
        return v;
    }

    private static Map<String, Map<String, ViewState.Value>> state(Object... blockIdThenValue) {
        Map<String, Map<String, ViewState.Value>> state = new HashMap<>();
        for (int i = 0; i < blockIdThenValue.length; i += 2) {
            state.put((String) blockIdThenValue[i], Map.of("answer", (ViewState.Value) blockIdThenValue[i + 1]));
        }
        return state;
    }

    @Test
    void readsTextAndScaleAnswersInQuestionOrder() {
        Map<String, String> answers = AnswerModal.answers(checkIn(Visibility.LEADER), state(
                "q:help", text("Time for a course  "),
                "q:growth", selected("2"),
                "q:aspirations", text("Lead a team")));

        assertThat(answers).containsExactly(Map.entry("aspirations", "Lead a team"), Map.entry("growth", "2"),
                Map.entry("help", "Time for a course  "));
    }

    @Test
    void leavesOutBlankAndMissingAnswers() {
        Map<String, String> answers = AnswerModal.answers(checkIn(Visibility.LEADER), state(
                "q:aspirations", text("  \n "),
                "q:growth", selected(null),
                "q:unknown", text("ignored")));

        assertThat(answers).isEmpty();
        assertThat(AnswerModal.answers(checkIn(Visibility.LEADER), Map.of())).isEmpty();
        assertThat(AnswerModal.answers(checkIn(Visibility.LEADER), null)).isEmpty();
    }

    // ---- errors --------------------------------------------------------------------------------

    @Test
    void acceptableAnswersHaveNoErrors() {
        assertThat(AnswerModal.errors(checkIn(Visibility.LEADER), Map.of("help", "x".repeat(3000), "growth", "5")))
                .isEmpty();
        assertThat(AnswerModal.errors(checkIn(Visibility.LEADER), Map.of("growth", "1"))).isEmpty();
    }

    @Test
    void anAnswerOverThreeThousandCharactersIsAnErrorOnItsBlock() {
        Map<String, String> errors = AnswerModal.errors(checkIn(Visibility.LEADER),
                Map.of("aspirations", "fine", "help", "x".repeat(3001)));

        assertThat(errors).containsOnlyKeys("q:help");
        assertThat(errors.get("q:help")).contains("3000").contains("3001");
    }

    @Test
    void aScaleAnswerOutsideOneToFiveIsAnError() {
        assertThat(AnswerModal.errors(checkIn(Visibility.LEADER), Map.of("growth", "6")))
                .containsExactly(Map.entry("q:growth", "Please answer with a number from 1 to 5."));
    }

    @Test
    void nothingAnsweredIsAnErrorOnTheFirstQuestion() {
        String message = "Please answer at least one question, or use Not now to skip.";

        assertThat(AnswerModal.errors(checkIn(Visibility.LEADER), Map.of()))
                .containsExactly(Map.entry("q:aspirations", message));
        Map<String, String> blanks = new LinkedHashMap<>();
        blanks.put("aspirations", " ");
        blanks.put("help", null);
        assertThat(AnswerModal.errors(checkIn(Visibility.LEADER), blanks))
                .containsExactly(Map.entry("q:aspirations", message));
    }

    @Test
    void answersFromTheViewStateRoundTripThroughErrors() {
        CheckIn c = checkIn(Visibility.THREAD);
        Map<String, String> answers = AnswerModal.answers(c, state("q:aspirations", text("y".repeat(3001))));

        assertThat(AnswerModal.errors(c, answers)).containsOnlyKeys("q:aspirations");
    }
}

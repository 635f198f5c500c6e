package org.alliance.questions;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.slack.api.model.view.ViewState;
import org.alliance.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A saved set's question marked {@code [anonymous]}: read from the form, stored, listed and read back. */
class AnonymousQuestionsTest {

    @Test
    void theAnonymousMarkerCombinesWithTheScaleMarkerInEitherOrder() {
        List<Question> questions = parse("What went well?\n[anonymous] What would you change?\n"
                + "[Scale] [Anonymous] How safe is it to speak up?\n3. [anonymous][scale] Workload?");

        assertThat(questions).containsExactly(
                Question.text("q1", "What went well?"),
                new Question("q2", "What would you change?", QuestionKind.TEXT, true),
                new Question("q3", "How safe is it to speak up?", QuestionKind.SCALE, true),
                new Question("q4", "Workload?", QuestionKind.SCALE, true));
        String shown = SavedSetFormReader.questionLines(questions);
        assertThat(shown).isEqualTo("What went well?\n[anonymous] What would you change?\n"
                + "[anonymous] [scale] How safe is it to speak up?\n[anonymous] [scale] Workload?");
        assertThat(SavedSetFormReader.questions(SavedSetFormReader.lines(shown))).isEqualTo(questions);
    }

    @Test
    void aLineOfMarkersOnlyIsSentBack() {
        Map<String, Map<String, ViewState.Value>> values = state("Fine?\n[anonymous] [scale]");

        SavedSetFormReader.Parsed parsed = SavedSetFormReader.parse(values, null);

        assertThat(parsed).isInstanceOf(SavedSetFormReader.Parsed.Errors.class);
        assertThat(((SavedSetFormReader.Parsed.Errors) parsed).blockIdToMessage().get("set_questions"))
                .contains("Question 2 is only [anonymous] [scale]");
    }

    @Test
    void theFormTellsHowToMarkAQuestionAnonymous() {
        String form = com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(SavedSetModal.create("C1"));

        assertThat(form).contains("Start it with [anonymous] to keep that question")
                .contains("from ever showing with a name: they are shared only in a summary without names");
    }

    @Test
    void theListingAndTheConfirmationSayWhichQuestionsAreAnonymous() {
        QuestionSet set = new QuestionSet("quarterly", "Quarterly", "Why.", List.of(Question.text("q1", "Well?"),
                Question.text("q2", "Change?").asAnonymous(true)));

        String listed = TemplatesListing.describe(new StoredSet(set, "U0ANA", Instant.EPOCH, Instant.EPOCH));

        assertThat(listed).contains("1. Well?\n").contains("2. Change? :lock: _anonymous: answers shown without names_");
        assertThat(SavedSetSubmission.confirmation(set, false)).contains("with 2 questions (1 is anonymous");
    }

    @Test
    void theFlagIsStoredAndASetStoredWithoutItReadsAsNamed() {
        MongoDatabase db = InMemoryMongo.freshDatabase();
        QuestionSetRepository repository = new QuestionSetRepository(db);
        QuestionSet set = new QuestionSet("quarterly", "Quarterly", "Why.", List.of(Question.text("q1", "Well?"),
                Question.scale("q2", "Safe?").asAnonymous(true)));
        repository.insertSaved("T1", set, "U0ANA", Instant.EPOCH);

        assertThat(repository.find("T1", "quarterly").orElseThrow().questions()).isEqualTo(set.questions());

        db.getCollection("question_sets").updateOne(Filters.eq("key", "quarterly"),
                new Document("$unset", new Document("questions.0.anonymous", "").append("questions.1.anonymous", "")));
        assertThat(repository.find("T1", "quarterly").orElseThrow().questions())
                .extracting(Question::isAnonymous).containsExactly(false, false);
        assertThat(new Question("q", "Old?", null, null).isAnonymous()).isFalse();
    }

    private static List<Question> parse(String lines) {
        SavedSetFormReader.Parsed parsed = SavedSetFormReader.parse(state(lines), null);
        assertThat(parsed).isInstanceOf(SavedSetFormReader.Parsed.Ok.class);
        return ((SavedSetFormReader.Parsed.Ok) parsed).set().questions();
    }

    private static Map<String, Map<String, ViewState.Value>> state(String questions) {
        Map<String, Map<String, ViewState.Value>> values = new HashMap<>();
        put(values, "set_key", "key", "quarterly");
        put(values, "set_title", "title", "Quarterly");
        put(values, "set_objective", "objective", "Why.");
        put(values, "set_questions", "questions", questions);
        return values;
    }

    private static void put(Map<String, Map<String, ViewState.Value>> values, String block, String action, String text) {
        ViewState.Value v = new ViewState.Value();
        v.setType("plain_text_input");
        v.setValue(text);
        values.put(block, Map.of(action, v));
    }
}

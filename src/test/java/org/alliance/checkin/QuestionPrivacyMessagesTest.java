package org.alliance.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import org.alliance.questions.Question;
import org.alliance.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question marked anonymous inside a check-in whose other answers carry names: who is told what, in
 * which message, and what never sits next to a name.
 */
class QuestionPrivacyMessagesTest {

    private static final Instant NOW = Instant.parse("2025-01-06T09:00:00Z");
    private static final Question WELL = Question.text("well", "What went well?");
    private static final Question CHANGE = new Question("change", "What would you change about how I lead?",
            org.alliance.questions.QuestionKind.TEXT, true);
    private static final Question SAFE = Question.scale("safe", "How safe do you feel speaking up?").asAnonymous(true);
    private static final String LOCK = "\uD83D\uDD12";

    @Test
    void aSharedAnswerLeavesOutTheAnonymousQuestionAndItsAnswer() {
        for (Visibility v : List.of(Visibility.LEADER, Visibility.THREAD)) {
            String shown = json(SharedAnswerMessage.render(checkIn(v, 3), answered("U0ANN", "ann-well",
                    "ann-secret", "2"), "Ann", false));

            assertThat(shown).as("%s", v).contains("ann-well").contains("What went well?")
                    .doesNotContain("ann-secret").doesNotContain(CHANGE.text()).doesNotContain(SAFE.text())
                    .doesNotContain("2 / 5")
                    .contains("Answers to its anonymous questions are never shown here");
        }
    }

    @Test
    void orderedAnswersAreTheNamedOnesAndTheAuthorsOwnAreAll() {
        Response r = answered("U0ANN", "ann-well", "ann-secret", "2");
        CheckIn c = checkIn(Visibility.LEADER, 3);

        assertThat(r.orderedAnswers(c)).containsOnlyKeys("well");
        assertThat(r.ownAnswers(c)).containsExactly(Map.entry("well", "ann-well"), Map.entry("change", "ann-secret"),
                Map.entry("safe", "2"));
        assertThat(c.anonymousQuestions()).containsExactly(CHANGE, SAFE);
        assertThat(checkIn(Visibility.ANONYMOUS, 3).anonymousQuestions()).as("all are anonymous there anyway").isEmpty();
    }

    @Test
    void theInvitationSaysWhichAnswersAreAnonymousBeforeAnyoneAnswers() {
        CheckIn c = checkIn(Visibility.LEADER, 3);
        String pending = json(InvitationMessage.render(c, Response.pending("T1", c.id(), "U0ANN", NOW), "Lee"));

        assertThat(pending).contains("*Who will see your answers:* Only <@U0LEAD>")
                .contains("Except for these 2 questions, which are anonymous")
                .contains(LOCK + " What would you change about how I lead?")
                .contains(LOCK + " How safe do you feel speaking up?")
                .contains("never shown with your name, not even to <@U0LEAD>")
                .contains("at least 3 people have answered it");

        String afterwards = json(InvitationMessage.render(c, answered("U0ANN", "ann-well", "ann-secret", "2"), "Lee"));
        assertThat(afterwards).as("the author still sees their own answers").contains("ann-secret").contains("2 / 5")
                .contains(LOCK + " _anonymous_");

        CheckIn anonymous = checkIn(Visibility.ANONYMOUS, 3);
        assertThat(json(InvitationMessage.render(anonymous, Response.pending("T1", c.id(), "U0ANN", NOW), "Lee")))
                .as("a whole anonymous check-in says so once").doesNotContain("Except for");
    }

    @Test
    void theAnswerFormAndTheThreadQuestionMarkTheAnonymousOnes() {
        CheckIn c = checkIn(Visibility.LEADER, 4);
        View view = AnswerModal.view(c, null, "Lee");
        List<InputBlock> inputs = view.getBlocks().stream().filter(b -> b instanceof InputBlock)
                .map(b -> (InputBlock) b).toList();

        assertThat(inputs.get(0).getHint()).isNull();
        assertThat(inputs.get(0).getLabel().getText()).isEqualTo("What went well?");
        assertThat(inputs.get(1).getLabel().getText()).isEqualTo(LOCK + " What would you change about how I lead?");
        assertThat(inputs.get(1).getHint().getText()).isEqualTo(LOCK
                + " Anonymous: shown without your name, only in a summary once 4 people have answered it.");
        assertThat(inputs.get(2).getHint().getText()).contains("Anonymous");
        assertThat(AnswerModal.audience(c, "Lee")).contains("Except for questions marked " + LOCK);

        assertThat(json(ThreadQuestionMessage.render(c, 0))).doesNotContain("Anonymous");
        assertThat(json(ThreadQuestionMessage.render(c, 1))).contains("Question 2 of 3")
                .contains("Anonymous: shown without your name, only in a summary once 4 people have answered it.");
    }

    @Test
    void theEndReportHoldsOnlyTheAnonymousQuestionsWithoutNamesInARandomOrder() {
        CheckIn c = checkIn(Visibility.THREAD, 3);
        List<Response> responses = List.of(answered("U0ANN", "ann-well", "ann-secret", "2"),
                answered("U0BEN", "ben-well", "ben-secret", "5"), answered("U0CAT", "cat-well", "cat-secret", "4"),
                Response.pending("T1", c.id(), "U0DAN", NOW));

        String leader = json(AnonymousQuestionsMessage.render(c, responses, new Random(7), true));

        assertThat(leader).contains("Anonymous questions: Growth").contains("ann-secret").contains("ben-secret")
                .contains("cat-secret").contains("Average *3.7 / 5*, from 3 answers");
        assertThat(leader).as("no names, ids or named answers").doesNotContain("U0ANN").doesNotContain("U0BEN")
                .doesNotContain("U0CAT").doesNotContain("Ann").doesNotContain("-well").doesNotContain("What went well");
        List<String> orders = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L).stream()
                .map(seed -> order(json(AnonymousQuestionsMessage.render(c, responses, new Random(seed), true))))
                .distinct().toList();
        assertThat(orders).as("the order follows the randomness, not the participants").hasSizeGreaterThan(1);
    }

    @Test
    void belowTheThresholdTheLeaderIsToldTheAnswersStayUnseenAndTheThreadGetsNothingOfThem() {
        CheckIn c = checkIn(Visibility.THREAD, 3);
        // Three answered, but only two of them the text question: the scale question is shown, the text one is not.
        List<Response> responses = List.of(answered("U0ANN", "ann-well", "ann-secret", "2"),
                answered("U0BEN", "ben-well", "ben-secret", "5"), answered("U0CAT", "cat-well", null, "4"));

        assertThat(AnonymousQuestionsMessage.shown(c, responses)).containsExactly(SAFE);
        String leader = json(AnonymousQuestionsMessage.render(c, responses, new Random(1), true));
        assertThat(leader).doesNotContain("ann-secret").doesNotContain("ben-secret")
                .contains("What would you change about how I lead?")
                .contains("Only 2 people answered it, fewer than the 3 needed")
                .contains("the answers stay unseen, by you and by everyone else")
                .contains("Average *3.7 / 5*");
        String thread = json(AnonymousQuestionsMessage.render(c, responses, new Random(1), false));
        assertThat(thread).doesNotContain("ann-secret").doesNotContain("What would you change")
                .contains("How safe do you feel speaking up?");

        List<Response> fewer = responses.subList(0, 2);
        assertThat(AnonymousQuestionsMessage.shown(c, fewer)).isEmpty();
        assertThat(json(AnonymousQuestionsMessage.render(c, fewer, new Random(1), true)))
                .doesNotContain("ann-secret").doesNotContain("2 / 5").doesNotContain("Average")
                .contains("Their answers are never shown with a name.");
    }

    @Test
    void questionsStoredBeforeTheFlagExistedReadAsNotAnonymous() {
        MongoDatabase db = InMemoryMongo.freshDatabase();
        TestCheckIns stored = new TestCheckIns(db);
        CheckIn c = stored.store(checkIn(Visibility.LEADER, 3));
        db.getCollection("checkins").updateOne(Filters.eq("_id", c.id()),
                new Document("$unset", new Document("checkIn.questions.0.anonymous", "")
                        .append("checkIn.questions.1.anonymous", "")));

        CheckIn read = stored.checkIns.find(c.teamId(), c.id()).orElseThrow();

        assertThat(read.questions()).extracting(Question::isAnonymous).containsExactly(false, false, true);
        assertThat(read.questions().get(1).anonymous()).isFalse();
    }

    /** Whose text answers come first, second and third. */
    private static String order(String json) {
        return List.of("ann", "ben", "cat").stream()
                .sorted(java.util.Comparator.comparingInt(who -> json.indexOf(who + "-secret")))
                .reduce("", String::concat);
    }

    private static String json(Out.Message m) {
        String raw = GsonFactory.createSnakeCase().toJson(m.blocks());
        return m.text() + "\n" + new com.google.gson.GsonBuilder().disableHtmlEscaping().create()
                .toJson(com.google.gson.JsonParser.parseString(raw));
    }

    private static CheckIn checkIn(Visibility visibility, int threshold) {
        return new CheckIn("CHK234", "T1", "U0LEAD", "quarterly", "Growth", null, List.of(WELL, CHANGE, SAFE),
                List.of("U0ANN", "U0BEN", "U0CAT", "U0DAN"), "C0TEAM", "1.0", null, visibility, threshold,
                NOW.plusSeconds(3600), NOW, CheckInStatus.OPEN, null, null, null);
    }

    private static Response answered(String userId, String well, String change, String safe) {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put("well", well);
        if (change != null) {
            answers.put("change", change);
        }
        answers.put("safe", safe);
        return new Response("CHK234:" + userId, "T1", "CHK234", userId, ResponseStatus.ANSWERED, answers, null, null,
                null, 0, null, null, NOW, NOW);
    }
}

package org.alliance.questions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.alliance.support.InMemoryMongo;
import org.alliance.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of saved sets, without Slack: unique keys per workspace, changes by their author only. */
class SavedQuestionSetsServiceTest {

    private static final String TEAM = "T1";
    private static final String ANA = "U0ANA";
    private static final String BEN = "U0BEN";

    private final MongoDatabase db = InMemoryMongo.freshDatabase();
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-07T09:00:00Z"));
    private final QuestionSetRepository repository = new QuestionSetRepository(db);
    private final QuestionSets questionSets = new QuestionSets(repository);
    private final SavedQuestionSets saved = new SavedQuestionSets(questionSets, repository, clock);

    private static QuestionSet set(String key, String title) {
        return new QuestionSet(key, title, "Why.", List.of(Question.text("q1", "Well?")));
    }

    @Test
    void aSavedSetWorksLikeAPurposeAfterTheBuiltInOnes() {
        assertThat(saved.create(TEAM, ANA, set("quarterly", "Quarterly"))).isInstanceOf(SavedQuestionSets.Outcome.Saved.class);

        assertThat(questionSets.find(TEAM, "Quarterly")).map(QuestionSet::title).hasValue("Quarterly");
        assertThat(questionSets.keys(TEAM)).containsExactly("development", "trust", "collaboration", "change",
                "performance", "kickoff", "quarterly");
        assertThat(questionSets.find("T2", "quarterly")).isEmpty();
    }

    @Test
    void aKeyIsUniqueInAWorkspaceButNotAcrossWorkspaces() {
        saved.create(TEAM, ANA, set("quarterly", "First"));

        assertThat(saved.create(TEAM, BEN, set("quarterly", "Second"))).isInstanceOf(SavedQuestionSets.Outcome.KeyTaken.class);
        assertThat(saved.create("T2", BEN, set("quarterly", "Elsewhere"))).isInstanceOf(SavedQuestionSets.Outcome.Saved.class);
        assertThat(questionSets.find(TEAM, "quarterly")).map(QuestionSet::title).hasValue("First");
        assertThat(saved.create(TEAM, ANA, set("trust", "Mine"))).isInstanceOf(SavedQuestionSets.Outcome.KeyTaken.class);
    }

    @Test
    void onlyTheAuthorChangesOrDeletesASetAndTheKeyMayBeTypedInAnyCase() {
        saved.create(TEAM, ANA, set("quarterly", "Quarterly"));
        clock.advance(Duration.ofDays(1));

        assertThat(SavedQuestionSets.message(saved.update(TEAM, BEN, set("quarterly", "Ben's")))).contains("Only <@U0ANA>");
        assertThat(SavedQuestionSets.message(saved.delete(TEAM, BEN, "quarterly"))).contains("can delete it");
        assertThat(saved.forEditing(TEAM, BEN, "quarterly")).isInstanceOf(SavedQuestionSets.Outcome.Refused.class);

        assertThat(saved.update(TEAM, ANA, set("quarterly", "Renamed"))).isInstanceOf(SavedQuestionSets.Outcome.Saved.class);
        StoredSet stored = questionSets.stored(TEAM, "quarterly").orElseThrow();
        assertThat(stored.set().title()).isEqualTo("Renamed");
        assertThat(stored.createdAt()).isEqualTo(Instant.parse("2030-01-07T09:00:00Z"));
        assertThat(stored.updatedAt()).isEqualTo(Instant.parse("2030-01-08T09:00:00Z"));

        assertThat(saved.delete(TEAM, ANA, " Quarterly ")).isInstanceOf(SavedQuestionSets.Outcome.Saved.class);
        assertThat(questionSets.find(TEAM, "quarterly")).isEmpty();
        assertThat(SavedQuestionSets.message(saved.delete(TEAM, ANA, "quarterly"))).contains("no saved question set");
    }

    @Test
    void builtInPurposesAreNeverChanged() {
        assertThat(SavedQuestionSets.message(saved.delete(TEAM, ANA, "trust"))).contains("built-in purpose");
        assertThat(SavedQuestionSets.message(saved.update(TEAM, ANA, set("trust", "Mine")))).contains("built-in");
        assertThat(SavedQuestionSets.message(saved.forEditing(TEAM, ANA, "custom"))).contains("your own questions");
        assertThat(questionSets.find(TEAM, "trust")).map(QuestionSet::title).hasValue("Building trust");
    }

    @Test
    void typedKeysAreEscapedInRefusals() {
        assertThat(SavedQuestionSets.message(saved.delete(TEAM, ANA, "<!channel>`x"))).contains("`&lt;!channel&gt;'x`")
                .doesNotContain("<!channel>");
    }
}

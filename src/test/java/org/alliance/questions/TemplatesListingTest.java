package org.alliance.questions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesListingTest {

    private static StoredSet saved(String key, String title, String by, int questions, int questionLength) {
        List<Question> list = new ArrayList<>();
        for (int i = 1; i <= questions; i++) {
            list.add(Question.text("q" + i, ("Question " + i + " ").repeat(questionLength / 11 + 1)));
        }
        return new StoredSet(new QuestionSet(key, title, "Why we ask.", list), by, Instant.EPOCH, Instant.EPOCH);
    }

    private static List<StoredSet> builtIns() {
        return BuiltInQuestionSets.ALL.stream().map(s -> new StoredSet(s, null, null, null)).toList();
    }

    @Test
    void listsBuiltInPurposesThenSavedSetsWithWhoSavedThemEscaped() {
        List<StoredSet> sets = new ArrayList<>(builtIns());
        sets.add(new StoredSet(new QuestionSet("quarterly", "Quarterly <!channel>", "Look back & ahead.",
                List.of(Question.text("q1", "What went well?"), Question.scale("q2", "Workload <3?"))),
                "U0ANA", Instant.EPOCH, Instant.EPOCH));

        String text = TemplatesListing.all(sets);

        assertThat(text.indexOf("`kickoff`")).isLessThan(text.indexOf("*Saved question sets*"));
        assertThat(text.indexOf("*Saved question sets*")).isLessThan(text.indexOf("`quarterly`"));
        assertThat(text).contains("*Quarterly &lt;!channel&gt;*  `quarterly`  saved by <@U0ANA>")
                .contains("_Look back &amp; ahead._").contains("1. What went well?")
                .contains("2. Workload &lt;3? _(1-5)_").doesNotContain("<!channel>");
        assertThat(text.lines().filter(l -> l.contains("saved by"))).hasSize(1);
    }

    @Test
    void withNoSavedSetsItSaysHowToSaveOne() {
        assertThat(TemplatesListing.all(builtIns())).contains("None yet. Save one with `/alliance templates new`.");
    }

    @Test
    void manySavedSetsStopAtTheBudgetAndTheRestAreNamed() {
        List<StoredSet> sets = new ArrayList<>(builtIns());
        for (int i = 10; i < 40; i++) {
            sets.add(saved("set-" + i, "Set " + i, "U0ANA", 10, 240));
        }

        String text = TemplatesListing.all(sets);

        assertThat(text.length()).isLessThan(TemplatesListing.SAVED_BUDGET + 4000);
        assertThat(text).contains("`set-10`").contains("*Set 10*");
        assertThat(text).containsPattern("…and \\d+ more: `set-\\d+`")
                .contains("`set-39`").doesNotContain("*Set 39*")
                .contains("Type `/alliance templates <key>` to see one.");
    }
}

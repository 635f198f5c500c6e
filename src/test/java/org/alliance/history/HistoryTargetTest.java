package org.alliance.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryTargetTest {

    @Test
    void readsOnePersonFromSlacksEscapedMentionOrNothingForYourOwnAnswers() {
        assertThat(HistoryTarget.parse("<@U0ANN|ann>", "U0LEAD")).isEqualTo(new HistoryTarget.Person("U0ANN"));
        assertThat(HistoryTarget.parse(" <@W0ANN> ", "U0LEAD")).isEqualTo(new HistoryTarget.Person("W0ANN"));
        assertThat(HistoryTarget.parse("", "U0LEAD")).isEqualTo(new HistoryTarget.Own());
        assertThat(HistoryTarget.parse("<@U0LEAD|me>", "U0LEAD")).as("yourself").isEqualTo(new HistoryTarget.Own());
    }

    @Test
    void anythingElseGetsAFriendlyExplanation() {
        assertThat(HistoryTarget.parse("ann", "U0LEAD")).isInstanceOfSatisfying(HistoryTarget.Invalid.class,
                i -> assertThat(i.message()).contains("I need a person").contains("/alliance history @person"));
        assertThat(HistoryTarget.parse("<@U0ANN> <@U0BOB>", "U0LEAD")).isInstanceOfSatisfying(
                HistoryTarget.Invalid.class, i -> assertThat(i.message()).contains("One person at a time"));
        assertThat(HistoryTarget.parse("<!subteam^S1|@team>", "U0LEAD")).isInstanceOfSatisfying(
                HistoryTarget.Invalid.class, i -> assertThat(i.message()).contains("not a group"));
        assertThat(HistoryTarget.ofButton("U0ANN\"}", "U0LEAD")).isInstanceOf(HistoryTarget.Invalid.class);
        assertThat(HistoryTarget.ofButton("U0ANN", "U0LEAD")).isEqualTo(new HistoryTarget.Person("U0ANN"));
    }
}

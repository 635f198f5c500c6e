package org.alliance.checkin;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code playbook:on}, {@code mid:} and {@code end:} on the quick path, and what is refused with them. */
class QuickStartPlaybookTest {

    @Test
    void navigatingChangeWithPlaybookOnAsksForItsPlaybook() {
        QuickStartParser.Parsed p = parsed("change <@U0ALICE> playbook:on due:3d");

        assertThat(p.playbook()).isEqualTo(new Playbooks.Ask("change", null, null));
        assertThat(p.repeat().playbook()).isEqualTo(p.playbook());
        assertThat(StartCheckIn.refusedAtOnce(p.repeat())).isEmpty();
    }

    @Test
    void aProjectKickOffTakesItsMidPointAndWrapUpDays() {
        QuickStartParser.Parsed p = parsed("kickoff <@U0ALICE> playbook: on mid:2027-03-15 end:2027-04-30");

        assertThat(p.playbook()).isEqualTo(new Playbooks.Ask("kickoff", LocalDate.of(2027, 3, 15),
                LocalDate.of(2027, 4, 30)));
    }

    @Test
    void withoutPlaybookOnNothingChangesAndOffMeansNone() {
        assertThat(parsed("change <@U0ALICE>").playbook()).isNull();
        assertThat(parsed("change <@U0ALICE> playbook:off").playbook()).isNull();
    }

    @Test
    void mistakesAreRefusedWithWhatToWriteInstead() {
        assertThat(invalid("trust <@U0ALICE> playbook:on")).contains("`playbook:on` works with `change`")
                .contains("`kickoff`").contains("`trust`");
        assertThat(invalid("change <@U0ALICE> playbook:on every:1w")).isEqualTo(StartCheckIn.PLAYBOOK_AND_EVERY);
        assertThat(invalid("kickoff <@U0ALICE> playbook:on")).contains("needs the days of its mid-point and wrap-up")
                .contains("mid:YYYY-MM-DD end:YYYY-MM-DD");
        assertThat(invalid("kickoff <@U0ALICE> playbook:on mid:2027-03-15")).contains("needs the days");
        assertThat(invalid("kickoff <@U0ALICE> playbook:on mid:2027-04-30 end:2027-03-15"))
                .contains("must come after the mid-point");
        assertThat(invalid("kickoff <@U0ALICE> playbook:on mid:15/03/2027 end:2027-04-30"))
                .contains("`mid:15/03/2027` isn't a day I understand").contains("YYYY-MM-DD");
        assertThat(invalid("kickoff <@U0ALICE> mid:2027-03-15 end:2027-04-30")).contains("Add `playbook:on`");
        assertThat(invalid("change <@U0ALICE> playbook:on mid:2027-03-15")).contains("takes no `mid:` or `end:`");
        assertThat(invalid("change <@U0ALICE> playbook:maybe")).contains("`playbook:maybe`")
                .contains("Write `playbook:on`");
        assertThat(invalid("change <@U0ALICE> playbook:on playbook:on")).contains("more than once");
    }

    @Test
    void theDaysMustComeAfterTodayInOrderAndWithinAYear() {
        LocalDate today = LocalDate.of(2026, 11, 30);

        assertThat(new Playbooks.Ask("kickoff", today, today.plusDays(3)).problems(today))
                .containsOnlyKeys(Playbooks.Ask.Field.MID_POINT);
        assertThat(new Playbooks.Ask("kickoff", today.plusDays(3), today.plusDays(3)).problems(today))
                .containsOnlyKeys(Playbooks.Ask.Field.WRAP_UP);
        assertThat(new Playbooks.Ask("kickoff", today.plusDays(3), today.plusDays(400)).problems(today))
                .containsOnlyKeys(Playbooks.Ask.Field.WRAP_UP);
        assertThat(new Playbooks.Ask("kickoff", today.plusDays(1), today.plusDays(2)).problems(today)).isEmpty();
        assertThat(new Playbooks.Ask("change", null, null).problems(today)).isEmpty();
        assertThat(new Playbooks.Ask("trust", null, null).problems(today)).containsOnlyKeys(Playbooks.Ask.Field.PURPOSE);
    }

    private static QuickStartParser.Parsed parsed(String text) {
        QuickStartParser.Result r = QuickStartParser.parse(text);
        assertThat(r).as("parse of %s", text).isInstanceOf(QuickStartParser.Parsed.class);
        return (QuickStartParser.Parsed) r;
    }

    private static String invalid(String text) {
        QuickStartParser.Result r = QuickStartParser.parse(text);
        assertThat(r).as("parse of %s", text).isInstanceOf(QuickStartParser.Invalid.class);
        return ((QuickStartParser.Invalid) r).message();
    }
}

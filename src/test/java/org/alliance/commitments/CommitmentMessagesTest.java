package org.alliance.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;
import org.alliance.checkin.FollowUpButton;

import static org.assertj.core.api.Assertions.assertThat;

class CommitmentMessagesTest {

    private static final Instant NOW = Instant.parse("2025-01-06T09:00:00Z");
    private static final String SNEAKY = "Fix <!channel> & ping <@U0EVIL>\nthen <https://x.test|click>";

    private static Commitment commitment() {
        return Commitment.open("ABC234", "T1", "U0LEAD", "U0MEM", "CHK234", SNEAKY, LocalDate.of(2025, 1, 10),
                ZoneOffset.UTC, NOW);
    }

    /** As the SDK sends it (snake case), with {@code < > &} shown as themselves. */
    private static String json(Object o) {
        String sdk = GsonFactory.createSnakeCase().toJson(o);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(JsonParser.parseString(sdk));
    }

    private static String all(CommitmentMessages.Message m) {
        return m.text() + "\n" + json(m.blocks());
    }

    @Test
    void everyMessageEscapesWhatTheLeaderTyped() {
        Commitment c = commitment();
        Commitment done = c.done(NOW.plusSeconds(60));
        Commitment rated = done.rated(Helped.SOMEWHAT, NOW.plusSeconds(120));
        List<CommitmentMessages.Message> messages = List.of(CommitmentMessages.confirmation(c, List.of(c.dueAt())),
                CommitmentMessages.toMember(c), CommitmentMessages.reminder(c, CommitmentReminders.When.BEFORE),
                CommitmentMessages.reminder(c, CommitmentReminders.When.DUE), CommitmentMessages.doneForLeader(done),
                CommitmentMessages.askHelped(done), CommitmentMessages.thanks(rated),
                CommitmentMessages.helpedForLeader(rated));
        for (CommitmentMessages.Message m : messages) {
            assertThat(all(m)).contains("&lt;!channel&gt; &amp; ping &lt;@U0EVIL&gt;")
                    .doesNotContain("<!channel>").doesNotContain("<@U0EVIL>").doesNotContain("<https://");
        }
        String list = CommitmentMessages.list(new Commitments.Mine(List.of(c), List.of(c)));
        assertThat(list).contains("&lt;!channel&gt;").doesNotContain("<!channel>").doesNotContain("<@U0EVIL>");
    }

    @Test
    void whatEachSideIsTold() {
        Commitment c = commitment();
        assertThat(CommitmentMessages.toMember(c).text())
                .isEqualTo("<@U0LEAD> committed to: Fix &lt;!channel&gt; &amp; ping &lt;@U0EVIL&gt; then "
                        + "&lt;https://x.test|click&gt; by Fri 10 Jan 2025");
        assertThat(buttons(CommitmentMessages.confirmation(c, List.of(c.dueAt())).blocks())).singleElement().satisfies(b -> {
            assertThat(b.getActionId()).isEqualTo("commitment_done");
            assertThat(b.getValue()).isEqualTo("ABC234");
        });
        assertThat(buttons(CommitmentMessages.reminder(c, CommitmentReminders.When.DUE).blocks()))
                .extracting(ButtonElement::getActionId).containsExactly("commitment_done");
        assertThat(CommitmentMessages.reminder(c, CommitmentReminders.When.BEFORE).text()).startsWith("Coming up");
        assertThat(CommitmentMessages.reminder(c, CommitmentReminders.When.DUE).text()).startsWith("Due today");

        Commitment done = c.done(NOW);
        assertThat(buttons(CommitmentMessages.doneForLeader(done).blocks())).isEmpty();
        assertThat(CommitmentMessages.askHelped(done).text()).startsWith("<@U0LEAD> marked this done: ")
                .endsWith("Did it help?");
        assertThat(buttons(CommitmentMessages.askHelped(done).blocks()))
                .extracting(ButtonElement::getActionId, ButtonElement::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("commitment_helped", "ABC234:YES"),
                        org.assertj.core.groups.Tuple.tuple("commitment_helped", "ABC234:SOMEWHAT"),
                        org.assertj.core.groups.Tuple.tuple("commitment_helped", "ABC234:NO"));
        Commitment rated = done.rated(Helped.NO, NOW);
        assertThat(CommitmentMessages.thanks(rated).text()).isEqualTo("Thanks — <@U0LEAD> will see your answer.");
        assertThat(buttons(CommitmentMessages.thanks(rated).blocks())).isEmpty();
        assertThat(all(CommitmentMessages.helpedForLeader(rated))).contains("<@U0MEM>").contains("Not really");
    }

    @Test
    void aVeryLongEscapedCommitmentStillFitsASection() {
        Commitment c = Commitment.open("ABC234", "T1", "U0LEAD", "U0MEM", "CHK234", "&\n".repeat(500),
                LocalDate.of(2025, 1, 10), ZoneOffset.UTC, NOW);
        for (CommitmentMessages.Message m : List.of(CommitmentMessages.confirmation(c, List.of(c.dueAt())), CommitmentMessages.toMember(c),
                CommitmentMessages.askHelped(c.done(NOW)))) {
            m.blocks().stream().filter(b -> b instanceof com.slack.api.model.block.SectionBlock)
                    .map(b -> ((com.slack.api.model.block.SectionBlock) b).getText().getText())
                    .forEach(text -> assertThat(text.length()).isLessThanOrEqualTo(3000));
        }
    }

    @Test
    void theListSaysWhoWhatAndWhen() {
        Commitment mine = commitment();
        Commitment toMe = Commitment.open("XYZ789", "T1", "U0BOSS", "U0LEAD", "CHK999", "Budget for the course",
                LocalDate.of(2025, 2, 3), ZoneOffset.UTC, NOW);
        String list = CommitmentMessages.list(new Commitments.Mine(List.of(mine), List.of(toMe)));
        assertThat(list).contains("To <@U0MEM>").contains("due Fri 10 Jan 2025").contains("`CHK234`")
                .contains("By <@U0BOSS>: Budget for the course - due Mon 3 Feb 2025");
        assertThat(CommitmentMessages.list(new Commitments.Mine(List.of(), List.of())))
                .contains("None").contains("Nothing open");
    }

    @Test
    void followUpButtonCarriesTheCheckInAndTheMember() {
        FollowUpButton button = new FollowUpButton("CHK234", "U0MEM");
        assertThat(FollowUpButton.ACTION_ID).isEqualTo("commitment_add");
        assertThat(button.value()).isEqualTo("CHK234:U0MEM");
        assertThat(FollowUpButton.parse(button.value())).contains(button);
        assertThat(FollowUpButton.parse("nocolon")).isEmpty();
        assertThat(FollowUpButton.parse(":U1")).isEmpty();
        assertThat(FollowUpButton.parse("A:")).isEmpty();
        assertThat(FollowUpButton.parse("A:B:C")).isEmpty();
        assertThat(FollowUpButton.parse(null)).isEmpty();
        assertThat(CommitmentButtons.unpair("K7Q2MX:YES")).hasValueSatisfying(v ->
                assertThat(v).containsExactly("K7Q2MX", "YES"));
        assertThat(CommitmentButtons.unpair("A:B:C")).isEmpty();
    }

    @Test
    void theFormAsksWhatAndWhenAndShowsWhatTheyAskedFor() {
        FollowUp.Allowed allowed = new FollowUp.Allowed("CHK234", "Growth", "U0MEM", "Mem <3", LocalDate.of(2025, 1, 6),
                List.of(new FollowUp.Said("What can I do to help you?", "More <!here> time & space")));
        View view = CommitmentModal.view(allowed);
        String json = json(view);
        assertThat(view.getCallbackId()).isEqualTo("commitment_submit");
        assertThat(view.getPrivateMetadata()).isEqualTo("CHK234:U0MEM");
        assertThat(json).contains("What will you do for Mem <3?").contains("\"initial_date\":\"2025-01-13\"")
                .contains("\"max_length\":1000").contains("More &lt;!here&gt; time &amp; space")
                .doesNotContain("<!here>").doesNotContain("initial_value");

        View noContext = CommitmentModal.view(new FollowUp.Allowed("CHK234", "Growth", "U0MEM", null,
                LocalDate.of(2025, 1, 6), List.of()));
        assertThat(json(noContext)).contains("What will you do for them?").doesNotContain("said:");
    }

    @Test
    void readsTheSubmittedForm() {
        ViewState.Value text = new ViewState.Value();
        text.setValue("Book the course");
        ViewState.Value date = new ViewState.Value();
        date.setSelectedDate("2025-01-13");
        Map<String, Map<String, ViewState.Value>> values = Map.of(
                CommitmentModal.TEXT_BLOCK, Map.of(CommitmentModal.TEXT_ACTION, text),
                CommitmentModal.DUE_BLOCK, Map.of(CommitmentModal.DUE_ACTION, date));
        assertThat(CommitmentModal.text(values)).isEqualTo("Book the course");
        assertThat(CommitmentModal.dueDate(values)).isEqualTo(LocalDate.of(2025, 1, 13));

        date.setSelectedDate("not a date");
        assertThat(CommitmentModal.dueDate(values)).isNull();
        assertThat(CommitmentModal.dueDate(Map.of())).isNull();
        assertThat(CommitmentModal.text(null)).isNull();
        assertThat(CommitmentModal.errors(Map.of(Commitment.Field.TEXT, "a", Commitment.Field.DUE_DATE, "b")))
                .containsEntry(CommitmentModal.TEXT_BLOCK, "a").containsEntry(CommitmentModal.DUE_BLOCK, "b");
    }

    private static List<ButtonElement> buttons(List<LayoutBlock> blocks) {
        return blocks.stream().filter(b -> b instanceof ActionsBlock)
                .flatMap(b -> ((ActionsBlock) b).getElements().stream())
                .filter(e -> e instanceof ButtonElement).map(e -> (ButtonElement) e).toList();
    }

    @Test
    void theConfirmationPromisesOnlyTheRemindersThatWereScheduled() {
        Commitment c = commitment();
        Instant before = c.dueAt().minus(java.time.Duration.ofDays(1));
        String both = all(CommitmentMessages.confirmation(c, List.of(before, c.dueAt())));
        assertThat(both).contains("I'll remind you <!date^" + before.getEpochSecond() + "^")
                .contains(" and <!date^" + c.dueAt().getEpochSecond() + "^");

        String none = all(CommitmentMessages.confirmation(c, List.of()));
        assertThat(none).contains("I won't send a reminder").doesNotContain("remind you").doesNotContain("<!date^");
    }
}

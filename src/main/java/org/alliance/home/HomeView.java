package org.alliance.home;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import org.alliance.checkin.CheckIn;
import org.alliance.checkin.OpenCheckIns;
import org.alliance.checkin.StartButtons;
import org.alliance.commitments.Commitment;
import org.alliance.history.HistoryButton;
import org.alliance.playbooks.PlaybookBlocks;
import org.alliance.recurring.SeriesButtons;
import org.alliance.recurring.SeriesQueries;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * One person's Home as blocks. Each list shows its first few and ends with "and N more" and the
 * command that shows everything, so the view stays within Slack's 100 blocks (the most it can
 * take is counted in {@code HomeViewTest}).
 */
final class HomeView {

    static final int MAX_BLOCKS = 100;
    static final int WAITING = 10;
    static final int TO_ME = 5;
    static final int LED = 10;
    static final int SERIES = 5;
    static final int PEOPLE = 20;
    static final int PLAYBOOKS = 3;

    private HomeView() {
    }

    static View view(HomeData data) {
        return View.builder().type("home").blocks(blocks(data)).build();
    }

    static List<LayoutBlock> blocks(HomeData data) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (data.newcomer()) {
            blocks.add(header(h -> h.text(plainText("Welcome to Alliance"))));
            blocks.add(text(HomeLines.NEWCOMER_WHAT));
            blocks.add(text(HomeLines.NEWCOMER_HOW));
            blocks.add(startButton());
            return blocks;
        }
        if (!data.hasLed()) {
            blocks.add(text(HomeLines.PARTICIPANT_WHAT));
            blocks.add(text(HomeLines.PARTICIPANT_WHO));
            blocks.add(divider());
        }
        addWaiting(blocks, data);
        if (data.hasLed()) {
            blocks.add(divider());
            addLed(blocks, data);
            blocks.add(divider());
            addPeople(blocks, data);
            addFollowThrough(blocks, data);
        }
        blocks.add(divider());
        blocks.add(startButton());
        return blocks;
    }

    private static void addWaiting(List<LayoutBlock> blocks, HomeData data) {
        blocks.add(header(h -> h.text(plainText("Waiting for you"))));
        if (data.waiting().isEmpty() && data.toMe().isEmpty()) {
            blocks.add(note("Nothing is waiting for you. You're all caught up."));
            return;
        }
        List<CheckIn> waiting = data.waiting();
        for (CheckIn c : first(waiting, WAITING)) {
            blocks.add(section(s -> s.blockId("waiting:" + c.id()).text(markdownText(HomeLines.waiting(c)))
                    .accessory(button(b -> b.actionId(OpenCheckIns.ANSWER_BUTTON).value(c.id()).style("primary")
                            .text(plainText("Answer"))))));
        }
        more(blocks, waiting.size() - WAITING, "`/alliance list` shows them all.");
        for (Commitment c : first(data.toMe(), TO_ME)) {
            blocks.add(text(HomeLines.toMe(c)));
        }
        more(blocks, data.toMe().size() - TO_ME, "`/alliance commitments` shows them all.");
    }

    private static void addLed(List<LayoutBlock> blocks, HomeData data) {
        blocks.add(header(h -> h.text(plainText("You lead"))));
        if (data.led().shown().isEmpty() && data.series().isEmpty() && data.playbooks().isEmpty()) {
            blocks.add(note("No check-ins open right now."));
        }
        for (OpenCheckIns.Led led : data.led().shown()) {
            blocks.add(text(HomeLines.led(led)));
        }
        more(blocks, data.led().total() - data.led().shown().size(), "`/alliance list` shows them all.");
        for (SeriesQueries.Running s : first(data.series(), SERIES)) {
            blocks.add(section(x -> x.blockId("series:" + s.id()).text(markdownText(HomeLines.series(s)))));
            blocks.add(actions(a -> a.blockId("series_actions:" + s.id()).elements(seriesButtons(s))));
        }
        more(blocks, data.series().size() - SERIES, "`/alliance list` shows them all.");
        blocks.addAll(PlaybookBlocks.upcoming(data.playbooks(), PLAYBOOKS));
    }

    private static List<BlockElement> seriesButtons(SeriesQueries.Running s) {
        ButtonElement pauseOrResume = s.paused()
                ? button(b -> b.actionId(SeriesButtons.RESUME).value(s.id()).text(plainText("Resume")))
                : button(b -> b.actionId(SeriesButtons.PAUSE).value(s.id()).text(plainText("Pause")));
        ButtonElement stop = button(b -> b.actionId(SeriesButtons.STOP).value(s.id()).style("danger")
                .text(plainText("Stop")).confirm(ConfirmationDialogObject.builder()
                        .title(plainText("Stop " + s.id() + "?")).confirm(plainText("Stop it")).deny(plainText("Keep it"))
                        .text(plainText("No more rounds will start. A round already running goes on until it ends."))
                        .build()));
        return List.of(pauseOrResume, stop);
    }

    private static void addPeople(List<LayoutBlock> blocks, HomeData data) {
        blocks.add(header(h -> h.text(plainText("Your people"))));
        if (data.people().isEmpty()) {
            blocks.add(note("The people you check in with show up here, with when you last did."));
            return;
        }
        for (HomeData.Person p : first(data.people(), PEOPLE)) {
            String userId = p.relationship().memberId();
            blocks.add(section(s -> s.blockId("person:" + userId).text(markdownText(HomeLines.person(p, data.now())))));
            blocks.add(actions(a -> a.blockId("person_actions:" + userId).elements(List.of(
                    button(b -> b.actionId(HistoryButton.ACTION_ID).value(userId).text(plainText("History"))),
                    button(b -> b.actionId(StartButtons.CHECK_IN_WITH).value(userId).text(plainText("Check in")))))));
        }
        more(blocks, data.people().size() - PEOPLE,
                "`/alliance history @person` shows your history with anyone.");
    }

    /** Two blocks at most: the figures are one section, so Home keeps its room under 100 blocks. */
    private static void addFollowThrough(List<LayoutBlock> blocks, HomeData data) {
        if (data.followThrough() != null) {
            blocks.add(divider());
            blocks.add(section(s -> s.blockId("follow_through").text(markdownText(data.followThrough().text()))));
        }
    }

    private static LayoutBlock startButton() {
        return section(s -> s.blockId("start").text(markdownText("*Start a check-in*: ask your people a few good "
                        + "questions."))
                .accessory(button(b -> b.actionId(StartButtons.START).value("home").style("primary")
                        .text(plainText("Start a check-in")))));
    }

    private static void more(List<LayoutBlock> blocks, long more, String where) {
        if (more > 0) {
            blocks.add(note("…and " + more + " more. " + where));
        }
    }

    private static LayoutBlock text(String mrkdwn) {
        return section(s -> s.text(markdownText(mrkdwn)));
    }

    private static LayoutBlock note(String mrkdwn) {
        return context(c -> c.elements(List.of(markdownText(mrkdwn))));
    }

    private static <T> List<T> first(List<T> all, int n) {
        return all.size() <= n ? all : all.subList(0, n);
    }
}

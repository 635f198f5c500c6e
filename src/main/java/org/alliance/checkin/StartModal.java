package org.alliance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import org.alliance.questions.QuestionSet;
import org.alliance.questions.QuestionSets;
import org.alliance.slack.People;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.datetimePicker;
import static com.slack.api.model.block.element.BlockElements.multiConversationsSelect;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The modal a leader starts a check-in from, built again when the purpose changes. Its block and action
 * ids are what {@link StartFormReader} reads the submitted state by. Private metadata carries the channel
 * the command was typed in.
 */
final class StartModal {

    public static final String CALLBACK_ID = "checkin_start_submit";
    public static final String PURPOSE_ACTION = "start_purpose";

    public static final String PURPOSE_BLOCK = "purpose";
    public static final String OBJECTIVE_BLOCK_PREFIX = "objective:";
    public static final String CUSTOM_BLOCK = "custom";
    public static final String PEOPLE_BLOCK = "people";
    public static final String MEMBERS_BLOCK = "members";
    public static final String GROUPS_BLOCK = "groups";
    static final String GROUPS_ACTION = "groups";
    public static final String CHANNEL_BLOCK = "channel";
    public static final String VISIBILITY_BLOCK = "visibility";
    public static final String DUE_BLOCK = "due";
    public static final String REPEAT_BLOCK = "repeat";
    public static final String AT_BLOCK = "at";
    static final String REPEAT_ACTION = "repeat";
    static final String AT_ACTION = "at";
    static final String NO_REPEAT = "none";
    static final String DEFAULT_AT = "10:00";

    static final String OBJECTIVE_ACTION = "objective";
    static final String QUESTIONS_ACTION = "questions";
    static final String USERS_ACTION = "users";
    static final String CHANNELS_ACTION = "channels";
    static final String CHANNEL_ACTION = "channel";
    static final String VISIBILITY_ACTION = "visibility";
    static final String DUE_ACTION = "due";

    public static final int MAX_OBJECTIVE_LENGTH = 500;
    public static final int DEFAULT_ANONYMOUS_THRESHOLD = 3;

    static final int MAX_OPTIONS = 100;
    private static final int MAX_BLOCK_ID = 255;

    private StartModal() {
    }

    /** {@link #view(List, String, String, Instant, Visibility, int)} with the default anonymous threshold of 3. */
    public static View view(List<QuestionSet> sets, String selectedPurpose, String channelId, Instant defaultDue,
                            Visibility defaultVisibility) {
        return view(sets, selectedPurpose, channelId, defaultDue, defaultVisibility, DEFAULT_ANONYMOUS_THRESHOLD);
    }

    /**
     * @param selectedPurpose a set key or {@link QuestionSets#CUSTOM}; null or unknown selects the first set
     *                        (custom when there are no sets)
     * @param channelId       where the command was typed: the default thread channel, and the private metadata
     * @param defaultDue      the due time the picker starts at
     * @param anonymousThreshold how many answers an anonymous check-in needs, as the option promises
     */
    public static View view(List<QuestionSet> sets, String selectedPurpose, String channelId, Instant defaultDue,
                            Visibility defaultVisibility, int anonymousThreshold) {
        return view(sets, selectedPurpose, channelId, defaultDue, defaultVisibility, anonymousThreshold, List.of());
    }

    /** @param groups the workspace's user groups to offer; with none, the form has no group choice */
    public static View view(List<QuestionSet> sets, String selectedPurpose, String channelId, Instant defaultDue,
                            Visibility defaultVisibility, int anonymousThreshold, List<People.UserGroup> groups) {
        return view(sets, selectedPurpose, channelId, defaultDue, defaultVisibility, anonymousThreshold, groups,
                List.of());
    }

    /** @param initialUsers people already chosen when the form opens (Check in with someone) */
    public static View view(List<QuestionSet> sets, String selectedPurpose, String channelId, Instant defaultDue,
                            Visibility defaultVisibility, int anonymousThreshold, List<People.UserGroup> groups,
                            List<String> initialUsers) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.addAll(StartPurposeBlocks.blocks(sets, selectedPurpose));
        addPeople(blocks, groups, initialUsers);
        addWhereAndWho(blocks, channelId, defaultVisibility, anonymousThreshold);
        addWhen(blocks, defaultDue);
        return Views.view(v -> v.type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(channelId)
                .title(viewTitle(t -> t.type("plain_text").text("Start a check-in")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Start")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** The block id of the objective input: it names the purpose, so Slack shows the new prefill on a change. */
    public static String objectiveBlockId(String purpose) {
        return SlackText.truncate(OBJECTIVE_BLOCK_PREFIX + (purpose == null ? "" : purpose), MAX_BLOCK_ID);
    }

    /** Who to ask: people, user groups (when the workspace has any) and channels' members. */
    private static void addPeople(List<LayoutBlock> blocks, List<People.UserGroup> groups, List<String> initialUsers) {
        List<String> chosen = initialUsers == null || initialUsers.isEmpty() ? null : List.copyOf(initialUsers);
        blocks.add(input(i -> i.blockId(PEOPLE_BLOCK)
                .label(plainText("People to ask"))
                .optional(true)
                .element(multiUsersSelect(m -> m.actionId(USERS_ACTION).placeholder(plainText("Choose people"))
                        .initialUsers(chosen)))));

        if (!groups.isEmpty()) {
            List<OptionObject> groupOptions = groups.stream().limit(MAX_OPTIONS)
                    .map(g -> option(plainText(SlackText.truncate("@" + g.handle()
                            + (g.name() == null || g.name().isBlank() ? "" : " (" + g.name() + ")"), 75)), g.id()))
                    .toList();
            blocks.add(input(i -> i.blockId(GROUPS_BLOCK)
                    .label(plainText("…or everyone in these user groups"))
                    .optional(true)
                    .element(multiStaticSelect(m -> m.actionId(GROUPS_ACTION)
                            .placeholder(plainText("Choose user groups"))
                            .options(groupOptions)))));
        }

        blocks.add(input(i -> i.blockId(MEMBERS_BLOCK)
                .label(plainText("…or everyone in these channels"))
                .optional(true)
                .element(multiConversationsSelect(m -> m.actionId(CHANNELS_ACTION)
                        .placeholder(plainText("Choose channels"))
                        .filter(publicAndPrivate())))));
    }

    /** The thread's channel and who sees the answers. */
    private static void addWhereAndWho(List<LayoutBlock> blocks, String channelId, Visibility defaultVisibility,
                                       int anonymousThreshold) {
        blocks.add(input(i -> i.blockId(CHANNEL_BLOCK)
                .label(plainText("Post the check-in thread in"))
                .element(conversationsSelect(c -> c.actionId(CHANNEL_ACTION)
                        .placeholder(plainText("Choose a channel"))
                        .initialConversation(channelId == null || channelId.isBlank() ? null : channelId)
                        .defaultToCurrentConversation(true)))));

        List<OptionObject> visibilityOptions = List.of(
                option(plainText("Only me"), Visibility.LEADER.word()),
                option(plainText("Everyone in the thread, under each person's name"), Visibility.THREAD.word()),
                option(plainText("Anonymous summary, once " + anonymousThreshold + " or more have answered"),
                        Visibility.ANONYMOUS.word()));
        Visibility initialVisibility = defaultVisibility == null ? Visibility.LEADER : defaultVisibility;
        blocks.add(input(i -> i.blockId(VISIBILITY_BLOCK)
                .label(plainText("Who sees the answers"))
                .element(radioButtons(r -> r.actionId(VISIBILITY_ACTION)
                        .options(visibilityOptions)
                        .initialOption(visibilityOptions.get(initialVisibility.ordinal()))))));
    }

    /** When answers are due, and whether and when the check-in repeats. */
    private static void addWhen(List<LayoutBlock> blocks, Instant defaultDue) {
        Integer initialDue = defaultDue == null ? null : Math.toIntExact(defaultDue.getEpochSecond());
        blocks.add(input(i -> i.blockId(DUE_BLOCK)
                .label(plainText("Answers due by"))
                .element(datetimePicker(d -> d.actionId(DUE_ACTION).initialDateTime(initialDue)))));

        List<OptionObject> repeatOptions = List.of(
                option(plainText("Doesn't repeat"), NO_REPEAT),
                option(plainText("Every week"), "1w"),
                option(plainText("Every 2 weeks"), "2w"),
                option(plainText("Every month"), "1mo"));
        blocks.add(input(i -> i.blockId(REPEAT_BLOCK)
                .label(plainText("Repeat"))
                .hint(plainText("Each round gets its own thread. Pause, resume or stop it with /alliance."))
                .optional(true)
                .element(staticSelect(s -> s.actionId(REPEAT_ACTION).options(repeatOptions)
                        .initialOption(repeatOptions.get(0))))));
        blocks.add(input(i -> i.blockId(AT_BLOCK)
                .label(plainText("Send each round at"))
                .hint(plainText("In each person's own time zone."))
                .optional(true)
                .element(timePicker(t -> t.actionId(AT_ACTION).initialTime(DEFAULT_AT)))));
    }

    private static ConversationsFilter publicAndPrivate() {
        return ConversationsFilter.builder().include(List.of("public", "private")).build();
    }
}

package org.alliance.recurring;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import org.alliance.questions.QuestionSet;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** The leader's form to change a recurring check-in: its people, time, cadence and questions, from the next round. */
final class SeriesEditModal {

    static final String CALLBACK_ID = "series_edit_submit";
    static final String PEOPLE_BLOCK = "series_people";
    static final String AT_BLOCK = "series_at";
    static final String EVERY_BLOCK = "series_every";
    static final String PURPOSE_BLOCK = "series_purpose";
    static final String ACTION = "value";
    private static final int MAX_OPTIONS = 100;

    /** What the leader submitted; null or empty where the form sent nothing. */
    record Submitted(List<String> userIds, LocalTime at, String every, String purpose) {
    }

    private SeriesEditModal() {
    }

    static View view(Series s, String title, List<QuestionSet> sets) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(x -> x.text(markdownText("*" + SlackText.escape(title) + "* `" + s.id() + "`. Changes apply "
                + "from the next round; a round already sent keeps its questions."))));
        blocks.add(input(i -> i.blockId(PEOPLE_BLOCK).optional(!s.userGroupIds().isEmpty()
                        || !s.memberChannelIds().isEmpty()).label(plainText("People"))
                .element(multiUsersSelect(m -> m.actionId(ACTION).initialUsers(s.userIds())
                        .placeholder(plainText("Choose people"))))));
        LocalTime at = s.at() == null ? Cadence.DEFAULT_AT : s.at();
        blocks.add(input(i -> i.blockId(AT_BLOCK).label(plainText("Time (each person's own)"))
                .element(timePicker(t -> t.actionId(ACTION).initialTime(String.format("%02d:%02d", at.getHour(),
                        at.getMinute()))))));
        blocks.add(input(i -> i.blockId(EVERY_BLOCK).label(plainText("Every"))
                .hint(plainText("1w, 2w or 1mo"))
                .element(plainTextInput(p -> p.actionId(ACTION).initialValue(s.cadence())))));
        List<OptionObject> options = sets.stream().limit(MAX_OPTIONS).map(q -> OptionObject.builder()
                .text(plainText(SlackText.truncate(q.title(), 75))).value(q.key()).build()).toList();
        OptionObject current = options.stream().filter(o -> o.getValue().equals(s.purpose())).findFirst().orElse(null);
        blocks.add(input(i -> i.blockId(PURPOSE_BLOCK).label(plainText("Questions"))
                .element(staticSelect(m -> m.actionId(ACTION).options(options).initialOption(current)
                        .placeholder(plainText("Choose a purpose or saved set"))))));
        return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(s.id())
                .title(viewTitle(t -> t.type("plain_text").text("Change recurring")))
                .submit(viewSubmit(x -> x.type("plain_text").text("Save")))
                .close(viewClose(x -> x.type("plain_text").text("Cancel")))
                .blocks(blocks).build();
    }

    static Submitted read(Map<String, Map<String, ViewState.Value>> values) {
        ViewState.Value people = value(values, PEOPLE_BLOCK);
        ViewState.Value at = value(values, AT_BLOCK);
        ViewState.Value every = value(values, EVERY_BLOCK);
        ViewState.Value purpose = value(values, PURPOSE_BLOCK);
        return new Submitted(people == null || people.getSelectedUsers() == null ? List.of() : people.getSelectedUsers(),
                at == null || at.getSelectedTime() == null ? null : LocalTime.parse(at.getSelectedTime()),
                every == null ? null : every.getValue(),
                purpose == null || purpose.getSelectedOption() == null ? null : purpose.getSelectedOption().getValue());
    }

    private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> b = values == null ? null : values.get(block);
        return b == null ? null : b.get(ACTION);
    }
}

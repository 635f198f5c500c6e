package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import org.alliance.questions.Question;
import org.alliance.questions.QuestionSet;
import org.junit.jupiter.api.Test;
import org.alliance.slack.People;

import static org.assertj.core.api.Assertions.assertThat;

class StartModalTest {

    private static final Instant NOW = Instant.parse("2030-03-01T09:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofDays(3));

    private static final QuestionSet TRUST = new QuestionSet("trust", "Building trust",
            "Learn what matters to you.",
            List.of(Question.text("important", "What is important for you <!channel>?"),
                    Question.scale("openness", "How comfortable are you raising a concern? (1 = not at all, 5 = completely)")));
    private static final QuestionSet CHANGE = new QuestionSet("change", "Navigating change",
            "Hear your concerns about the change.",
            List.of(Question.text("concern", "What's your greatest concern?")));
    private static final List<QuestionSet> SETS = List.of(TRUST, CHANGE);

    private static JsonObject json(View view) {
        return GsonFactory.createSnakeCase().toJsonTree(view).getAsJsonObject();
    }

    private static JsonObject block(JsonObject view, String blockId) {
        for (JsonElement b : view.getAsJsonArray("blocks")) {
            JsonObject o = b.getAsJsonObject();
            if (o.has("block_id") && o.get("block_id").getAsString().equals(blockId)) {
                return o;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + view);
    }

    private static List<String> blockIds(JsonObject view) {
        List<String> ids = new ArrayList<>();
        view.getAsJsonArray("blocks").forEach(b -> ids.add(b.getAsJsonObject().get("block_id").getAsString()));
        return ids;
    }

    private static List<String> values(JsonArray options) {
        return options.asList().stream().map(o -> o.getAsJsonObject().get("value").getAsString()).toList();
    }

    // ---- view ----------------------------------------------------------------------------------

    @Test
    void theModalHasEveryInputInOrder() {
        JsonObject view = json(StartModal.view(SETS, "trust", "C123", DUE, Visibility.LEADER));

        assertThat(view.get("type").getAsString()).isEqualTo("modal");
        assertThat(view.get("callback_id").getAsString()).isEqualTo(StartModal.CALLBACK_ID)
                .isEqualTo("checkin_start_submit");
        assertThat(view.get("private_metadata").getAsString()).isEqualTo("C123");
        assertThat(view.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Start a check-in")
                .hasSizeLessThanOrEqualTo(24);
        assertThat(view.getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Start");
        assertThat(blockIds(view)).containsExactly("purpose", "questions_preview", "objective:trust", "custom",
                "people", "members", "channel", "visibility", "due", "repeat", "at");
        assertThat(blockIds(view)).allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(255));
    }

    @Test
    void thePurposeSelectDispatchesSoTheModalCanBeRedrawn() {
        JsonObject purpose = block(json(StartModal.view(SETS, "change", "C123", DUE, Visibility.LEADER)), "purpose");

        assertThat(purpose.get("type").getAsString()).isEqualTo("input");
        assertThat(purpose.get("dispatch_action").getAsBoolean()).isTrue();
        JsonObject select = purpose.getAsJsonObject("element");
        assertThat(select.get("type").getAsString()).isEqualTo("static_select");
        assertThat(select.get("action_id").getAsString()).isEqualTo(StartModal.PURPOSE_ACTION).isEqualTo("start_purpose");
        assertThat(values(select.getAsJsonArray("options"))).containsExactly("trust", "change", "custom");
        assertThat(select.getAsJsonArray("options").get(2).getAsJsonObject().getAsJsonObject("text").get("text")
                .getAsString()).isEqualTo("Your own questions");
        assertThat(select.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("change");
        assertThat(select.getAsJsonArray("options").asList()).contains(select.getAsJsonObject("initial_option"));
    }

    @Test
    void showsTheSelectedSetsQuestionsEscaped() {
        JsonObject view = json(StartModal.view(SETS, "trust", "C123", DUE, Visibility.LEADER));
        JsonObject preview = block(view, "questions_preview");

        String text = preview.getAsJsonArray("elements").get(0).getAsJsonObject().get("text").getAsString();
        assertThat(text).contains("1. What is important for you &lt;!channel&gt;?")
                .contains("2. How comfortable are you raising a concern?");
        assertThat(GsonFactory.createSnakeCase().toJson(view)).doesNotContain("<!channel>");
    }

    @Test
    void theObjectiveIsPrefilledFromThePurposeUnderABlockIdNamingIt() {
        JsonObject objective = block(json(StartModal.view(SETS, "trust", "C123", DUE, Visibility.LEADER)),
                "objective:trust");

        assertThat(objective.get("optional").getAsBoolean()).isTrue();
        JsonObject input = objective.getAsJsonObject("element");
        assertThat(input.get("type").getAsString()).isEqualTo("plain_text_input");
        assertThat(input.get("action_id").getAsString()).isEqualTo("objective");
        assertThat(input.get("initial_value").getAsString()).isEqualTo("Learn what matters to you.");
        assertThat(input.get("max_length").getAsInt()).isEqualTo(500);
    }

    @Test
    void yourOwnQuestionsHasNoObjectiveToPrefill() {
        JsonObject view = json(StartModal.view(SETS, "custom", "C123", DUE, Visibility.LEADER));

        assertThat(block(view, "objective:custom").getAsJsonObject("element").has("initial_value")).isFalse();
        assertThat(block(view, "purpose").getAsJsonObject("element").getAsJsonObject("initial_option")
                .get("value").getAsString()).isEqualTo("custom");
        assertThat(block(view, "questions_preview").getAsJsonArray("elements").get(0).getAsJsonObject()
                .get("text").getAsString()).contains("one per line");
    }

    @Test
    void anUnknownOrMissingPurposeSelectsTheFirstSet() {
        assertThat(blockIds(json(StartModal.view(SETS, null, "C123", DUE, Visibility.LEADER))))
                .contains("objective:trust");
        assertThat(blockIds(json(StartModal.view(SETS, "gone", "C123", DUE, Visibility.LEADER))))
                .contains("objective:trust");
        assertThat(blockIds(json(StartModal.view(List.of(), null, "C123", DUE, Visibility.LEADER))))
                .contains("objective:custom");
    }

    @Test
    void theOtherInputsAreWhatTheParserReads() {
        JsonObject view = json(StartModal.view(SETS, "trust", "C123", DUE, Visibility.THREAD));

        JsonObject custom = block(view, "custom");
        assertThat(custom.get("optional").getAsBoolean()).isTrue();
        assertThat(custom.getAsJsonObject("hint").get("text").getAsString())
                .isEqualTo("One question per line, up to 10. Used when the purpose is Your own questions.");
        assertThat(custom.getAsJsonObject("element").get("action_id").getAsString()).isEqualTo("questions");
        assertThat(custom.getAsJsonObject("element").get("multiline").getAsBoolean()).isTrue();

        JsonObject people = block(view, "people");
        assertThat(people.get("optional").getAsBoolean()).isTrue();
        assertThat(people.getAsJsonObject("label").get("text").getAsString()).isEqualTo("People to ask");
        assertThat(people.getAsJsonObject("element").get("type").getAsString()).isEqualTo("multi_users_select");
        assertThat(people.getAsJsonObject("element").get("action_id").getAsString()).isEqualTo("users");

        JsonObject members = block(view, "members");
        assertThat(members.get("optional").getAsBoolean()).isTrue();
        assertThat(members.getAsJsonObject("label").get("text").getAsString())
                .isEqualTo("…or everyone in these channels");
        JsonObject channels = members.getAsJsonObject("element");
        assertThat(channels.get("type").getAsString()).isEqualTo("multi_conversations_select");
        assertThat(channels.get("action_id").getAsString()).isEqualTo("channels");
        assertThat(channels.getAsJsonObject("filter").getAsJsonArray("include").asList())
                .extracting(JsonElement::getAsString).containsExactly("public", "private");

        JsonObject channel = block(view, "channel");
        assertThat(channel.get("optional").getAsBoolean()).isFalse();
        assertThat(channel.getAsJsonObject("label").get("text").getAsString()).isEqualTo("Post the check-in thread in");
        JsonObject conversation = channel.getAsJsonObject("element");
        assertThat(conversation.get("type").getAsString()).isEqualTo("conversations_select");
        assertThat(conversation.get("action_id").getAsString()).isEqualTo("channel");
        assertThat(conversation.get("initial_conversation").getAsString()).isEqualTo("C123");
        assertThat(conversation.get("default_to_current_conversation").getAsBoolean()).isTrue();

        JsonObject visibility = block(view, "visibility").getAsJsonObject("element");
        assertThat(visibility.get("type").getAsString()).isEqualTo("radio_buttons");
        assertThat(visibility.get("action_id").getAsString()).isEqualTo("visibility");
        assertThat(values(visibility.getAsJsonArray("options"))).containsExactly("leader", "thread", "anonymous");
        assertThat(visibility.getAsJsonArray("options").asList())
                .extracting(o -> o.getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .containsExactly("Only me", "Everyone in the thread, under each person's name",
                        "Anonymous summary, once 3 or more have answered")
                .allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(75));
        assertThat(visibility.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("thread");

        JsonObject due = block(view, "due").getAsJsonObject("element");
        assertThat(due.get("type").getAsString()).isEqualTo("datetimepicker");
        assertThat(due.get("action_id").getAsString()).isEqualTo("due");
        assertThat(due.get("initial_date_time").getAsLong()).isEqualTo(DUE.getEpochSecond());
    }

    @Test
    void theVisibilityDefaultsToTheLeaderAndTheThresholdCanBeConfigured() {
        JsonObject view = json(StartModal.view(SETS, "trust", "C123", DUE, null, 5));
        JsonObject visibility = block(view, "visibility").getAsJsonObject("element");

        assertThat(visibility.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("leader");
        assertThat(visibility.getAsJsonArray("options").get(2).getAsJsonObject().getAsJsonObject("text")
                .get("text").getAsString()).isEqualTo("Anonymous summary, once 5 or more have answered");
        assertThat(json(StartModal.view(SETS, "trust", "C123", DUE, Visibility.ANONYMOUS)).getAsJsonArray("blocks")
                .asList().stream().map(JsonElement::getAsJsonObject)
                .filter(b -> b.get("block_id").getAsString().equals("visibility")).findFirst().orElseThrow()
                .getAsJsonObject("element").getAsJsonObject("initial_option").get("value").getAsString())
                .isEqualTo("anonymous");
    }

    @Test
    void manyPurposesAreCutToSlacksHundredOptionsKeepingTheSelectedOneAndYourOwn() {
        List<QuestionSet> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(new QuestionSet("set" + i, "A very long title for purpose number " + i + " ".repeat(60) + "end",
                    "objective " + i, List.of(Question.text("q", "Q?"))));
        }

        JsonObject select = block(json(StartModal.view(many, "set120", "C123", DUE, Visibility.LEADER)), "purpose")
                .getAsJsonObject("element");

        List<String> values = values(select.getAsJsonArray("options"));
        assertThat(values).hasSize(100).contains("set0", "set120").endsWith("custom");
        assertThat(select.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("set120");
        assertThat(select.getAsJsonArray("options").asList())
                .allSatisfy(o -> assertThat(o.getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                        .hasSizeLessThanOrEqualTo(75));
    }

    // ---- state ---------------------------------------------------------------------------------

    private static final class State {
        final Map<String, Map<String, ViewState.Value>> values = new HashMap<>();

        State put(String blockId, String actionId, ViewState.Value value) {
            values.computeIfAbsent(blockId, k -> new HashMap<>()).put(actionId, value);
            return this;
        }

        State purpose(String key) {
            ViewState.Value v = new ViewState.Value();
            v.setType("static_select");
            v.setSelectedOption(option(key));
            return put("purpose", "start_purpose", v);
        }

        State text(String blockId, String actionId, String text) {
            ViewState.Value v = new ViewState.Value();
            v.setType("plain_text_input");
            v.setValue(text);
            return put(blockId, actionId, v);
        }

        State users(String... ids) {
            ViewState.Value v = new ViewState.Value();
            v.setType("multi_users_select");
            v.setSelectedUsers(List.of(ids));
            return put("people", "users", v);
        }

        State memberChannels(String... ids) {
            ViewState.Value v = new ViewState.Value();
            v.setType("multi_conversations_select");
            v.setSelectedConversations(List.of(ids));
            return put("members", "channels", v);
        }

        State channel(String id) {
            ViewState.Value v = new ViewState.Value();
            v.setType("conversations_select");
            v.setSelectedConversation(id);
            return put("channel", "channel", v);
        }

        State visibility(String word) {
            ViewState.Value v = new ViewState.Value();
            v.setType("radio_buttons");
            v.setSelectedOption(option(word));
            return put("visibility", "visibility", v);
        }

        State due(Instant at) {
            ViewState.Value v = new ViewState.Value();
            v.setType("datetimepicker");
            v.setSelectedDateTime(Math.toIntExact(at.getEpochSecond()));
            return put("due", "due", v);
        }

        private static ViewState.SelectedOption option(String value) {
            ViewState.SelectedOption o = new ViewState.SelectedOption();
            o.setValue(value);
            return o;
        }
    }

    /** What Slack sends when the leader keeps every default of the trust purpose and picks two people. */
    private static State filledIn() {
        return new State().purpose("trust")
                .text("objective:trust", "objective", "Learn what matters to you.")
                .text("custom", "questions", null)
                .users("U1", "U2")
                .put("members", "channels", new ViewState.Value())
                .channel("C999")
                .visibility("anonymous")
                .due(DUE);
    }

    private static StartRequest ok(StartFormReader.Parsed parsed) {
        assertThat(parsed).isInstanceOf(StartFormReader.Parsed.Ok.class);
        return ((StartFormReader.Parsed.Ok) parsed).request();
    }

    private static Map<String, String> errors(StartFormReader.Parsed parsed) {
        assertThat(parsed).isInstanceOf(StartFormReader.Parsed.Errors.class);
        return ((StartFormReader.Parsed.Errors) parsed).blockIdToMessage();
    }

    @Test
    void readsTheSelectedPurpose() {
        assertThat(StartFormReader.selectedPurpose(new State().purpose("change").values)).isEqualTo("change");
        assertThat(StartFormReader.selectedPurpose(new State().values)).isNull();
        assertThat(StartFormReader.selectedPurpose(new State().put("purpose", "start_purpose", new ViewState.Value()).values))
                .isNull();
    }

    @Test
    void aCompleteFormBecomesAStartRequest() {
        StartRequest request = ok(StartFormReader.parse("T1", "ULEAD", "C123", filledIn().values, NOW));

        assertThat(request).isEqualTo(new StartRequest("T1", "ULEAD", "trust", "Learn what matters to you.", List.of(),
                List.of("U1", "U2"), List.of(), List.of(), "C999", null, Visibility.ANONYMOUS, null, DUE));
    }

    @Test
    void aBlankObjectiveKeepsThePurposes() {
        StartRequest request = ok(StartFormReader.parse("T1", "ULEAD", "C123",
                filledIn().text("objective:trust", "objective", "   ").values, NOW));

        assertThat(request.objective()).isNull();
    }

    @Test
    void theTypedObjectiveIsStripped() {
        StartRequest request = ok(StartFormReader.parse("T1", "ULEAD", "C123",
                filledIn().text("objective:trust", "objective", "  Our own reason \n").values, NOW));

        assertThat(request.objective()).isEqualTo("Our own reason");
    }

    @Test
    void channelMembersAloneAreEnoughAndTheThreadDefaultsToWhereTheCommandWasTyped() {
        State state = filledIn().users().memberChannels("C7", "G8");
        state.values.remove("channel");

        StartRequest request = ok(StartFormReader.parse("T1", "ULEAD", "C123", state.values, NOW));

        assertThat(request.userIds()).isEmpty();
        assertThat(request.memberChannelIds()).containsExactly("C7", "G8");
        assertThat(request.channelId()).isEqualTo("C123");
    }

    @Test
    void aMissingVisibilityMeansTheLeader() {
        State state = filledIn();
        state.values.remove("visibility");

        assertThat(ok(StartFormReader.parse("T1", "ULEAD", "C123", state.values, NOW)).visibility())
                .isEqualTo(Visibility.LEADER);
    }

    @Test
    void choosingNobodyIsAnErrorOnPeople() {
        Map<String, String> errors = errors(StartFormReader.parse("T1", "ULEAD", "C123", filledIn().users().values, NOW));

        assertThat(errors).containsExactly(
                Map.entry("people", "Choose at least one person, or a user group or channel whose members to ask."));
    }

    @Test
    void yourOwnQuestionsAreReadOnePerLine() {
        State state = filledIn().purpose("custom")
                .text("objective:custom", "objective", "Our retro")
                .text("custom", "questions", "1. What went well?\n\n  - What should change?  \r\n• Anything else?\n");
        state.values.remove("objective:trust");

        StartRequest request = ok(StartFormReader.parse("T1", "ULEAD", "C123", state.values, NOW));

        assertThat(request.purpose()).isEqualTo("custom");
        assertThat(request.objective()).isEqualTo("Our retro");
        assertThat(request.customQuestions()).containsExactly("What went well?", "What should change?",
                "Anything else?");
    }

    @Test
    void questionsTypedForAnotherPurposeAreAnErrorOnThatFieldNotDropped() {
        Map<String, String> errors = errors(StartFormReader.parse("T1", "ULEAD", "C123",
                filledIn().text("custom", "questions", "Left over?").values, NOW));

        assertThat(errors).containsOnlyKeys("custom");
        assertThat(errors.get("custom")).isEqualTo(StartFormReader.OWN_QUESTIONS_WITH_ANOTHER_PURPOSE);
        assertThat(ok(StartFormReader.parse("T1", "ULEAD", "C123",
                filledIn().text("custom", "questions", "  \n ").values, NOW)).customQuestions())
                .as("a field left blank is no question").isEmpty();
    }

    @Test
    void yourOwnQuestionsWithoutAnyIsAnErrorOnCustom() {
        Map<String, String> errors = errors(StartFormReader.parse("T1", "ULEAD", "C123",
                filledIn().purpose("custom").text("custom", "questions", " \n ").values, NOW));

        assertThat(errors).containsOnlyKeys("custom");
        assertThat(errors.get("custom")).contains("at least one question");
    }

    @Test
    void moreThanTenOfYourOwnQuestionsIsAnError() {
        String eleven = String.join("\n", java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(i -> "Q" + i + "?")
                .toList());
        String ten = String.join("\n", java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "Q" + i + "?")
                .toList());

        assertThat(errors(StartFormReader.parse("T1", "ULEAD", "C123",
                filledIn().purpose("custom").text("custom", "questions", eleven).values, NOW)))
                .containsExactly(Map.entry("custom", "Please ask at most 10 questions (there are 11)."));
        assertThat(ok(StartFormReader.parse("T1", "ULEAD", "C123",
                filledIn().purpose("custom").text("custom", "questions", ten).values, NOW)).customQuestions())
                .hasSize(10);
    }

    @Test
    void aQuestionOverThreeHundredCharactersIsAnError() {
        Map<String, String> errors = errors(StartFormReader.parse("T1", "ULEAD", "C123",
                filledIn().purpose("custom").text("custom", "questions", "Short?\n" + "x".repeat(301)).values, NOW));

        assertThat(errors).containsExactly(
                Map.entry("custom", "Please keep question 2 under 300 characters (it has 301)."));
        assertThat(ok(StartFormReader.parse("T1", "ULEAD", "C123",
                filledIn().purpose("custom").text("custom", "questions", "x".repeat(300)).values, NOW))
                .customQuestions()).containsExactly("x".repeat(300));
    }

    @Test
    void aDueTimeThatIsNotInTheFutureIsAnError() {
        assertThat(errors(StartFormReader.parse("T1", "ULEAD", "C123", filledIn().due(NOW).values, NOW)))
                .containsExactly(Map.entry("due", "Please pick a due time in the future."));
        assertThat(errors(StartFormReader.parse("T1", "ULEAD", "C123", filledIn().due(NOW.minusSeconds(3600)).values, NOW)))
                .containsOnlyKeys("due");
        assertThat(ok(StartFormReader.parse("T1", "ULEAD", "C123", filledIn().due(NOW.plusSeconds(60)).values, NOW))
                .dueAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> errors = errors(StartFormReader.parse("T1", "ULEAD", "C123",
                filledIn().purpose("custom").users().due(NOW).values, NOW));

        assertThat(errors).containsOnlyKeys("custom", "people", "due");
    }

    @Test
    void noPurposeOrThreadChannelAtAllIsAnError() {
        State state = filledIn();
        state.values.remove("purpose");
        state.values.remove("channel");

        assertThat(errors(StartFormReader.parse("T1", "ULEAD", null, state.values, NOW))).containsOnlyKeys("purpose",
                "channel");
    }

    @Test
    void theViewAndTheParserAgreeOnBlockAndActionIds() {
        JsonObject view = json(StartModal.view(SETS, "custom", "C123", DUE, Visibility.LEADER));
        State state = new State();
        for (JsonElement b : view.getAsJsonArray("blocks")) {
            JsonObject block = b.getAsJsonObject();
            if (!block.get("type").getAsString().equals("input")) {
                continue;
            }
            String blockId = block.get("block_id").getAsString();
            String actionId = block.getAsJsonObject("element").get("action_id").getAsString();
            ViewState.Value v = new ViewState.Value();
            switch (blockId) {
                case "purpose" -> state.purpose("custom");
                case "objective:custom" -> state.text(blockId, actionId, "Why");
                case "custom" -> state.text(blockId, actionId, "One?\nTwo?");
                case "people" -> state.put(blockId, actionId, v).users("U1");
                case "members" -> {
                    v.setSelectedConversations(List.of("C5"));
                    state.put(blockId, actionId, v);
                }
                case "channel" -> {
                    v.setSelectedConversation("C6");
                    state.put(blockId, actionId, v);
                }
                case "visibility" -> state.visibility("thread");
                case "due" -> state.due(DUE);
                case "repeat", "at" -> {
                    // Left as the view has them: a one-off check-in.
                }
                default -> throw new AssertionError("unexpected input " + blockId);
            }
        }

        assertThat(ok(StartFormReader.parse("T1", "ULEAD", "C123", state.values, NOW))).isEqualTo(new StartRequest(
                "T1", "ULEAD", "custom", "Why", List.of("One?", "Two?"), List.of("U1"), List.of(), List.of("C5"),
                "C6", null, Visibility.THREAD, null, DUE));
    }

    @Test
    void choosingARepeatMakesARecurringRequestAtTheChosenTime() {
        State state = new State();
        state.purpose("trust");
        state.users("U1");
        state.visibility("leader");
        ViewState.Value repeat = new ViewState.Value();
        ViewState.SelectedOption weekly = new ViewState.SelectedOption();
        weekly.setValue("2w");
        repeat.setSelectedOption(weekly);
        state.put("repeat", "repeat", repeat);
        ViewState.Value at = new ViewState.Value();
        at.setSelectedTime("08:30");
        state.put("at", "at", at);

        StartFormReader.Parsed parsed = StartFormReader.parse("T1", "ULEAD", "C123", state.values, NOW);

        assertThat(parsed).isInstanceOfSatisfying(StartFormReader.Parsed.Ok.class, ok -> {
            assertThat(ok.every()).isEqualTo("2w");
            assertThat(ok.at()).isEqualTo(java.time.LocalTime.of(8, 30));
            assertThat(ok.request().dueAt()).isNull();
        });
    }

    @Test
    void leavingRepeatAtDoesNotRepeatIsAOneOff() {
        JsonObject view = json(StartModal.view(SETS, "trust", "C123", DUE, Visibility.LEADER));

        JsonObject repeat = block(view, "repeat");
        assertThat(repeat.getAsJsonObject("element").getAsJsonObject("initial_option").get("value").getAsString())
                .isEqualTo("none");
        assertThat(block(view, "at").getAsJsonObject("element").get("initial_time").getAsString()).isEqualTo("10:00");
    }

    @Test
    void userGroupsAreOfferedAndChosenGroupsAreParticipants() {
        JsonObject view = json(StartModal.view(SETS, "trust", "C123", DUE, Visibility.LEADER, 3,
                List.of(new People.UserGroup("S1", "design", "Design team"), new People.UserGroup("S2", "ops", ""))));

        JsonObject groups = block(view, "groups");
        assertThat(groups.getAsJsonObject("element").get("type").getAsString()).isEqualTo("multi_static_select");
        assertThat(values(groups.getAsJsonObject("element").getAsJsonArray("options"))).containsExactly("S1", "S2");

        State state = new State();
        state.purpose("trust");
        state.visibility("leader");
        ViewState.Value chosen = new ViewState.Value();
        ViewState.SelectedOption design = new ViewState.SelectedOption();
        design.setValue("S1");
        chosen.setSelectedOptions(List.of(design));
        state.put("groups", "groups", chosen);

        StartFormReader.Parsed parsed = StartFormReader.parse("T1", "ULEAD", "C123", state.values, NOW);

        assertThat(parsed).isInstanceOfSatisfying(StartFormReader.Parsed.Ok.class,
                ok -> assertThat(ok.request().userGroupIds()).containsExactly("S1"));
    }

    @Test
    void withoutUserGroupsThereIsNoGroupChoice() {
        JsonObject view = json(StartModal.view(SETS, "trust", "C123", DUE, Visibility.LEADER));

        assertThat(blockIds(view)).doesNotContain("groups");
    }
}

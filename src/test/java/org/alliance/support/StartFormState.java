package org.alliance.support;

import java.time.Instant;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The start form's state values as Slack submits them. The block and action ids are written out,
 * as Slack would send them, so a change to the form's ids shows up here as a failing test.
 */
public final class StartFormState {

    /** The start form's callback id. */
    public static final String CALLBACK_ID = "checkin_start_submit";

    private final JsonObject values = new JsonObject();

    private StartFormState() {
    }

    public static StartFormState of(String purpose, String objective, List<String> people, String channel,
                                    String visibility, Instant due) {
        StartFormState state = new StartFormState();
        state.put("purpose", "start_purpose", selected("static_select", purpose));
        JsonObject objectiveValue = typed("plain_text_input");
        objectiveValue.addProperty("value", objective);
        state.put("objective:" + purpose, "objective", objectiveValue);
        JsonObject users = typed("multi_users_select");
        JsonArray ids = new JsonArray();
        people.forEach(ids::add);
        users.add("selected_users", ids);
        state.put("people", "users", users);
        JsonObject channels = typed("multi_conversations_select");
        channels.add("selected_conversations", new JsonArray());
        state.put("members", "channels", channels);
        JsonObject conversation = typed("conversations_select");
        conversation.addProperty("selected_conversation", channel);
        state.put("channel", "channel", conversation);
        state.put("visibility", "visibility", selected("radio_buttons", visibility));
        JsonObject dueValue = typed("datetimepicker");
        dueValue.addProperty("selected_date_time", due.getEpochSecond());
        state.put("due", "due", dueValue);
        return state;
    }

    /** Makes it repeat: {@code every} is a Repeat option's value (1w, 2w, 1mo), {@code at} HH:MM. */
    public StartFormState repeat(String every, String at) {
        put("repeat", "repeat", selected("static_select", every));
        JsonObject time = typed("timepicker");
        time.addProperty("selected_time", at);
        put("at", "at", time);
        return this;
    }

    /** Types {@code text} into the "Your own questions" field, whatever the purpose. */
    public StartFormState ownQuestions(String text) {
        JsonObject value = typed("plain_text_input");
        value.addProperty("value", text);
        put("custom", "questions", value);
        return this;
    }

    public String json() {
        return values.toString();
    }

    private void put(String blockId, String actionId, JsonObject value) {
        JsonObject block = new JsonObject();
        block.add(actionId, value);
        values.add(blockId, block);
    }

    private static JsonObject typed(String type) {
        JsonObject v = new JsonObject();
        v.addProperty("type", type);
        return v;
    }

    private static JsonObject selected(String type, String value) {
        JsonObject option = new JsonObject();
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", value);
        option.add("text", text);
        option.addProperty("value", value);
        JsonObject v = typed(type);
        v.add("selected_option", option);
        return v;
    }
}

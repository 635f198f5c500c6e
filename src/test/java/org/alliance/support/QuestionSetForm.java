package org.alliance.support;

import com.google.gson.JsonObject;

/**
 * The question set form's state values as Slack submits them, with its block and action ids written out,
 * so a change to the form's ids shows up as a failing test.
 */
public final class QuestionSetForm {

    public static final String CALLBACK_ID = "question_set_save";

    private QuestionSetForm() {
    }

    /** {@code key} null leaves the key field out, as in the edit form. */
    public static String state(String key, String title, String objective, String questions) {
        JsonObject values = new JsonObject();
        put(values, "set_key", "key", key);
        put(values, "set_title", "title", title);
        put(values, "set_objective", "objective", objective);
        put(values, "set_questions", "questions", questions);
        return values.toString();
    }

    /** The private metadata of a new set's form typed in {@code channelId}, or of editing {@code key}. */
    public static String metadata(String channelId, String editedKeyOrNull) {
        return channelId + "|" + (editedKeyOrNull == null ? "" : editedKeyOrNull);
    }

    /** Saves a set as {@code userId} would through the form. */
    public static java.net.http.HttpResponse<String> submit(SlackRequests requests, String userId, String metadata,
                                                            String stateJson) {
        return requests.interaction(requests.viewSubmission(userId, CALLBACK_ID, metadata, stateJson));
    }

    private static void put(JsonObject values, String blockId, String actionId, String text) {
        if (text == null) {
            return;
        }
        JsonObject value = new JsonObject();
        value.addProperty("type", "plain_text_input");
        value.addProperty("value", text);
        JsonObject block = new JsonObject();
        block.add(actionId, value);
        values.add(blockId, block);
    }
}

package org.alliance.support;

import java.net.http.HttpResponse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the bot's immediate answer to a signed request (the ack), as Slack would. */
public final class Acks {

    private Acks() {
    }

    /** The text of an immediate ephemeral reply in an ack body; empty when the ack had no body. */
    public static String ackText(HttpResponse<String> ack) {
        assertThat(ack.statusCode()).as("ack: %s", ack.body()).isEqualTo(200);
        JsonElement text = ackJson(ack).get("text");
        return text == null || text.isJsonNull() ? "" : text.getAsString();
    }

    public static JsonObject ackJson(HttpResponse<String> ack) {
        String body = ack.body();
        if (body == null || body.isBlank()) {
            return new JsonObject();
        }
        JsonElement parsed = JsonParser.parseString(body);
        return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
    }

    /** The block id to error map of a {@code response_action: errors} ack; fails for any other ack. */
    public static JsonObject viewErrors(HttpResponse<String> ack) {
        assertThat(ack.statusCode()).as("ack: %s", ack.body()).isEqualTo(200);
        JsonObject body = ackJson(ack);
        assertThat(body.has("response_action")).as("ack: %s", ack.body()).isTrue();
        assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
        return body.getAsJsonObject("errors");
    }
}

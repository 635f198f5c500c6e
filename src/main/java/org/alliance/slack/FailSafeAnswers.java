package org.alliance.slack;

import java.util.Map;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

/**
 * What Slack hears when a handler could not deal with a signed request: an acknowledgement, so
 * Slack neither retries nor shows its own error, and a friendly line wherever a person waits.
 */
final class FailSafeAnswers {

    static final String SORRY = "Sorry, I couldn't do that: something in the request didn't look right to me. "
            + "Please try again in a minute; `/alliance help` shows what I can do.";

    private FailSafeAnswers() {
    }

    static Response answer(Request<?> request) {
        return answer(request, SORRY);
    }

    /** The same answer with another text (see {@link OutageAnswers}). */
    static Response answer(Request<?> request, String text) {
        return switch (request.getRequestType()) {
            case Command -> Response.json(200, Map.of("response_type", "ephemeral", "text", text));
            // A form stays open, and a small view on top of it says what happened.
            case ViewSubmission -> Response.json(200, Map.of("response_action", "push", "view", Map.of(
                    "type", "modal",
                    "title", Map.of("type", "plain_text", "text", "Alliance"),
                    "close", Map.of("type", "plain_text", "text", "Back"),
                    "blocks", new Object[] {Map.of("type", "section",
                            "text", Map.of("type", "mrkdwn", "text", text))})));
            default -> Response.ok();
        };
    }
}

package org.alliance.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.alliance.persistence.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Slack hears when a handler threw, over HTTP and Socket Mode alike. While the database is
 * unreachable the person waiting is told to try again in a minute (in the command's answer, on
 * top of the form, or next to the button), and an event is refused so Slack delivers it again
 * later; any other failure gets {@link FailSafeAnswers}. Either way the log gets one line.
 */
@Component
class OutageAnswers {

    static final String CANT_SAVE = ":warning: I can't save anything right now: my database is unreachable. "
            + "Please try again in a minute; nothing you had saved is lost.";

    private static final Logger log = LoggerFactory.getLogger(OutageAnswers.class);

    private final Replies replies;
    private final SlackWork work;

    OutageAnswers(Replies replies, SlackWork work) {
        this.replies = replies;
        this.work = work;
    }

    /** The answer to a request whose handler failed; null for an event Slack should deliver again. */
    Response answer(Request<?> request, Exception error) {
        if (!DatabaseOutage.in(error)) {
            // One line, no stack trace: a malformed payload is Slack's (or a forger's) problem, not a bug to page about.
            log.warn("Could not handle a signed {} request ({}: {}); answered without it", request.getRequestType(),
                    error.getClass().getSimpleName(), SlackText.truncate(String.valueOf(error.getMessage()), 200));
            return FailSafeAnswers.answer(request);
        }
        log.warn("Database unreachable during a {} request ({}); {}", request.getRequestType(),
                DatabaseOutage.summary(error), request.getRequestType() == com.slack.api.bolt.request.RequestType.Event
                        ? "refused it so Slack delivers it again" : "told the person to try again");
        return switch (request.getRequestType()) {
            case Event -> null;
            case BlockAction -> {
                tellNextToButton((BlockActionRequest) request);
                yield Response.ok();
            }
            default -> FailSafeAnswers.answer(request, CANT_SAVE);
        };
    }

    private void tellNextToButton(BlockActionRequest request) {
        var p = request.getPayload();
        String responseUrl = p.getResponseUrl();
        String teamId = p.getTeam() == null ? null : p.getTeam().getId();
        String userId = p.getUser() == null ? null : p.getUser().getId();
        if (responseUrl != null) {
            work.run("telling a person the database is unreachable", () -> replies.viaResponseUrl(responseUrl, CANT_SAVE));
        } else if (teamId != null && userId != null) {
            // A button in a modal or the Home tab has no response_url: a DM always arrives.
            work.run("telling " + userId + " the database is unreachable", () -> replies.direct(teamId, userId, CANT_SAVE));
        }
    }
}

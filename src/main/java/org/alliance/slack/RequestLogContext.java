package org.alliance.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import org.slf4j.MDC;

/**
 * Tags every log line written while a request from Slack is handled with its workspace, so
 * structured logs can be filtered by team. Work handed to {@link SlackWork} carries the tag on.
 * Only ids go into the log context: never user ids or anything a person wrote.
 */
final class RequestLogContext implements Middleware {

    /** Rendered by ECS as {@code team: {id: ...}} and by Logstash as a {@code team.id} field. */
    static final String TEAM_ID = "team.id";

    // A team id is about a dozen characters; a longer one is not worth a log line's width.
    private static final int MAX_ID_LENGTH = 32;

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String teamId = req.getContext() == null ? null : req.getContext().getTeamId();
        if (teamId == null || teamId.isBlank()) {
            return chain.next(req);
        }
        String before = MDC.get(TEAM_ID);
        MDC.put(TEAM_ID, teamId.length() > MAX_ID_LENGTH ? teamId.substring(0, MAX_ID_LENGTH) : teamId);
        try {
            return chain.next(req);
        } finally {
            // The servlet or Socket Mode thread goes back to its pool: restore what it had.
            if (before == null) {
                MDC.remove(TEAM_ID);
            } else {
                MDC.put(TEAM_ID, before);
            }
        }
    }
}

package org.alliance.slack;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;

/** Times every request from Slack to its ack, HTTP and Socket Mode alike. */
final class AckTiming implements Middleware {

    private static final Map<RequestType, String> KINDS = new EnumMap<>(RequestType.class);

    static {
        for (RequestType type : RequestType.values()) {
            KINDS.put(type, type.name().toLowerCase(Locale.ROOT));
        }
    }

    private final SlackMetrics metrics;

    AckTiming(SlackMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        long start = System.nanoTime();
        try {
            return chain.next(req);
        } finally {
            metrics.ack(KINDS.get(req.getRequestType()), System.nanoTime() - start);
        }
    }
}

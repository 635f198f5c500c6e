package org.alliance.slack;

import java.util.Locale;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

/** Times every request from Slack to its ack, HTTP and Socket Mode alike. */
final class AckTiming implements Middleware {

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
            metrics.ack(req.getRequestType().name().toLowerCase(Locale.ROOT), System.nanoTime() - start);
        }
    }
}

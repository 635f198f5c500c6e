package org.alliance.slack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * What the Slack side of the bot does, for Prometheus. Tags are only bounded, bot-chosen words
 * (a request kind, a Web API method, an outcome), never user text or user ids.
 */
@Component
class SlackMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger queued;
    // One timer per request kind, found once: building and registering one per request cost every ack.
    private final Map<String, Timer> acks = new ConcurrentHashMap<>();

    SlackMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.queued = registry.gauge("alliance.slack.messages.queued", new AtomicInteger());
    }

    void ack(String kind, long nanos) {
        acks.computeIfAbsent(kind, k -> Timer.builder("alliance.slack.acks")
                .description("Time from a Slack request to its ack, by kind")
                .tag("kind", k).publishPercentileHistogram().register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void call(String method, String outcome) {
        registry.counter("alliance.slack.api.calls", "method", method, "outcome", outcome).increment();
    }

    void rateLimitWait(String method, long nanos) {
        Timer.builder("alliance.slack.ratelimit.wait").description("Time spent waiting out Slack's 429s")
                .tag("method", method).register(registry).record(Duration.ofNanos(nanos));
    }

    /** Reports how much after-ack work waits for a worker ({@link SlackWork}). */
    void workWaiting(Supplier<Number> waiting) {
        Gauge.builder("alliance.slack.work.waiting", waiting).description("After-ack work waiting for a worker")
                .register(registry);
    }

    /** Marks one message as waiting for its turn until the returned handle is closed. */
    Waiting waiting() {
        queued.incrementAndGet();
        return queued::decrementAndGet;
    }

    interface Waiting extends AutoCloseable {
        @Override
        void close();
    }
}

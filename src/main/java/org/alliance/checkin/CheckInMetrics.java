package org.alliance.checkin;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Check-ins started and ended (by how), and answers received, for Prometheus. Tags are bounded
 * words, never ids or text. It reads the one check-in or response an event names, by its key.
 */
@Component
class CheckInMetrics {

    private final MeterRegistry registry;
    private final CheckInRepository checkIns;
    private final ResponseRepository responses;

    CheckInMetrics(MeterRegistry registry, CheckInRepository checkIns, ResponseRepository responses) {
        this.registry = registry;
        this.checkIns = checkIns;
        this.responses = responses;
    }

    @EventListener
    void on(CheckInChanged event) {
        try {
            switch (event.change()) {
                // People added to a running check-in also announce STARTED, for them; only a
                // start concerns everyone asked.
                case STARTED -> checkIns.find(event.teamId(), event.checkInId())
                        .filter(c -> event.concerned().size() == c.participants().size() + 1)
                        .ifPresent(c -> registry.counter("alliance.checkins.started").increment());
                case ENDED -> checkIns.find(event.teamId(), event.checkInId()).filter(c -> !c.isOpen())
                        .ifPresent(c -> registry.counter("alliance.checkins.ended",
                                "status", c.status().name().toLowerCase(Locale.ROOT)).increment());
                case ANSWERED -> event.concerned().stream().skip(1).findFirst()
                        .flatMap(userId -> responses.find(event.checkInId(), userId))
                        .ifPresent(r -> registry.counter("alliance.answers.received",
                                "status", r.status().name().toLowerCase(Locale.ROOT)).increment());
            }
        } catch (RuntimeException e) {
            // A metric is never worth failing the change it counts.
        }
    }
}

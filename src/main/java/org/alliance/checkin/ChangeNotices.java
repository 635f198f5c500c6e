package org.alliance.checkin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells other modules that a check-in changed. A listener that fails must not undo or stop the
 * check-in's own work, which is already stored: the failure is logged and the work goes on.
 */
@Component
class ChangeNotices {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ChangeNotices(ApplicationEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    void started(CheckIn c) {
        publish(c, CheckInChanged.Change.STARTED, everyone(c));
    }

    void answered(CheckIn c, String userId) {
        publish(c, CheckInChanged.Change.ANSWERED, List.of(c.leaderId(), userId));
    }

    /** People added to a running check-in: for them, and for the leader's people, it starts now. */
    void added(CheckIn c, List<String> userIds) {
        if (!userIds.isEmpty()) {
            publish(c, CheckInChanged.Change.STARTED, withLeader(c, userIds));
        }
    }

    /** People taken off a running check-in: for them it has ended. */
    void removed(CheckIn c, List<String> userIds) {
        if (!userIds.isEmpty()) {
            publish(c, CheckInChanged.Change.ENDED, withLeader(c, userIds));
        }
    }

    private static List<String> withLeader(CheckIn c, List<String> userIds) {
        List<String> all = new ArrayList<>(userIds);
        all.add(0, c.leaderId());
        return all;
    }

    void ended(CheckIn c) {
        publish(c, CheckInChanged.Change.ENDED, everyone(c));
    }

    private void publish(CheckIn c, CheckInChanged.Change change, List<String> concerned) {
        try {
            publisher.publishEvent(new CheckInChanged(c.teamId(), c.id(), c.leaderId(), change, concerned,
                    clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Check-in {}: a listener failed on {}: {}", c.id(), change, e.getMessage(), e);
        }
    }

    private static List<String> everyone(CheckIn c) {
        List<String> all = new ArrayList<>(c.participants());
        all.add(0, c.leaderId());
        return all;
    }
}

package org.alliance.snooze;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** People away (on vacation, say): skipped in new rounds and not reminded until they are back. */
@Service
public class Snoozes {

    public static final Duration LONGEST = Duration.ofDays(90);

    private final SnoozeRepository repository;
    private final Clock clock;

    Snoozes(SnoozeRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Instant snooze(String teamId, String userId, Duration length) {
        if (length.isNegative() || length.isZero() || length.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a snooze lasts from 1 to " + LONGEST.toDays() + " days");
        }
        Instant until = clock.instant().plus(length);
        repository.save(teamId, userId, until, clock.instant());
        return until;
    }

    /** Returns whether there was a snooze to end. */
    public boolean wake(String teamId, String userId) {
        return repository.delete(teamId, userId);
    }

    /** When the person is back, if they are away now. */
    public Optional<Instant> awayUntil(String teamId, String userId) {
        Instant now = clock.instant();
        return repository.until(teamId, userId).filter(until -> until.isAfter(now));
    }

    /** Of these people, those away now and when each is back; one lookup for them all. */
    public Map<String, Instant> awayUntil(String teamId, Collection<String> userIds) {
        Instant now = clock.instant();
        Map<String, Instant> away = new HashMap<>(repository.until(teamId, userIds));
        away.values().removeIf(until -> !until.isAfter(now));
        return away;
    }
}

package org.alliance.conversations;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When a relayed message goes: a random delay after it was written, and never before the one
 * written before it on the same side, so a conversation keeps its order.
 */
@Component
class AnonymousDelays {

    private final AnonymousRelaySettings settings;
    private final Random random;

    @Autowired
    AnonymousDelays(AnonymousRelaySettings settings) {
        this(settings, new SecureRandom());
    }

    AnonymousDelays(AnonymousRelaySettings settings, Random random) {
        this.settings = settings;
        this.random = random;
    }

    /** {@code now} plus a random delay, at least a second after {@code previousOrNull}. */
    Instant next(Instant now, Instant previousOrNull) {
        long min = settings.minDelay().toMillis();
        long spread = settings.maxDelay().toMillis() - min;
        long delay = min + (spread <= 0 ? 0 : (long) (random.nextDouble() * (spread + 1)));
        Instant at = now.plusMillis(delay);
        if (previousOrNull != null && !at.isAfter(previousOrNull)) {
            return previousOrNull.plusSeconds(1);
        }
        return at;
    }
}

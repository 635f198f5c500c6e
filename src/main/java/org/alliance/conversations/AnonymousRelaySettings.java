package org.alliance.conversations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a message in a private conversation about an anonymous answer waits before it is passed
 * on: a random time between the two, so its arrival says nothing about when, or by whom, it was written.
 *
 * @param minDelay the shortest wait (default 2 minutes)
 * @param maxDelay the longest wait (default 5 minutes)
 */
@ConfigurationProperties("alliance.conversations.anonymous")
record AnonymousRelaySettings(Duration minDelay, Duration maxDelay) {

    AnonymousRelaySettings {
        minDelay = minDelay == null ? Duration.ofMinutes(2) : minDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
        if (minDelay.isNegative()) {
            throw new IllegalArgumentException("alliance.conversations.anonymous.min-delay must not be negative, e.g. PT2M");
        }
        if (maxDelay.compareTo(minDelay) < 0) {
            throw new IllegalArgumentException("alliance.conversations.anonymous.max-delay must not be shorter than "
                    + "min-delay, e.g. PT5M");
        }
    }
}

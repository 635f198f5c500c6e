package org.alliance.home;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param debounce after a change that concerns someone, their Home is republished once this long
 *                 has passed, with every change made meanwhile (default 5 seconds): a burst of
 *                 answers costs one publish, and nobody's Home is published more often than this
 */
@ConfigurationProperties("alliance.home")
record HomeSettings(Duration debounce) {

    HomeSettings {
        debounce = debounce == null ? Duration.ofSeconds(5) : debounce;
        if (debounce.isNegative() || debounce.isZero()) {
            throw new IllegalArgumentException("alliance.home.debounce must be positive, e.g. PT5S, but was " + debounce);
        }
    }
}

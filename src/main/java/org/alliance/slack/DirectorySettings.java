package org.alliance.slack;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the bot trusts what it knows of people, and how many it keeps in memory per workspace.
 *
 * @param ttl       how long a cached person (name, time zone, deactivated, app) is used before Slack is asked
 *                  again; {@code user_change} events drop a changed person at once
 * @param maxPeople the most people kept per workspace (an entry is a few hundred bytes, so 100,000 is
 *                  tens of MB); beyond it people are looked up one by one and not kept
 */
@ConfigurationProperties("alliance.slack.directory")
record DirectorySettings(Duration ttl, Integer maxPeople) {

    public DirectorySettings {
        ttl = ttl == null ? Duration.ofHours(6) : ttl;
        maxPeople = maxPeople == null ? 100_000 : maxPeople;
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("alliance.slack.directory.ttl must be positive, e.g. PT6H");
        }
        if (maxPeople < 1) {
            throw new IllegalArgumentException("alliance.slack.directory.max-people must be at least 1");
        }
    }
}

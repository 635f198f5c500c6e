package org.alliance.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much after-ack work may wait for a worker. Each waiting start holds a few KiB until its turn,
 * and under more starts than Slack's limits let the bot send (docs/benchmarks.md measured 50 a
 * second into one workspace) the wait only grows, until the heap runs out and everything waiting
 * is lost with the process. Past the limit a new check-in is refused with a word to its leader;
 * work already accepted always runs.
 *
 * @param maxWaiting how many pieces of work may wait before new check-ins are refused
 */
@ConfigurationProperties("alliance.slack.work")
record SlackWorkSettings(Integer maxWaiting) {

    public SlackWorkSettings {
        maxWaiting = maxWaiting == null ? 10_000 : maxWaiting;
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("alliance.slack.work.max-waiting must be at least 1");
        }
    }
}

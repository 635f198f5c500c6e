package org.alliance.slack;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How fast the bot sends. Slack allows about one message per second in a conversation and a
 * budget per workspace; staying under both means 429s are rare, and they are retried anyway.
 *
 * @param messagesPerMinute  the workspace budget for posting, updating and deleting messages
 * @param perConversation    the least time between two messages to one conversation
 * @param maxRateLimitWait   how long one call may keep waiting out 429s before it counts as failed
 */
@ConfigurationProperties("alliance.slack.rate")
record SlackRateSettings(Integer messagesPerMinute, Duration perConversation, Duration maxRateLimitWait) {

    public SlackRateSettings {
        messagesPerMinute = messagesPerMinute == null ? 300 : messagesPerMinute;
        perConversation = perConversation == null ? Duration.ofSeconds(1) : perConversation;
        maxRateLimitWait = maxRateLimitWait == null ? Duration.ofMinutes(5) : maxRateLimitWait;
        if (messagesPerMinute < 1) {
            throw new IllegalArgumentException("alliance.slack.rate.messages-per-minute must be at least 1");
        }
        if (perConversation.isNegative()) {
            throw new IllegalArgumentException("alliance.slack.rate.per-conversation must not be negative");
        }
        if (maxRateLimitWait.isNegative() || maxRateLimitWait.isZero()) {
            throw new IllegalArgumentException("alliance.slack.rate.max-rate-limit-wait must be positive, e.g. PT5M");
        }
    }
}

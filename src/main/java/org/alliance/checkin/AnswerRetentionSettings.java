package org.alliance.checkin;

import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long answers are kept.
 *
 * @param answers answers to check-ins that ended longer ago than this are erased by a daily job; empty or
 *                {@code P0D} (the default) keeps them for as long as the workspace keeps Alliance
 */
@ConfigurationProperties("alliance.retention")
record AnswerRetentionSettings(Duration answers) {

    AnswerRetentionSettings {
        if (answers != null && answers.isNegative()) {
            throw new IllegalArgumentException("alliance.retention.answers must not be negative, e.g. P365D "
                    + "(or empty to keep answers)");
        }
    }

    /** The age past which answers go; empty when they are kept. */
    Optional<Duration> maxAge() {
        return answers == null || answers.isZero() ? Optional.empty() : Optional.of(answers);
    }
}

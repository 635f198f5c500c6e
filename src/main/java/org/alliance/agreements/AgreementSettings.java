package org.alliance.agreements;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reviewEvery how long after an agreement is confirmed (or last found to still hold) both
 *                    are asked whether it still holds (default 90 days)
 */
@ConfigurationProperties("alliance.agreements")
record AgreementSettings(Duration reviewEvery) {

    AgreementSettings {
        reviewEvery = reviewEvery == null ? Duration.ofDays(90) : reviewEvery;
        if (reviewEvery.isNegative() || reviewEvery.toHours() < 1) {
            throw new IllegalArgumentException("alliance.agreements.review-every must be at least an hour, e.g. P90D");
        }
    }
}

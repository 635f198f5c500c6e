package org.alliance.relationships;

import org.alliance.slack.ActionRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Slack entry point of the drift alert: Stop tracking (Check in belongs to check-ins). */
@Configuration(proxyBeanMethods = false)
class DriftRoutes {

    @Bean
    ActionRoute stopTrackingButton(DriftInteractions interactions) {
        return ActionRoute.of(DriftButtons.STOP_TRACKING, interactions::stopTracking);
    }
}

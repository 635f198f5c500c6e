package org.alliance.home;

import com.slack.api.model.event.AppHomeOpenedEvent;
import org.alliance.slack.EventRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Home tab's one entry point: someone opening it. */
@Configuration(proxyBeanMethods = false)
class HomeRoutes {

    @Bean
    EventRoute<AppHomeOpenedEvent> homeOpened(HomeTab homeTab) {
        return EventRoute.of(AppHomeOpenedEvent.class, (payload, ctx) -> {
            homeTab.opened(payload.getTeamId(), payload.getEvent());
            return ctx.ack();
        });
    }
}

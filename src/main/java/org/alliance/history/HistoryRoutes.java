package org.alliance.history;

import org.alliance.slack.ActionRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Slack entry points of history besides the command: the History button, and paging in the modal. */
@Configuration(proxyBeanMethods = false)
class HistoryRoutes {

    @Bean
    ActionRoute historyButton(HistoryInteractions interactions) {
        return ActionRoute.of(HistoryButton.ACTION_ID, interactions::button);
    }

    @Bean
    ActionRoute historyNewer(HistoryInteractions interactions) {
        return ActionRoute.of(HistoryModal.NEWER, interactions::page);
    }

    @Bean
    ActionRoute historyOlder(HistoryInteractions interactions) {
        return ActionRoute.of(HistoryModal.OLDER, interactions::page);
    }
}

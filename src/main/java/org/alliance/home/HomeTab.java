package org.alliance.home;

import java.time.Clock;

import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackWork;
import org.springframework.stereotype.Component;

/** Publishes one person's Home: at once when they open it, and when {@link HomeRefresh} says it changed. */
@Component
class HomeTab {

    private final HomeDashboard dashboard;
    private final HomeOpeners openers;
    private final SlackApi api;
    private final SlackWork work;
    private final Clock clock;

    HomeTab(HomeDashboard dashboard, HomeOpeners openers, SlackApi api, SlackWork work, Clock clock) {
        this.dashboard = dashboard;
        this.openers = openers;
        this.api = api;
        this.work = work;
        this.clock = clock;
    }

    void opened(String teamId, AppHomeOpenedEvent event) {
        if (!"home".equals(event.getTab())) {
            return;
        }
        String userId = event.getUser();
        work.run("publishing the Home tab for " + userId, () -> {
            openers.opened(teamId, userId, clock.instant());
            publish(teamId, userId);
        });
    }

    /** Reads and publishes; slow (database and Slack), so never on a request thread. */
    void publish(String teamId, String userId) {
        View view = HomeView.view(dashboard.load(teamId, userId));
        api.callOk(teamId, "views.publish", c -> c.viewsPublish(r -> r.userId(userId).view(view)));
    }
}

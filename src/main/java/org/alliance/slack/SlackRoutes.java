package org.alliance.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.event.UserChangeEvent;
import org.alliance.workspace.Workspaces;
import org.springframework.stereotype.Component;

/** Every Slack entry point the bot has, registered with the Bolt {@link App} in this one place. */
@Component
class SlackRoutes {

    private final CommandRouter commands;
    private final Workspaces workspaces;
    private final UserDirectory users;
    private final HomeTab homeTab;

    SlackRoutes(CommandRouter commands, Workspaces workspaces, UserDirectory users, HomeTab homeTab) {
        this.commands = commands;
        this.workspaces = workspaces;
        this.users = users;
        this.homeTab = homeTab;
    }

    void register(App app) {
        app.command(CommandRouter.COMMAND, commands::handle);

        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            homeTab.opened(payload.getTeamId(), payload.getEvent());
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> ctx.ack());
        app.event(AppMentionEvent.class, (payload, ctx) -> ctx.ack());
        app.event(UserChangeEvent.class, (payload, ctx) -> {
            users.forget(payload.getTeamId(), payload.getEvent().getUser().getId());
            return ctx.ack();
        });
        app.event(AppUninstalledEvent.class, (payload, ctx) -> {
            workspaces.uninstalled(payload.getTeamId());
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (payload, ctx) -> {
            workspaces.uninstalled(payload.getTeamId());
            return ctx.ack();
        });
    }
}

package org.alliance.slack;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.event.UserChangeEvent;
import org.alliance.install.Installations;
import org.alliance.workspace.Workspaces;
import org.springframework.stereotype.Component;

/**
 * Where the features' routes meet the Bolt {@link App}: every Slack entry point the bot has is
 * registered here, and nowhere else. This module's own events (directory, install) are here too.
 */
@Component
class SlackRoutes {

    /** The events this module handles itself (registered below); Bolt keeps one handler per type. */
    static final Set<Class<?>> OWN_EVENTS = Set.of(MessageChangedEvent.class, MessageDeletedEvent.class,
            MessageBotEvent.class, UserChangeEvent.class, AppUninstalledEvent.class, TokensRevokedEvent.class);

    private final CommandRouter commands;
    private final List<ActionRoute> actions;
    private final List<SubmissionRoute> submissions;
    private final List<EventRoute<?>> events;
    private final Workspaces workspaces;
    private final UserDirectory users;
    private final Installations installations;

    SlackRoutes(CommandRouter commands, List<ActionRoute> actions, List<SubmissionRoute> submissions,
                List<EventRoute<?>> events, Workspaces workspaces, UserDirectory users, Installations installations) {
        this.commands = commands;
        this.actions = actions;
        this.submissions = submissions;
        this.events = events;
        this.workspaces = workspaces;
        this.users = users;
        this.installations = installations;
        unique(actions, ActionRoute::actionId, "action id");
        unique(submissions, SubmissionRoute::callbackId, "view callback id");
        unique(events, r -> r.eventType().getName(), "event type");
        events.stream().filter(r -> OWN_EVENTS.contains(r.eventType())).findFirst().ifPresent(r -> {
            throw new IllegalStateException("The Slack adapter handles " + r.eventType().getSimpleName()
                    + " itself; a feature can't claim it too.");
        });
    }

    void register(App app) {
        app.command(CommandRouter.COMMAND, commands::handle);
        actions.forEach(route -> app.blockAction(route.actionId(), route::handle));
        submissions.forEach(route -> app.viewSubmission(route.callbackId(), route::handle));
        events.forEach(route -> register(app, route));

        // Edits, deletions and bot messages reach the bot too; they need nothing but an ack.
        app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
        app.event(UserChangeEvent.class, (payload, ctx) -> {
            users.forget(payload.getTeamId(), payload.getEvent().getUser().getId());
            return ctx.ack();
        });
        app.event(AppUninstalledEvent.class, (payload, ctx) -> {
            uninstalled(payload);
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (payload, ctx) -> {
            // Users' own tokens (the app asks for none) leave the bot as it was; only its bot token matters.
            var tokens = payload.getEvent().getTokens();
            if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                uninstalled(payload);
            }
            return ctx.ack();
        });
    }

    /** The workspace, or every known workspace of an org whose org-wide install was removed. */
    private void uninstalled(EventsApiPayload<?> payload) {
        boolean orgWide = payload.getAuthorizations() != null && payload.getAuthorizations().stream()
                .anyMatch(a -> Boolean.TRUE.equals(a.getIsEnterpriseInstall()));
        installations.uninstalled(payload.getEnterpriseId(), payload.getTeamId(), orgWide)
                .forEach(workspaces::uninstalled);
    }

    private static <E extends com.slack.api.model.event.Event> void register(App app, EventRoute<E> route) {
        app.event(route.eventType(), route::handle);
    }

    private static <T> void unique(List<T> routes, Function<T, String> id, String what) {
        Set<String> seen = new HashSet<>();
        for (T route : routes) {
            if (!seen.add(id.apply(route))) {
                throw new IllegalStateException("Two handlers claim the " + what + " " + id.apply(route)
                        + "; Bolt would keep only one of them.");
            }
        }
    }
}

package org.alliance.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.event.UserChangeEvent;
import org.alliance.checkin.CheckInEvents;
import org.alliance.checkin.CheckInInteractions;
import org.alliance.checkin.StartModalActions;
import org.alliance.commitments.CommitmentInteractions;
import org.alliance.workspace.Workspaces;
import org.springframework.stereotype.Component;

/** Every Slack entry point the bot has, registered with the Bolt {@link App} in this one place. */
@Component
class SlackRoutes {

    private final CommandRouter commands;
    private final Workspaces workspaces;
    private final UserDirectory users;
    private final HomeTab homeTab;
    private final CheckInInteractions checkIns;
    private final CheckInEvents checkInEvents;
    private final StartModalActions startModal;
    private final CommitmentInteractions commitments;

    SlackRoutes(CommandRouter commands, Workspaces workspaces, UserDirectory users, HomeTab homeTab,
                CheckInInteractions checkIns, CheckInEvents checkInEvents, StartModalActions startModal,
                CommitmentInteractions commitments) {
        this.commands = commands;
        this.workspaces = workspaces;
        this.users = users;
        this.homeTab = homeTab;
        this.checkIns = checkIns;
        this.checkInEvents = checkInEvents;
        this.startModal = startModal;
        this.commitments = commitments;
    }

    void register(App app) {
        app.command(CommandRouter.COMMAND, commands::handle);

        app.blockAction(CheckInInteractions.ANSWER, checkIns::answer);
        app.blockAction(CheckInInteractions.EDIT, checkIns::answer);
        app.blockAction(CheckInInteractions.SKIP, checkIns::skip);
        app.viewSubmission(StartModalActions.SUBMIT, startModal::submit);
        app.blockAction(StartModalActions.PURPOSE_CHANGED, startModal::purposeChanged);
        app.viewSubmission(CheckInInteractions.ANSWER_SUBMIT, checkIns::submitAnswer);
        app.viewSubmission(CheckInInteractions.SKIP_SUBMIT, checkIns::submitSkip);

        app.blockAction(CommitmentInteractions.FOLLOW_UP, commitments::followUp);
        app.viewSubmission(CommitmentInteractions.SUBMIT, commitments::submit);
        app.blockAction(CommitmentInteractions.DONE, commitments::done);
        app.blockAction(CommitmentInteractions.HELPED, commitments::helped);

        app.event(MessageEvent.class, checkInEvents::message);
        app.event(AppMentionEvent.class, checkInEvents::mention);
        app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            homeTab.opened(payload.getTeamId(), payload.getEvent());
            return ctx.ack();
        });
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

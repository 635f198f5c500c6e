package org.alliance.history;

import java.util.Optional;
import java.util.function.Consumer;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import org.alliance.slack.People;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opening the history modal and paging through it. The trigger expires 3 seconds after the
 * click or command, so the modal opens at once with a small loading view, before the ack; the
 * page is read and put in with {@code views.update} after it. The one check before opening
 * (is there anything to show?) is a single indexed lookup that returns at the first match.
 * The viewer is always the person who clicked or typed: a button's value names only whose
 * part to show and the page, so a crafted value can show nobody more than their own view.
 */
@Component
class HistoryInteractions {

    private static final Logger log = LoggerFactory.getLogger(HistoryInteractions.class);
    static final String NOTHING_OWN = "You haven't been asked in any check-in yet, so there are no answers of yours "
            + "to show.";

    private final Histories histories;
    private final People people;
    private final SlackApi api;
    private final SlackWork work;
    private final Replies replies;

    HistoryInteractions(Histories histories, People people, SlackApi api, SlackWork work, Replies replies) {
        this.histories = histories;
        this.people = people;
        this.api = api;
        this.work = work;
        this.replies = replies;
    }

    /**
     * Opens the history of {@code target} for {@code viewerId}.
     *
     * @param tell how to answer the viewer privately after the ack
     * @return a message to give at once instead of a modal; empty when the modal opened or an
     *         answer is on its way through {@code tell}
     */
    Optional<String> open(String teamId, String viewerId, HistoryTarget target, String triggerId, Consumer<String> tell) {
        if (target instanceof HistoryTarget.Invalid invalid) {
            return Optional.of(invalid.message());
        }
        String personId = target instanceof HistoryTarget.Person p ? p.userId() : null;
        if (!histories.anything(teamId, viewerId, personId)) {
            if (personId == null) {
                return Optional.of(NOTHING_OWN);
            }
            // Why there is nothing takes a directory lookup, a Web API call: after the ack.
            work.run("explaining an empty history to " + viewerId, () -> tell.accept(nothingWith(teamId, personId)));
            return Optional.empty();
        }
        var opened = api.call(teamId, "views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId)
                .view(HistoryModal.loading())));
        if (!opened.isOk()) {
            return Optional.of(":warning: I couldn't open the history (" + opened.getError() + "). Please try again.");
        }
        String viewId = opened.getView().getId();
        work.runFor(teamId, viewerId, "showing history to " + viewerId, () -> show(teamId, viewerId, personId, 0, viewId));
        return Optional.empty();
    }

    /** The History button, e.g. on App Home or a drift alert; its value is the person's user id. */
    Response button(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        String userId = p.getUser().getId();
        String channelId = p.getChannel() != null ? p.getChannel().getId() : null;
        Consumer<String> tell = text -> replies.ephemeral(teamId, channelId, userId, text);
        HistoryTarget target = HistoryTarget.ofButton(p.getActions().get(0).getValue(), userId);
        open(teamId, userId, target, p.getTriggerId(), tell)
                .ifPresent(text -> work.run("answering a history click of " + userId, () -> tell.accept(text)));
        return ctx.ack();
    }

    /** Newer and Older inside the modal: the same view, another page. */
    Response page(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        String viewerId = p.getUser().getId();
        String value = p.getActions().get(0).getValue();
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0 || p.getView() == null) {
            return ctx.ack();
        }
        int page;
        try {
            page = Integer.parseInt(value.substring(0, colon));
        } catch (NumberFormatException broken) {
            return ctx.ack();
        }
        HistoryTarget target = HistoryTarget.ofButton(value.substring(colon + 1), viewerId);
        if (target instanceof HistoryTarget.Invalid) {
            return ctx.ack();
        }
        String personId = target instanceof HistoryTarget.Person person ? person.userId() : null;
        String viewId = p.getView().getId();
        work.run("paging history for " + viewerId, () -> show(teamId, viewerId, personId, page, viewId));
        return ctx.ack();
    }

    private void show(String teamId, String viewerId, String personId, int page, String viewId) {
        View view;
        try {
            view = HistoryModal.of(histories.page(teamId, viewerId, personId, page));
        } catch (RuntimeException e) {
            log.error("Reading history for {} in team {} failed: {}", viewerId, teamId, e.getMessage(), e);
            view = HistoryModal.failed(":warning: Sorry, I couldn't read the history just now. Please try again.");
        }
        View shown = view;
        api.callOk(teamId, "views.update", c -> c.viewsUpdate(r -> r.viewId(viewId).view(shown)));
    }

    private String nothingWith(String teamId, String personId) {
        Optional<People.Person> person;
        try {
            person = people.find(teamId, personId);
        } catch (RuntimeException e) {
            log.warn("Could not look up {} in team {}: {}", personId, teamId, e.getMessage());
            return "You haven't checked in with <@" + personId + "> yet, so there is no history to show.";
        }
        if (person.isEmpty()) {
            return "I can't find that person in this workspace. Pick them from Slack's list as you type `@`.";
        }
        if (person.get().bot()) {
            return "<@" + personId + "> is a bot: there are no check-ins with bots, so no history.";
        }
        return "You haven't checked in with <@" + personId + "> yet, so there is no history to show. "
                + "Start one with `/alliance start`.";
    }
}

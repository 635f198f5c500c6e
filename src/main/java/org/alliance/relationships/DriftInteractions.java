package org.alliance.relationships;

import java.util.List;
import java.util.regex.Pattern;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stop tracking, under a drift alert. It stops only the clicker's own relationship, so whoever
 * clicks can never change another leader's people; a second click is answered, not failed.
 */
@Component
class DriftInteractions {

    private static final Logger log = LoggerFactory.getLogger(DriftInteractions.class);
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

    private final Relationships relationships;
    private final SlackApi api;
    private final SlackWork work;
    private final Replies replies;

    DriftInteractions(Relationships relationships, SlackApi api, SlackWork work, Replies replies) {
        this.relationships = relationships;
        this.api = api;
        this.work = work;
        this.replies = replies;
    }

    Response stopTracking(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        String leaderId = p.getUser().getId();
        String memberId = p.getActions().get(0).getValue();
        if (memberId == null || !USER_ID.matcher(memberId).matches()) {
            tell(teamId, p, "Sorry, I couldn't read that button. Please try again from a newer message.");
            return ctx.ack();
        }
        if (relationships.stopTracking(teamId, leaderId, memberId)) {
            tell(teamId, p, DriftMessages.stoppedReply(memberId));
            work.run("updating the drift alert of " + leaderId, () -> updateAlert(teamId, p, memberId));
        } else if (relationships.find(teamId, leaderId, memberId).isPresent()) {
            tell(teamId, p, DriftMessages.alreadyStopped(memberId));
        } else {
            tell(teamId, p, DriftMessages.notYours(memberId));
        }
        return ctx.ack();
    }

    /** Best effort: the confirmation has gone out anyway. */
    private void updateAlert(String teamId, BlockActionPayload p, String memberId) {
        String channelId = channelOf(p);
        List<LayoutBlock> blocks = p.getMessage() == null ? null : p.getMessage().getBlocks();
        if (channelId == null || blocks == null || blocks.isEmpty()) {
            return;
        }
        String ts = p.getContainer() != null && p.getContainer().getMessageTs() != null
                ? p.getContainer().getMessageTs() : p.getMessage().getTs();
        var response = api.call(teamId, channelId, "chat.update", c -> c.chatUpdate(b -> b.channel(channelId).ts(ts)
                .text(p.getMessage().getText()).blocks(DriftMessages.stopped(blocks, memberId))));
        if (!response.isOk()) {
            log.info("Could not update the drift alert in {}: {}", channelId, response.getError());
        }
    }

    /** Only the person who clicked sees it: where they clicked, or in a DM when that is not possible. */
    private void tell(String teamId, BlockActionPayload p, String message) {
        String userId = p.getUser().getId();
        String channelId = channelOf(p);
        work.run("answering a Stop tracking click of " + userId, () -> replies.ephemeral(teamId, channelId, userId,
                message));
    }

    private static String channelOf(BlockActionPayload p) {
        if (p.getContainer() != null && p.getContainer().getChannelId() != null) {
            return p.getContainer().getChannelId();
        }
        return p.getChannel() == null ? null : p.getChannel().getId();
    }
}

package org.alliance.checkin;

import java.util.Optional;
import java.util.function.Function;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackWork;
import org.springframework.stereotype.Component;

/** The read buttons in Slack: acked at once, the reading recorded and told after. */
@Component
class ReadReceiptActions {

    private final ReadReceipts receipts;
    private final SlackWork work;
    private final Replies replies;

    ReadReceiptActions(ReadReceipts receipts, SlackWork work, Replies replies) {
        this.receipts = receipts;
        this.work = work;
        this.replies = replies;
    }

    com.slack.api.bolt.response.Response answer(BlockActionRequest req, ActionContext ctx) {
        return handle(req, ctx, receipts::answer, "marking an answer as read");
    }

    com.slack.api.bolt.response.Response summary(BlockActionRequest req, ActionContext ctx) {
        return handle(req, ctx, receipts::summary, "marking an anonymous summary as read");
    }

    private com.slack.api.bolt.response.Response handle(BlockActionRequest req, ActionContext ctx,
                                                        Function<ReadReceipts.Click, Optional<String>> action,
                                                        String what) {
        BlockActionPayload p = req.getPayload();
        String channelId = p.getContainer() != null && p.getContainer().getChannelId() != null
                ? p.getContainer().getChannelId() : p.getChannel() == null ? null : p.getChannel().getId();
        String ts = p.getContainer() != null && p.getContainer().getMessageTs() != null
                ? p.getContainer().getMessageTs() : p.getMessage() == null ? null : p.getMessage().getTs();
        ReadReceipts.Click click = new ReadReceipts.Click(p.getTeam().getId(), p.getUser().getId(),
                p.getActions().get(0).getValue(), channelId, ts,
                p.getMessage() == null ? null : p.getMessage().getText(),
                p.getMessage() == null ? null : p.getMessage().getBlocks());
        String responseUrl = p.getResponseUrl();
        work.run(what + " (" + click.value() + ")", () -> action.apply(click).ifPresent(text -> {
            if (responseUrl != null) {
                replies.viaResponseUrl(responseUrl, text);
            } else {
                replies.ephemeral(click.teamId(), channelId, click.userId(), text);
            }
        }));
        return ctx.ack();
    }
}

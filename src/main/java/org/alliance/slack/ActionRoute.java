package org.alliance.slack;

import java.io.IOException;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;

/**
 * A feature's handler for one button or menu, by its action id. Features declare these as beans;
 * {@link SlackRoutes} registers them all with the Bolt app. Must ack within 3 seconds: slow work
 * goes to {@link SlackWork}.
 */
public interface ActionRoute {

    String actionId();

    Response handle(BlockActionRequest request, ActionContext ctx) throws IOException, SlackApiException;

    static ActionRoute of(String actionId, BlockActionHandler handler) {
        return new ActionRoute() {
            @Override
            public String actionId() {
                return actionId;
            }

            @Override
            public Response handle(BlockActionRequest request, ActionContext ctx) throws IOException, SlackApiException {
                return handler.apply(request, ctx);
            }
        };
    }
}

package org.alliance.slack;

import java.io.IOException;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;

/** A feature's handler for one modal's submission, by the view's callback id. See {@link ActionRoute}. */
public interface SubmissionRoute {

    String callbackId();

    Response handle(ViewSubmissionRequest request, ViewSubmissionContext ctx) throws IOException, SlackApiException;

    static SubmissionRoute of(String callbackId, ViewSubmissionHandler handler) {
        return new SubmissionRoute() {
            @Override
            public String callbackId() {
                return callbackId;
            }

            @Override
            public Response handle(ViewSubmissionRequest request, ViewSubmissionContext ctx)
                    throws IOException, SlackApiException {
                return handler.apply(request, ctx);
            }
        };
    }
}

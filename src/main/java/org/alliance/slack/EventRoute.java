package org.alliance.slack;

import java.io.IOException;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.event.Event;

/**
 * A feature's handler for one type of Events API event. Bolt keeps one handler per type, so two
 * features claiming the same type is a start-up error, not a silently lost event.
 */
public interface EventRoute<E extends Event> {

    Class<E> eventType();

    Response handle(EventsApiPayload<E> payload, EventContext ctx) throws IOException, SlackApiException;

    static <E extends Event> EventRoute<E> of(Class<E> eventType, BoltEventHandler<E> handler) {
        return new EventRoute<>() {
            @Override
            public Class<E> eventType() {
                return eventType;
            }

            @Override
            public Response handle(EventsApiPayload<E> payload, EventContext ctx) throws IOException, SlackApiException {
                return handler.apply(payload, ctx);
            }
        };
    }
}

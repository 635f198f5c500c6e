package org.alliance.slack;

import java.util.List;

import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.UserChangeEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bolt keeps one handler per id or event type, so two claims on one are a start-up error, not a lost click. */
class SlackRoutesTest {

    private static SlackRoutes routes(List<ActionRoute> actions, List<SubmissionRoute> submissions,
                                      List<EventRoute<?>> events) {
        return new SlackRoutes(new CommandRouter(List.of()), actions, submissions, events, null, null, null);
    }

    @Test
    void distinctRoutesAreFine() {
        assertThatCode(() -> routes(List.of(ActionRoute.of("a", (r, c) -> c.ack()), ActionRoute.of("b", (r, c) -> c.ack())),
                List.of(SubmissionRoute.of("s", (r, c) -> c.ack())),
                List.of(EventRoute.of(AppMentionEvent.class, (p, c) -> c.ack())))).doesNotThrowAnyException();
    }

    @Test
    void twoHandlersForOneActionIdAreRefused() {
        assertThatThrownBy(() -> routes(List.of(ActionRoute.of("same", (r, c) -> c.ack()),
                ActionRoute.of("same", (r, c) -> c.ack())), List.of(), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("action id same");
    }

    @Test
    void twoHandlersForOneModalAreRefused() {
        assertThatThrownBy(() -> routes(List.of(), List.of(SubmissionRoute.of("form", (r, c) -> c.ack()),
                SubmissionRoute.of("form", (r, c) -> c.ack())), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("view callback id form");
    }

    @Test
    void aFeatureCannotClaimAnEventTheAdapterHandles() {
        assertThatThrownBy(() -> routes(List.of(), List.of(),
                List.of(EventRoute.of(UserChangeEvent.class, (p, c) -> c.ack()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("UserChangeEvent");
        assertThatThrownBy(() -> routes(List.of(), List.of(), List.of(EventRoute.of(AppMentionEvent.class,
                (p, c) -> c.ack()), EventRoute.of(AppMentionEvent.class, (p, c) -> c.ack()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("event type");
    }
}

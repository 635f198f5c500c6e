package org.alliance.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * Log lines written while a Slack request is handled, and by the work it leaves for after the ack,
 * carry the request's team id; nothing of it is left on a thread that goes back to its pool.
 */
class LogContextTest {

    // Nothing here reaches Slack: the replies are only used when the database is unreachable.
    private final SlackWork work = new SlackWork(mock(Replies.class), new SlackWorkSettings(null),
            new SlackMetrics(new SimpleMeterRegistry()));

    @AfterEach
    void stop() throws InterruptedException {
        work.destroy();
        MDC.clear();
    }

    @Test
    void aRequestsTeamIdTagsItsHandlingAndIsGoneAfterwards() throws Exception {
        List<String> seen = new ArrayList<>();
        SlashCommandRequest request = new SlashCommandRequest(
                "token=x&team_id=T0LOGS&user_id=U0ALICE&command=%2Falliance&text=help", new RequestHeaders(Map.of()));

        Response response = new RequestLogContext().apply(request, Response.ok(), req -> {
            seen.add(MDC.get("team.id"));
            return Response.ok();
        });

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(seen).containsExactly("T0LOGS");
        assertThat(MDC.getCopyOfContextMap()).as("the servlet thread goes back clean").isNullOrEmpty();
    }

    @Test
    void whatTheThreadHadBeforeTheRequestIsBackAfterIt() throws Exception {
        MDC.put("team.id", "T0OUTER");
        SlashCommandRequest request = new SlashCommandRequest("team_id=T0INNER&user_id=U0A&command=%2Falliance",
                new RequestHeaders(Map.of()));
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> new RequestLogContext().apply(request, Response.ok(), req -> {
            seen.add(MDC.get("team.id"));
            throw new IllegalStateException("the handler failed");
        })).hasMessage("the handler failed");

        assertThat(seen).containsExactly("T0INNER");
        assertThat(MDC.get("team.id")).isEqualTo("T0OUTER");
    }

    @Test
    void workAfterTheAckLogsWithTheSubmittersContextAndLeavesNothingBehind() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SlackWork.class);
        logger.addAppender(logged);
        try {
            MDC.put("team.id", "T0LOGS");
            MDC.put("checkin.id", "C0FFEE");
            CompletableFuture<Map<String, String>> inside = new CompletableFuture<>();
            work.run("sharing an answer", () -> {
                inside.complete(MDC.getCopyOfContextMap());
                throw new IllegalStateException("Slack said no");
            });
            MDC.clear();

            assertThat(inside.get(10, TimeUnit.SECONDS))
                    .containsEntry("team.id", "T0LOGS").containsEntry("checkin.id", "C0FFEE");
            // The work's failure is logged from the worker thread, and says whose work it was.
            ILoggingEvent failure = awaitEvent(logged);
            assertThat(failure.getFormattedMessage()).contains("sharing an answer failed");
            assertThat(failure.getMDCPropertyMap())
                    .containsEntry("team.id", "T0LOGS").containsEntry("checkin.id", "C0FFEE");

            // Whatever pooled thread runs the next pieces of work, none of them sees the earlier context.
            List<CompletableFuture<Map<String, String>>> later = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                CompletableFuture<Map<String, String>> next = new CompletableFuture<>();
                work.run("later work", () -> next.complete(MDC.getCopyOfContextMap()));
                later.add(next);
            }
            for (CompletableFuture<Map<String, String>> next : later) {
                assertThat(next.get(10, TimeUnit.SECONDS)).isNullOrEmpty();
            }
        } finally {
            logger.detachAppender(logged);
        }
    }

    private static ILoggingEvent awaitEvent(ListAppender<ILoggingEvent> logged) throws InterruptedException {
        for (int i = 0; i < 100 && logged.list.isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(logged.list).isNotEmpty();
        return logged.list.get(0);
    }
}

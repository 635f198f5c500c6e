package org.alliance.slack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP-mode endpoint. Every request gets a sane answer: 503 while Slack is not usable
 * (settings missing, token rejected), 413 above the body limit and 401 unless Slack signed it
 * within the last five minutes, all decided on the raw bytes before anything parses them; 400
 * for a signed body Bolt can't read; and never a 5xx or a stack trace for one a handler choked on
 * ({@link FailSafeAnswers}); while the database is unreachable, "try again in a minute", and 503 for
 * an event so that Slack delivers it again ({@link OutageAnswers}).
 *
 * <p>The signature is checked here and only here (Bolt's own check is off, see {@link SlackConfig}), and
 * the bytes read for it are parsed as they are: a request costs one HMAC and one parse.
 */
class SlackEventsServlet extends HttpServlet {

    /** Slack's own payloads stay far below this; anything bigger is not from Slack. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

    private final transient App app;
    private final transient SlackAppServletAdapter adapter;
    private final transient SlackRequestParser parser;
    private final transient SlackConnection connection;
    private final transient RequestSignature signature;
    private final transient OutageAnswers failures;
    // Freshness is Slack's wall clock, not the app's Clock, which tests move through weeks.
    private final transient Clock wallClock = Clock.systemUTC();

    SlackEventsServlet(App app, SlackConnection connection, String signingSecret, OutageAnswers failures) {
        this.app = app;
        this.failures = failures;
        this.adapter = new SlackAppServletAdapter(app.config());
        this.parser = new SlackRequestParser(app.config());
        this.connection = connection;
        this.signature = signingSecret.isEmpty() ? null : new RequestSignature(signingSecret);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SlackConnection.State state = connection.state();
        if (!state.ready() || !connection.httpEnabled() || signature == null) {
            String why = state.ready() ? "SLACK_SIGNING_SECRET is not set, so HTTP requests cannot be verified"
                    : state.detail();
            refuse(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "slack_not_ready", why);
            return;
        }
        long declared = req.getContentLengthLong();
        byte[] body = declared > MAX_BODY_BYTES ? null : readCapped(req.getInputStream(), declared);
        if (body == null) {
            log.info("Refused a request to /slack/events: body over {} bytes", MAX_BODY_BYTES);
            refuse(resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "payload_too_large", null);
            return;
        }
        RequestSignature.Verdict verdict = signature.check(req.getHeader("X-Slack-Request-Timestamp"),
                req.getHeader("X-Slack-Signature"), body, wallClock.instant());
        if (verdict != RequestSignature.Verdict.VALID) {
            log.info("Refused a request to /slack/events: {} ({} bytes)", verdict.why, body.length);
            refuse(resp, HttpServletResponse.SC_UNAUTHORIZED, "invalid_request", null);
            return;
        }
        Request<?> slackRequest;
        try {
            slackRequest = parse(req, body);
        } catch (RuntimeException e) {
            slackRequest = null;
        }
        if (slackRequest == null) {
            log.info("Refused a signed request to /slack/events: not a payload Slack sends ({} bytes)", body.length);
            refuse(resp, HttpServletResponse.SC_BAD_REQUEST, "unreadable_payload", null);
            return;
        }
        Response response = run(slackRequest);
        if (response == null) {
            // An event that could not be stored now: Slack delivers it again in a minute, and again after five.
            refuse(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "database_unavailable", null);
            return;
        }
        adapter.writeResponse(resp, response);
    }

    private Response run(Request<?> slackRequest) {
        try {
            Response response = app.run(slackRequest);
            return response.getStatusCode() != null && response.getStatusCode() >= 500
                    ? FailSafeAnswers.answer(slackRequest) : response;
        } catch (Exception e) {
            return failures.answer(slackRequest, e);
        }
    }

    /** What Bolt's servlet adapter builds, from the bytes already read instead of reading the body again. */
    private Request<?> parse(HttpServletRequest req, byte[] body) {
        return parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(req.getRequestURI())
                .queryString(QueryStringParser.toMap(req.getQueryString()))
                .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(req)))
                .requestBody(new String(body, StandardCharsets.UTF_8))
                .remoteAddress(req.getRemoteAddr())
                .build());
    }

    /**
     * The body, or null when it is longer than the limit (a missing or lying Content-Length included).
     * A declared length sizes the read, so a small request costs a small buffer.
     */
    private static byte[] readCapped(InputStream in, long declared) throws IOException {
        if (declared >= 0) {
            byte[] body = in.readNBytes((int) declared);
            return in.read() == -1 ? body : null;
        }
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void refuse(HttpServletResponse resp, int status, String error, String detail) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.getWriter().write("{\"error\":\"" + error + "\""
                + (detail == null ? "" : ",\"detail\":\"" + jsonEscape(detail) + "\"") + "}");
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

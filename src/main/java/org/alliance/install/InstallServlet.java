package org.alliance.install;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.app_backend.oauth.payload.VerificationCodePayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.OAuthCallbackService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /slack/install} (a page with an "Add to Slack" link carrying a fresh state) and
 * {@code GET /slack/oauth_redirect} (where Slack sends the installer back), with Bolt doing the
 * OAuth work and this bot writing the pages.
 */
class InstallServlet extends HttpServlet {

    static final String INSTALL_PATH = "/slack/install";
    static final String REDIRECT_PATH = "/slack/oauth_redirect";
    private static final Logger log = LoggerFactory.getLogger(InstallServlet.class);

    private final transient App app;
    private final transient OAuthStates states;
    private final transient OAuthCallbackService callbacks;

    InstallServlet(App app, OAuthStates states, OAuthCallbackService callbacks) {
        this.app = app;
        this.states = states;
        this.callbacks = callbacks;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (callbacks == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (REDIRECT_PATH.equals(req.getServletPath())) {
            redirect(req, resp);
        } else {
            install(resp);
        }
    }

    private void install(HttpServletResponse resp) throws IOException {
        Response bolt = Response.builder().statusCode(200).headers(new HashMap<>()).build();
        String state;
        try {
            state = states.issueNewState(null, bolt);
        } catch (Exception e) {
            log.warn("Could not issue an OAuth state: {}", e.getMessage());
            InstallPages.write(resp, InstallPages.failed(503, "The bot can't start an install right now (its database"
                    + " did not answer). Please try again in a minute."), List.of());
            return;
        }
        InstallPages.write(resp, InstallPages.install(app.buildAuthorizeUrl(state)), cookies(bolt));
    }

    private void redirect(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, List<String>> query = new HashMap<>();
        req.getParameterMap().forEach((name, values) -> query.put(name, new ArrayList<>(List.of(values))));
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        OAuthCallbackRequest request = new OAuthCallbackRequest(query, "", VerificationCodePayload.from(query),
                new RequestHeaders(headers));
        // Without this the context's client would talk to slack.com, not to SLACK_API_URL.
        request.getContext().setSlack(app.slack());
        Response answer = callbacks.handle(request);
        InstallPages.SAFE_HEADERS.forEach(resp::setHeader);
        cookies(answer).forEach(c -> resp.addHeader("Set-Cookie", c));
        resp.setStatus(answer.getStatusCode() == null || answer.getStatusCode() >= 500 && answer.getStatusCode() != 503
                ? 503 : answer.getStatusCode());
        resp.setContentType("text/html; charset=utf-8");
        resp.getWriter().write(answer.getBody() == null ? "" : answer.getBody());
    }

    private static List<String> cookies(Response response) {
        List<String> cookies = response.getHeaders() == null ? null : response.getHeaders().get("Set-Cookie");
        return cookies == null ? List.of() : cookies;
    }
}

package org.alliance.slack;

import java.io.IOException;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP-mode endpoint. While Slack is not usable (settings missing, token rejected) it
 * answers 503 with the reason instead of letting Bolt fail every request with a 500.
 */
class SlackEventsServlet extends HttpServlet {

    private final transient SlackAppServlet bolt;
    private final transient SlackConnection connection;

    SlackEventsServlet(App app, SlackConnection connection) {
        this.bolt = new SlackAppServlet(app);
        this.connection = connection;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        SlackConnection.State state = connection.state();
        if (!state.ready() || !connection.httpEnabled()) {
            resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            resp.setContentType("application/json");
            String why = state.ready() ? "SLACK_SIGNING_SECRET is not set, so HTTP requests cannot be verified"
                    : state.detail();
            resp.getWriter().write("{\"error\":\"slack_not_ready\",\"detail\":\"" + jsonEscape(why) + "\"}");
            return;
        }
        bolt.service((ServletRequest) req, (ServletResponse) resp);
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

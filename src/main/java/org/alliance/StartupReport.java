package org.alliance;

import org.alliance.persistence.DatabaseDescription;
import org.alliance.slack.SlackConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One line that tells an operator how this instance is wired. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final SlackConnection slack;
    private final DatabaseDescription database;
    private final Environment environment;

    StartupReport(SlackConnection slack, DatabaseDescription database, Environment environment) {
        this.slack = slack;
        this.database = database;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        log.info(line());
    }

    String line() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String mode = slack.socketMode() ? "Socket Mode" : "HTTP mode (POST /slack/events on port " + port + ")";
        String workspace = slack.state().workspace()
                .orElse(slack.state().ready() ? slack.state().detail() : "none (" + slack.state().name() + ": " + slack.state().detail() + ")");
        return "Alliance started: " + mode + "; database: " + database + "; workspace: " + workspace;
    }
}

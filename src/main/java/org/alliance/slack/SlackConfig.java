package org.alliance.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SlackConfig {

    static final String EVENTS_PATH = "/slack/events";

    @Bean(destroyMethod = "close")
    Slack slack(SlackSettings settings) {
        com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        // Slack adds fields over time; an unknown one must never break a running bot.
        config.setFailOnUnknownProperties(false);
        config.setPrettyResponseLoggingEnabled(false);
        // The SDK's metrics make hidden auth.test calls per token, which hide the start-up check's result.
        config.setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    @Bean
    App boltApp(SlackSettings settings, Slack slack, SlackRoutes routes, SlackMetrics metrics) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken().isEmpty() ? null : settings.botToken())
                .signingSecret(settings.signingSecret().isEmpty() ? null : settings.signingSecret())
                .build();
        App app = new App(config);
        app.use(new AckTiming(metrics));
        app.use(new RequestLogContext());
        routes.register(app);
        return app;
    }

    @Bean
    ServletRegistrationBean<SlackEventsServlet> slackEventsServlet(App app, SlackConnection connection,
                                                                   SlackSettings settings) {
        return new ServletRegistrationBean<>(new SlackEventsServlet(app, connection, settings.signingSecret()),
                EVENTS_PATH);
    }
}

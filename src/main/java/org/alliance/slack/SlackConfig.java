package org.alliance.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.service.InstallationService;
import org.alliance.install.OAuthSettings;
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
    App boltApp(SlackSettings settings, Slack slack, SlackRoutes routes, OAuthSettings oauth,
                InstallationService installations) {
        AppConfig.AppConfigBuilder config = AppConfig.builder()
                .slack(slack)
                .signingSecret(settings.signingSecret().isEmpty() ? null : settings.signingSecret())
                // SlackEventsServlet checks every HTTP request's signature on the raw bytes (401 before any
                // parse), the same v0 check with the same 5 minutes; Bolt's second HMAC per request bought
                // nothing. Socket Mode requests come over the socket the app token opened, never signed.
                .requestVerificationEnabled(false);
        if (oauth.enabled()) {
            // Each request's token is found from its workspace (or org) among the installs; auth.test
            // answers are cached so that a request does not wait for one each time.
            config.clientId(oauth.clientId()).clientSecret(oauth.clientSecret()).scope(OAuthSettings.BOT_SCOPES)
                    .userScope(null).redirectUri(oauth.redirectUri().isEmpty() ? null : oauth.redirectUri())
                    .authTestCacheEnabled(true);
        } else {
            // Set, not left to Bolt, which would read SLACK_CLIENT_ID from the environment itself.
            config.singleTeamBotToken(settings.botToken().isEmpty() ? null : settings.botToken())
                    .clientId(null).clientSecret(null);
        }
        App app = new App(config.build());
        if (oauth.enabled()) {
            app.service(installations);
        }
        routes.register(app);
        return app;
    }

    @Bean
    ServletRegistrationBean<SlackEventsServlet> slackEventsServlet(App app, SlackConnection connection,
                                                                   SlackSettings settings, OutageAnswers failures) {
        return new ServletRegistrationBean<>(new SlackEventsServlet(app, connection, settings.signingSecret(),
                failures), EVENTS_PATH);
    }
}

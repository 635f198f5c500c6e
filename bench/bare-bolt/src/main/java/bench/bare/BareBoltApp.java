package bench.bare;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/** One Bolt app with signature checks answering /alliance, as small as a Slack bot on Spring Boot gets. */
@SpringBootApplication
public class BareBoltApp {

    public static void main(String[] args) {
        SpringApplication.run(BareBoltApp.class, args);
    }

    @Bean
    App app(@Value("${SLACK_BOT_TOKEN}") String token, @Value("${SLACK_SIGNING_SECRET}") String secret,
            @Value("${SLACK_API_URL:https://slack.com/api/}") String apiUrl) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
        slackConfig.setStatsEnabled(false);
        App app = new App(AppConfig.builder().slack(Slack.getInstance(slackConfig))
                .singleTeamBotToken(token).signingSecret(secret).build());
        app.command("/alliance", (req, ctx) -> {
            String text = req.getPayload().getText() == null ? "" : req.getPayload().getText().trim();
            if (text.startsWith("start")) {
                return ctx.ack("Starting your check-in…");
            }
            return ctx.ack("*Alliance* — `/alliance start @people` starts a check-in; `/alliance help` shows this.");
        });
        return app;
    }

    @Bean
    ServletRegistrationBean<SlackAppServlet> slackEvents(App app) {
        return new ServletRegistrationBean<>(new SlackAppServlet(app), "/slack/events");
    }
}

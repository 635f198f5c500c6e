package archfixture.checkin;

import archfixture.slack.Routes;
import com.slack.api.model.User;

/** Broken on purpose: a domain record that holds a Slack type, and a feature that uses its infrastructure. */
public record Visit(String userId, User slackUser) {

    String via(Routes routes) {
        return routes.route(this);
    }
}

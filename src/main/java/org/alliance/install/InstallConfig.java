package org.alliance.install;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import com.slack.api.bolt.App;
import com.slack.api.bolt.service.InstallationService;
import org.alliance.workspace.Workspaces;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InstallConfig {

    @Bean
    Installations installations(InstallationRepository repository, EncryptionSettings encryption,
                                OAuthSettings oauth, Clock clock, ApplicationEventPublisher events) {
        if (oauth.enabled() && encryption.key().isEmpty()) {
            throw new InstallStartFailure(InstallStartFailure.NO_KEY, InstallStartFailure.NO_KEY_ACTION);
        }
        TokenCipher cipher = encryption.key().isEmpty() ? null : new TokenCipher(encryption.key(), encryption.oldKeyList());
        return new Installations(repository, cipher, oauth, clock, events);
    }

    /** Bolt's store of installs; the Slack adapter hands it to the Bolt app in distribution mode. */
    @Bean
    InstallationService installationService(Installations installations) {
        return new MongoInstallationService(installations);
    }

    @Bean
    ServletRegistrationBean<InstallServlet> installServlet(OAuthSettings oauth, App app, MongoDatabase database,
                                                           InstallationService installations, Workspaces workspaces,
                                                           Installations stored, Clock clock) {
        InstallServlet servlet = null;
        if (oauth.enabled()) {
            OAuthStates states = new OAuthStates(database, oauth.stateSecret(), clock);
            servlet = new InstallServlet(app, states,
                    InstallFlow.callbackService(app.config(), states, installations, stored, workspaces));
        }
        // Without distribution the paths answer 404, as any unknown path does.
        return new ServletRegistrationBean<>(servlet == null ? new InstallServlet(null, null, null) : servlet,
                InstallServlet.INSTALL_PATH, InstallServlet.REDIRECT_PATH);
    }
}

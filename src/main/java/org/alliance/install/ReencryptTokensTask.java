package org.alliance.install;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --alliance.task=reencrypt-tokens}: seals every stored token under the current
 * ALLIANCE_ENCRYPTION_KEY, then exits, so that the old keys can be dropped from
 * ALLIANCE_ENCRYPTION_OLD_KEYS. Safe next to running instances: each token is replaced only if it
 * is still the one read.
 */
@Component
@ConditionalOnProperty(name = "alliance.task", havingValue = "reencrypt-tokens")
class ReencryptTokensTask implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReencryptTokensTask.class);

    private final Installations installations;
    private final ConfigurableApplicationContext context;

    ReencryptTokensTask(Installations installations, ConfigurableApplicationContext context) {
        this.installations = installations;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = 0;
        try {
            int changed = installations.reencryptAll();
            log.info("reencrypt-tokens: {} of {} install(s) re-encrypted under the current key; every token now uses it",
                    changed, installations.count());
        } catch (RuntimeException e) {
            log.error("reencrypt-tokens failed: {}", e.getMessage());
            status = 1;
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}

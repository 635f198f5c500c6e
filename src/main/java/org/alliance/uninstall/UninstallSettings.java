package org.alliance.uninstall;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param afterUninstall how long a workspace's data is kept after it uninstalled the app (so a
 *                       reinstall picks up where it left off) before it is purged
 */
@ConfigurationProperties("alliance.retention")
record UninstallSettings(Duration afterUninstall) {

    @ConstructorBinding
    UninstallSettings {
        afterUninstall = afterUninstall == null ? Duration.ofDays(30) : afterUninstall;
        if (afterUninstall.isNegative()) {
            throw new IllegalArgumentException("alliance.retention.after-uninstall can't be negative, e.g. P30D");
        }
    }
}

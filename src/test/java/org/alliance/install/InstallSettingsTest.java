package org.alliance.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallSettingsTest {

    @Test
    @SuppressWarnings("unchecked")
    void theInstallLinkAsksForTheScopesManifestYmlAsksFor() throws IOException {
        Map<String, Object> manifest = new Yaml().load(Files.readString(Path.of("manifest.yml")));
        Map<String, Object> scopes = (Map<String, Object>) ((Map<String, Object>) manifest.get("oauth_config")).get("scopes");

        assertThat(List.of(OAuthSettings.BOT_SCOPES.split(","))).containsExactlyElementsOf((List<String>) scopes.get("bot"));
    }

    @Test
    void distributionNeedsAllThreeCredentialsOrNone() {
        assertThat(new OAuthSettings("", "", "", "").enabled()).isFalse();
        assertThat(new OAuthSettings(null, null, null, null).enabled()).isFalse();
        assertThat(new OAuthSettings("id", "secret", "state", "").enabled()).isTrue();
        assertThatThrownBy(() -> new OAuthSettings("id", "secret", "", ""))
                .hasMessageStartingWith("SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together");
        assertThat(new OAuthSettings("id", "secret", "state", "").toString()).doesNotContain("secret", "state,");
    }
}

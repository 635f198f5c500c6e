package org.alliance.install;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import org.alliance.support.InMemoryMongo;
import org.alliance.support.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstallPersonalDataTest {

    private final MongoDatabase database = InMemoryMongo.freshDatabase();
    private final Installations installations = new Installations(new InstallationRepository(database),
            new TokenCipher(TokenCipherTest.KEY, List.of()), new OAuthSettings("id", "secret", "state", ""),
            new MutableClock(Instant.parse("2025-03-03T10:00:00Z")));
    private final InstallPersonalData data = new InstallPersonalData(database);

    @Test
    @SuppressWarnings("unchecked")
    void theInstallerIsExportedAndForgottenButTheInstallKeepsWorking() {
        MongoInstallationService bolt = new MongoInstallationService(installations);
        bolt.saveInstallerAndBot(DefaultInstaller.builder().teamId("T1").teamName("Acme").botUserId("UBOT")
                .botAccessToken("xoxb-one").installerUserId("U0ANA").installedAt(1L).build());
        bolt.saveInstallerAndBot(DefaultInstaller.builder().teamId("T2").teamName("Other").botUserId("UBOT")
                .botAccessToken("xoxb-two").installerUserId("U0ANA").installedAt(1L).build());

        assertThat((Map<String, Object>) data.export("T1", "U0ANA")).containsEntry("installedTheAppIn", "Acme")
                .containsKey("installedAt");
        assertThat(data.export("T1", "U0BEN")).isNull();

        assertThat(data.erase("T1", "U0ANA", "erased-x").counts()).containsEntry("installs made anonymous", 1L);

        assertThat(database.getCollection("installations").find(new Document("_id", "T1")).first())
                .containsEntry("installerUserId", "erased-x");
        assertThat(database.getCollection("installations").find(new Document("_id", "T2")).first())
                .containsEntry("installerUserId", "U0ANA");
        assertThat(installations.botToken("T1")).contains("xoxb-one");
    }
}

package org.alliance.install;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import org.alliance.support.InMemoryMongo;
import org.alliance.support.MutableClock;
import org.alliance.workspace.WorkspaceUninstalled;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstallationsTest {

    private static final OAuthSettings OAUTH = new OAuthSettings("id", "secret", "state", "");

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
    private final MongoDatabase database = InMemoryMongo.freshDatabase();
    private final InstallationRepository repository = new InstallationRepository(database);

    private Installations installations(String key, String... old) {
        return new Installations(repository, new TokenCipher(key, List.of(old)), OAUTH, clock);
    }

    private static DefaultInstaller workspace(String teamId, String token, String refresh, Long expiresAt) {
        return DefaultInstaller.builder().teamId(teamId).teamName("Team " + teamId).botUserId("UBOT").botId("B1")
                .botAccessToken(token).botRefreshToken(refresh).botTokenExpiresAt(expiresAt)
                .installerUserId("U0INSTALLER").installedAt(1L).isEnterpriseInstall(false).build();
    }

    @Test
    void storesTokensOnlyEncryptedAndGivesEachWorkspaceItsOwn() {
        Installations installations = installations(TokenCipherTest.KEY);
        MongoInstallationService bolt = new MongoInstallationService(installations);
        bolt.saveInstallerAndBot(workspace("T1", "xoxb-one", "xoxe-refresh-one", 1_000L));
        bolt.saveInstallerAndBot(workspace("T2", "xoxb-two", null, null));

        String raw = database.getCollection("installations").find().into(new java.util.ArrayList<Document>()).toString();
        assertThat(raw).contains("T1", "T2", "keyId").doesNotContain("xoxb-one", "xoxb-two", "xoxe-refresh-one");
        assertThat(installations.botToken("T1")).contains("xoxb-one");
        assertThat(installations.botToken("T2")).contains("xoxb-two");
        assertThat(installations.botToken("T3")).isEmpty();
        Bot bot = bolt.findBot(null, "T1");
        assertThat(bot.getBotAccessToken()).isEqualTo("xoxb-one");
        assertThat(bot.getBotRefreshToken()).isEqualTo("xoxe-refresh-one");
        assertThat(bot.getBotTokenExpiresAt()).isEqualTo(1_000L);
        assertThat(installations.count()).isEqualTo(2);
    }

    @Test
    void anOrgWideInstallServesTheOrgsWorkspacesByEnterpriseId() {
        Installations installations = installations(TokenCipherTest.KEY);
        MongoInstallationService bolt = new MongoInstallationService(installations);
        bolt.saveInstallerAndBot(DefaultInstaller.builder().enterpriseId("E1").enterpriseName("Org").isEnterpriseInstall(true)
                .botUserId("UBOT").botAccessToken("xoxb-org").installedAt(1L).build());

        assertThat(installations.botToken("T9")).as("not yet known to belong to E1").isEmpty();
        assertThat(bolt.findBot("E1", "T9").getBotAccessToken()).isEqualTo("xoxb-org");
        assertThat(bolt.findBot("E2", "T9")).isNull();
        clock.advance(Installations.CACHE_FOR);
        assertThat(installations.botToken("T9")).as("a job for T9 after a request from it").contains("xoxb-org");
    }

    @Test
    void aTokenUnderAnOldKeyIsReencryptedWhenUsedAndTheTaskDoesTheRest() {
        MongoInstallationService before = new MongoInstallationService(installations(TokenCipherTest.KEY));
        before.saveInstallerAndBot(workspace("T1", "xoxb-one", "xoxe-one", 5L));
        before.saveInstallerAndBot(workspace("T2", "xoxb-two", null, null));
        Installations after = installations(TokenCipherTest.OTHER, TokenCipherTest.KEY);
        String newKeyId = new TokenCipher(TokenCipherTest.OTHER, List.of()).currentKeyId();

        assertThat(after.botToken("T1")).contains("xoxb-one");
        assertThat(keyIds("T1")).containsExactly(newKeyId, newKeyId);
        assertThat(keyIds("T2")).doesNotContain(newKeyId);

        assertThat(after.reencryptAll()).isEqualTo(1);
        assertThat(keyIds("T2")).containsExactly(newKeyId);
        assertThat(after.reencryptAll()).isZero();
        Installations onlyNewKey = installations(TokenCipherTest.OTHER);
        assertThat(onlyNewKey.botToken("T2")).contains("xoxb-two");
        assertThat(new MongoInstallationService(onlyNewKey).findBot(null, "T1").getBotRefreshToken()).isEqualTo("xoxe-one");
    }

    @Test
    void rotationFindsExpiringTokensAndStoresTheNewPair() {
        Installations installations = installations(TokenCipherTest.KEY);
        MongoInstallationService bolt = new MongoInstallationService(installations);
        Instant soon = clock.instant().plus(Duration.ofHours(1));
        bolt.saveInstallerAndBot(workspace("T1", "xoxb-one", "xoxe-one", soon.toEpochMilli()));
        bolt.saveInstallerAndBot(workspace("T2", "xoxb-two", "xoxe-two", soon.plus(Duration.ofHours(11)).toEpochMilli()));
        bolt.saveInstallerAndBot(workspace("T3", "xoxb-three", null, null));

        List<Installations.ExpiringToken> expiring = installations.expiringBefore(clock.instant().plus(Duration.ofHours(2)));
        assertThat(expiring).extracting(Installations.ExpiringToken::installId, Installations.ExpiringToken::refreshToken)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T1", "xoxe-one"));
        assertThat(expiring.toString()).doesNotContain("xoxe");

        assertThat(installations.botToken("T1")).contains("xoxb-one");
        assertThat(installations.rotated("T1", "xoxb-new", "xoxe-new", soon.plus(Duration.ofHours(12)))).isTrue();
        assertThat(installations.botToken("T1")).as("not the cached old one").contains("xoxb-new");
        assertThat(installations.expiringBefore(clock.instant().plus(Duration.ofHours(2)))).isEmpty();
        assertThat(installations.rotated("T9", "xoxb-x", "xoxe-x", soon)).isFalse();
    }

    @Test
    void uninstallingDeletesTheWorkspacesTokenAtOnce() {
        Installations installations = installations(TokenCipherTest.KEY);
        new MongoInstallationService(installations).saveInstallerAndBot(workspace("T1", "xoxb-one", null, null));
        assertThat(installations.botToken("T1")).isPresent();

        installations.on(new WorkspaceUninstalled("T1", clock.instant()));

        assertThat(installations.botToken("T1")).isEmpty();
        assertThat(database.getCollection("installations").countDocuments()).isZero();
    }

    private List<String> keyIds(String id) {
        Document doc = database.getCollection("installations").find(new Document("_id", id)).first();
        List<String> ids = new java.util.ArrayList<>();
        for (String field : List.of("botToken", "botRefreshToken")) {
            if (doc.get(field) instanceof Document sealed) {
                ids.add(sealed.getString("keyId"));
            }
        }
        return ids;
    }
}

package org.alliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the Slack app manifests (HTTP and Socket Mode) against what the bot needs, and keeps the two
 * variants from drifting apart. Schema validation against Slack's official JSON schema is done outside
 * the build; this test only reads files in the repository.
 */
class ManifestTest {

    private static final Path HTTP_MANIFEST = Path.of("manifest.yml");
    private static final Path SOCKET_MANIFEST = Path.of("deploy", "manifest-socket-mode.yml");

    private static final List<String> BOT_EVENTS = List.of(
            "app_home_opened", "message.im", "app_mention", "app_uninstalled", "tokens_revoked", "user_change");

    private static final List<String> BOT_SCOPES = List.of(
            "commands", "chat:write", "im:history", "users:read",
            "app_mentions:read", "usergroups:read", "channels:read", "groups:read",
            // /alliance export uploads a CSV to the asker's DM.
            "files:write");

    /** Bot event -> the bot scope Slack requires before it delivers that event. */
    private static final Map<String, String> EVENT_SCOPES = Map.of(
            "message.im", "im:history",
            "app_mention", "app_mentions:read",
            "user_change", "users:read");

    @Test
    void httpManifestIsComplete() throws IOException {
        Map<String, Object> manifest = load(HTTP_MANIFEST);
        assertCommon(manifest);

        assertThat(settings(manifest).get("socket_mode_enabled")).isEqualTo(false);
        assertThat((String) command(manifest).get("url")).startsWith("https://").endsWith("/slack/events");
        assertThat((String) map(settings(manifest), "event_subscriptions").get("request_url"))
                .startsWith("https://").endsWith("/slack/events");
        assertThat((String) map(settings(manifest), "interactivity").get("request_url"))
                .startsWith("https://").endsWith("/slack/events");
        assertThat(list(map(manifest, "oauth_config"), "redirect_urls")).as("distribution mode's OAuth redirect")
                .singleElement().asString().startsWith("https://").endsWith("/slack/oauth_redirect");
    }

    @Test
    void socketModeManifestIsComplete() throws IOException {
        Map<String, Object> manifest = load(SOCKET_MANIFEST);
        assertCommon(manifest);

        assertThat(settings(manifest).get("socket_mode_enabled")).isEqualTo(true);
        assertThat(command(manifest)).doesNotContainKey("url");
        assertThat(map(settings(manifest), "event_subscriptions")).doesNotContainKey("request_url");
        assertThat(map(settings(manifest), "interactivity")).doesNotContainKey("request_url");
    }

    @Test
    void bothVariantsDeclareTheSameAppSurface() throws IOException {
        Map<String, Object> http = load(HTTP_MANIFEST);
        Map<String, Object> socket = load(SOCKET_MANIFEST);

        assertThat(botScopes(socket)).containsExactlyInAnyOrderElementsOf(botScopes(http));
        assertThat(botEvents(socket)).containsExactlyInAnyOrderElementsOf(botEvents(http));

        Map<String, Object> httpCommand = command(http);
        Map<String, Object> socketCommand = command(socket);
        for (String key : List.of("command", "description", "usage_hint", "should_escape")) {
            assertThat(socketCommand.get(key)).as("slash command %s", key).isEqualTo(httpCommand.get(key));
        }
        assertThat(map(socket, "display_information")).isEqualTo(map(http, "display_information"));
        assertThat(map(map(socket, "features"), "app_home")).isEqualTo(map(map(http, "features"), "app_home"));
        assertThat(map(map(socket, "features"), "bot_user")).isEqualTo(map(map(http, "features"), "bot_user"));
    }

    private static void assertCommon(Map<String, Object> manifest) {
        Map<String, Object> metadata = map(manifest, "_metadata");
        assertThat(metadata.get("major_version")).isEqualTo(1);

        Map<String, Object> display = map(manifest, "display_information");
        assertThat(display.get("name")).isEqualTo("Alliance");
        assertThat((String) display.get("description")).isNotBlank().hasSizeLessThanOrEqualTo(140);
        assertThat((String) display.get("long_description")).hasSizeBetween(175, 4000);
        assertThat((String) display.get("background_color")).matches("^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$");

        Map<String, Object> command = command(manifest);
        assertThat(command.get("should_escape")).isEqualTo(true);
        assertThat((String) command.get("description")).isNotBlank();

        Map<String, Object> features = map(manifest, "features");
        Map<String, Object> appHome = map(features, "app_home");
        assertThat(appHome.get("home_tab_enabled")).isEqualTo(true);
        assertThat(appHome.get("messages_tab_enabled")).isEqualTo(true);
        assertThat(appHome.get("messages_tab_read_only_enabled")).isEqualTo(false);
        assertThat(map(features, "bot_user").get("display_name")).isEqualTo("Alliance");

        List<String> events = botEvents(manifest);
        assertThat(events).containsExactlyInAnyOrderElementsOf(BOT_EVENTS);

        List<String> scopes = botScopes(manifest);
        assertThat(scopes).containsAll(BOT_SCOPES).doesNotHaveDuplicates()
                .as("the bot must be invited to channels, so chat:write.public is not wanted")
                .doesNotContain("chat:write.public");
        EVENT_SCOPES.forEach((event, scope) -> {
            if (events.contains(event)) {
                assertThat(scopes).as("event %s needs scope %s", event, scope).contains(scope);
            }
        });

        Map<String, Object> settings = settings(manifest);
        assertThat(map(settings, "interactivity").get("is_enabled")).isEqualTo(true);
        assertThat(settings.get("org_deploy_enabled")).isEqualTo(false);
        assertThat(settings.get("token_rotation_enabled")).isEqualTo(false);
    }

    private static Map<String, Object> command(Map<String, Object> manifest) {
        List<Map<String, Object>> commands = list(map(manifest, "features"), "slash_commands");
        List<Map<String, Object>> alliance = commands.stream()
                .filter(c -> "/alliance".equals(c.get("command")))
                .toList();
        assertThat(alliance).as("/alliance slash command").hasSize(1);
        return alliance.get(0);
    }

    private static List<String> botEvents(Map<String, Object> manifest) {
        return list(map(settings(manifest), "event_subscriptions"), "bot_events");
    }

    private static List<String> botScopes(Map<String, Object> manifest) {
        return list(map(map(manifest, "oauth_config"), "scopes"), "bot");
    }

    private static Map<String, Object> settings(Map<String, Object> manifest) {
        return map(manifest, "settings");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as("manifest key %s", key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as("manifest key %s", key).isInstanceOf(List.class);
        return (List<T>) value;
    }

    private static Map<String, Object> load(Path path) throws IOException {
        assertThat(path).as("manifest %s (tests run from the project root)", path).isRegularFile();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            assertThat(doc).as("manifest %s", path).isInstanceOf(Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> manifest = (Map<String, Object>) doc;
            return manifest;
        }
    }
}

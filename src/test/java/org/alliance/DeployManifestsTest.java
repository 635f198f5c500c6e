package org.alliance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses every Kubernetes manifest under {@code deploy/k8s} and checks what can drift from the
 * code: ports, probe paths, environment variable names, the image name and the Slack path.
 */
@SuppressWarnings("unchecked")
class DeployManifestsTest {

    private static final Path K8S = Path.of("deploy", "k8s");
    private static final Yaml YAML = new Yaml(new SafeConstructor(new LoaderOptions()));

    private static Map<String, Map<String, Object>> byKind;
    private static String applicationYml;

    @BeforeAll
    static void read() throws IOException {
        byKind = new HashMap<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                for (Object doc : YAML.loadAll(Files.readString(file))) {
                    Map<String, Object> manifest = (Map<String, Object>) doc;
                    assertThat(byKind.put((String) manifest.get("kind"), manifest)).as("one %s", manifest.get("kind"))
                            .isNull();
                }
            }
        }
        applicationYml = Files.readString(Path.of("src", "main", "resources", "application.yml"));
    }

    @Test
    void theKustomizationAppliesEveryManifestHere() throws IOException {
        Map<String, Object> kustomization = YAML.load(Files.readString(K8S.resolve("kustomization.yaml")));
        try (Stream<Path> files = Files.list(K8S)) {
            Set<String> here = files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("kustomization.yaml"))
                    .collect(Collectors.toSet());
            assertThat((List<String>) kustomization.get("resources")).containsExactlyInAnyOrderElementsOf(here);
        }
        assertThat(byKind.keySet()).contains("Deployment", "Secret", "ConfigMap", "Service", "PodDisruptionBudget",
                "Ingress");
    }

    @Test
    void theDeploymentRunsTwoLockedDownReplicasProbingTheHealthGroups() {
        Map<String, Object> spec = map(byKind.get("Deployment"), "spec");
        assertThat(spec.get("replicas")).isEqualTo(2);
        Map<String, Object> pod = map(map(spec, "template"), "spec");
        assertThat(map(pod, "securityContext").get("runAsNonRoot")).isEqualTo(true);
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        assertThat(map(container, "securityContext").get("readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(map(map(container, "resources"), "requests")).containsKeys("cpu", "memory");
        assertThat(map(map(container, "resources"), "limits")).containsKey("memory");

        assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
        assertThat(applicationYml).contains("probes:\n        enabled: true").contains("liveness:").contains("readiness:");

        Map<String, Object> port = ((List<Map<String, Object>>) container.get("ports")).get(0);
        assertThat(port.get("containerPort")).isEqualTo(defaultPort());
        assertThat(map(byKind.get("ConfigMap"), "data").get("PORT")).isEqualTo(String.valueOf(defaultPort()));
        Map<String, Object> servicePort = ((List<Map<String, Object>>) map(byKind.get("Service"), "spec").get("ports")).get(0);
        assertThat(servicePort.get("targetPort")).isEqualTo(port.get("name"));
    }

    @Test
    void theImageIsTheOneComposeBuilds() throws IOException {
        Map<String, Object> compose = YAML.load(Files.readString(Path.of("deploy", "compose.yaml")));
        Object composeImage = map(map(compose, "services"), "alliance").get("image");
        Map<String, Object> pod = map(map(map(byKind.get("Deployment"), "spec"), "template"), "spec");
        assertThat(((List<Map<String, Object>>) pod.get("containers")).get(0).get("image")).isEqualTo(composeImage);
    }

    @Test
    void everyEnvironmentVariableIsOneTheAppReads() throws IOException {
        Set<String> read = new HashSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]").matcher(applicationYml);
        while (placeholder.find()) {
            read.add(placeholder.group(1));
        }
        String readme = Files.readString(Path.of("README.md"));
        List<String> unknown = new ArrayList<>();
        List<String> names = new ArrayList<>(((Map<String, Object>) byKind.get("Secret").get("stringData")).keySet());
        names.addAll(map(byKind.get("ConfigMap"), "data").keySet());
        for (String name : names) {
            boolean documentedSetting = readme.contains("`" + name + "`") || relaxedNames(readme).contains(name);
            if (!read.contains(name) && !documentedSetting) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("variables the app doesn't read").isEmpty();
        assertThat(((Map<String, Object>) byKind.get("Secret").get("stringData")).keySet())
                .contains("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "MONGODB_URI");
    }

    @Test
    void theIngressExposesOnlyTheSlackEndpoint() throws IOException {
        String manifest = Files.readString(Path.of("manifest.yml"));
        Matcher url = Pattern.compile("request_url: https://[^/]+(/\\S+)").matcher(manifest);
        assertThat(url.find()).isTrue();
        List<Map<String, Object>> rules = (List<Map<String, Object>>) map(byKind.get("Ingress"), "spec").get("rules");
        List<Map<String, Object>> paths = (List<Map<String, Object>>) map(rules.get(0), "http").get("paths");
        assertThat(paths).extracting(p -> p.get("path")).containsExactly(url.group(1));
    }

    /** Spring's environment-variable form of every property README's settings table names. */
    private static Set<String> relaxedNames(String readme) {
        Matcher setting = Pattern.compile("\\| `(alliance\\.[a-z.-]+)` \\|").matcher(readme);
        Set<String> names = new HashSet<>();
        while (setting.find()) {
            names.add(setting.group(1).replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT));
        }
        return names;
    }

    private static int defaultPort() {
        Matcher m = Pattern.compile("port: \\$\\{PORT:(\\d+)}").matcher(applicationYml);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return (String) map(map(container, probe), "httpGet").get("path");
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }
}

package io.distributedjob.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s (no cluster here, so the manifests' structure and cross-references are what is checked): the
 * Deployment probes /v1/health, takes its secret from the Secret and its config.yaml from the ConfigMap, and the
 * Service and PodDisruptionBudget select its pods.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {

    private final List<Map<String, Object>> manifests = new ArrayList<>();

    @BeforeEach
    void load() throws Exception {
        Map<String, Object> kustomization = ServerKeys.load(Repository.path("deploy/k8s/kustomization.yaml"));
        for (String resource : (List<String>) kustomization.get("resources")) {
            for (Object document : new Yaml().loadAll(Files.readString(Repository.path("deploy/k8s/" + resource)))) {
                manifests.add((Map<String, Object>) document);
            }
        }
    }

    @Test
    void definesTheWorkloadAndWhatItNeeds() {
        assertThat(manifests).extracting(manifest -> manifest.get("kind"))
                .containsExactlyInAnyOrder("ConfigMap", "Secret", "Deployment", "Service", "PodDisruptionBudget");
    }

    @Test
    void probesHealthOnTheHttpPort() {
        Map<String, Object> container = container();
        assertThat(map(container, "readinessProbe", "httpGet")).containsEntry("path", "/v1/health").containsEntry("port", "http");
        assertThat(map(container, "livenessProbe", "httpGet")).containsEntry("path", "/v1/health").containsEntry("port", "http");
        assertThat(containerPorts()).containsEntry("http", 9088).containsEntry("grpc", 9090);
        assertThat(StopTimeout.parse(String.valueOf(podSpec().get("terminationGracePeriodSeconds"))))
                .isGreaterThan(StopTimeout.ofServer());
        assertThat(map(podSpec(), "securityContext")).containsEntry("runAsNonRoot", true);
    }

    @Test
    void serviceAndDisruptionBudgetSelectThePods() {
        Map<String, Object> podLabels = map(kind("Deployment"), "spec", "template", "metadata", "labels");
        assertThat(map(kind("Deployment"), "spec", "selector", "matchLabels")).isEqualTo(podLabels);
        assertThat(map(kind("Service"), "spec", "selector")).isEqualTo(podLabels);
        assertThat(map(kind("PodDisruptionBudget"), "spec", "selector", "matchLabels")).isEqualTo(podLabels);
        assertThat(map(kind("PodDisruptionBudget"), "spec")).containsEntry("maxUnavailable", 1);

        List<Map<String, Object>> ports = (List<Map<String, Object>>) map(kind("Service"), "spec").get("ports");
        assertThat(ports).extracting(port -> port.get("targetPort")).containsExactlyInAnyOrder("http", "grpc")
                .allMatch(containerPorts()::containsKey);
    }

    @Test
    void secretsComeFromTheSecretAndEveryVariableSetsAnExistingKey() {
        Map<String, Object> secret = kind("Secret");
        String secretName = (String) map(secret, "metadata").get("name");
        Map<String, Object> secretValues = map(secret, "stringData");

        List<Map<String, Object>> env = (List<Map<String, Object>>) container().get("env");
        assertThat(env).extracting(variable -> (String) variable.get("name")).contains("AUTH_JWTSECRET")
                .allSatisfy(name -> assertThat(ServerKeys.LAUNCHER_VARIABLES.contains(name)
                        || ServerKeys.ofEnvironmentVariable(name).isPresent()).as(name + " is a configuration key").isTrue());
        env.stream().filter(variable -> variable.containsKey("valueFrom")).forEach(variable -> {
            Map<String, Object> reference = map(variable, "valueFrom", "secretKeyRef");
            assertThat(reference.get("name")).isEqualTo(secretName);
            assertThat(secretValues).containsKey((String) reference.get("key"));
        });
        assertThat(((String) secretValues.get("jwtSecret")).getBytes())
                .as("the placeholder is too short for the server, so it cannot be left in place").hasSizeLessThan(32);
    }

    @Test
    void configMapHoldsAConfigYamlOfExistingKeysMountedAsTheConfigsFolder() {
        Map<String, Object> configMap = kind("ConfigMap");
        Map<String, Object> config = new Yaml().load((String) map(configMap, "data").get("config.yaml"));
        assertThat(ServerKeys.leafKeys(config)).isNotEmpty().allSatisfy(key -> assertThat(ServerKeys.exists(key))
                .as(key + " is a configuration key").isTrue());

        List<Map<String, Object>> volumes = (List<Map<String, Object>>) podSpec().get("volumes");
        Map<String, Object> configVolume = volumes.stream().filter(volume -> volume.containsKey("configMap")).findFirst().orElseThrow();
        assertThat(map(configVolume, "configMap").get("name")).isEqualTo(map(configMap, "metadata").get("name"));
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) container().get("volumeMounts");
        assertThat(mounts).anySatisfy(mount -> {
            assertThat(mount.get("name")).isEqualTo(configVolume.get("name"));
            assertThat(mount.get("mountPath")).isEqualTo("/app/configs");
        });
    }

    private Map<String, Object> kind(String kind) {
        return manifests.stream().filter(manifest -> kind.equals(manifest.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    private Map<String, Object> podSpec() {
        return map(kind("Deployment"), "spec", "template", "spec");
    }

    private Map<String, Object> container() {
        return ((List<Map<String, Object>>) podSpec().get("containers")).getFirst();
    }

    private Map<String, Object> containerPorts() {
        Map<String, Object> ports = new HashMap<>();
        ((List<Map<String, Object>>) container().get("ports")).forEach(port -> ports.put((String) port.get("name"), port.get("containerPort")));
        return ports;
    }

    private static Map<String, Object> map(Map<String, Object> from, String... path) {
        Map<String, Object> current = from;
        for (String key : path) {
            assertThat(current).as("has " + key).containsKey(key);
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}

package cn.city.party.infra;

import cn.city.party.infra.local.LocalPlatform;
import cn.city.party.infra.local.PlatformService;
import cn.city.party.infra.local.PlatformSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Compose file and the Kubernetes manifests cannot run on the build machines, so this keeps them honest: every
 * service is in both, with probes, limits and an autoscaler, consistent images and ports, and the same
 * environment variable names that the local runner gives the services.
 */
class DeploymentFilesTest {

    private static final Path INFRA = Path.of("").toAbsolutePath();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final List<String> APPS = Stream.concat(
            Stream.of(PlatformService.values()).map(PlatformService::module), Stream.of("gateway")).toList();

    private final LocalPlatform local = new LocalPlatform(PlatformSettings.fromEnvironment(INFRA.getParent()));

    @Test
    void compose_runs_every_service_on_the_official_images_with_health_checks_and_limits() throws IOException {
        JsonNode services = YAML.readTree(INFRA.resolve("compose/compose.yaml").toFile()).path("services");

        assertThat(services.path("mongo").path("image").asString()).startsWith("mongo:");
        assertThat(services.path("mongo").path("command").toString()).contains("--replSet");
        assertThat(services.path("kafka").path("image").asString()).startsWith("apache/kafka:");
        assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asString()).isEqualTo("broker,controller");
        assertThat(services.path("keycloak").path("image").asString()).startsWith("quay.io/keycloak/keycloak:");
        assertThat(services.path("keycloak").path("volumes").get(0).asString()).contains("keycloak/city-realm.json");

        for (String app : APPS) {
            JsonNode service = services.path(app);
            assertThat(service.isMissingNode()).as(app + " in compose").isFalse();
            assertThat(service.path("build").path("args").path("MODULE").asString()).as(app).isEqualTo(app);
            assertThat(service.path("image").asString()).as(app).isEqualTo("party-platform/" + app + ":latest");
            assertThat(service.path("healthcheck").path("test").toString()).as(app).contains("/actuator/health/readiness");
            assertThat(service.path("deploy").path("resources").path("limits").path("memory").asString()).as(app).isNotBlank();
            Set<String> env = names(service.path("environment"));
            assertThat(env).as(app + " gets the variables the local runner gives it").containsAll(expectedEnvironment(app));
            assertThat(service.path("environment").path("SERVER_PORT").asString()).isEqualTo("8080");
        }
    }

    @Test
    void kubernetes_has_a_deployment_service_probes_limits_and_autoscaler_per_service() throws IOException {
        JsonNode kustomization = YAML.readTree(INFRA.resolve("k8s/base/kustomization.yaml").toFile());
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(r -> resources.add(r.asString()));
        Map<String, List<JsonNode>> byKind = documents(resources).stream()
                .collect(Collectors.groupingBy(d -> d.path("kind").asString()));

        Set<String> configKeys = names(byKind.get("ConfigMap").get(0).path("data"));
        for (String app : APPS) {
            JsonNode deployment = named(byKind.get("Deployment"), app);
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            assertThat(container.path("image").asString()).as(app).isEqualTo("party-platform/" + app + ":latest");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/readiness");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/liveness");
            assertThat(container.path("resources").path("limits").path("memory").asString()).as(app).isNotBlank();
            assertThat(container.path("resources").path("limits").path("cpu").asString()).as(app).isNotBlank();
            int containerPort = container.path("ports").get(0).path("containerPort").asInt();

            JsonNode service = named(byKind.get("Service"), app);
            assertThat(service.path("spec").path("ports").get(0).path("targetPort").asString())
                    .isEqualTo(container.path("ports").get(0).path("name").asString());
            Set<String> env = new HashSet<>(configKeys);
            container.path("env").forEach(e -> env.add(e.path("name").asString()));
            assertThat(env).as(app).contains("SERVER_PORT");
            assertThat(container.path("env").get(0).path("value").asString()).isEqualTo(String.valueOf(containerPort));
            assertThat(env).as(app + " gets the variables the local runner gives it")
                    .containsAll(expectedEnvironment(app));

            JsonNode hpa = named(byKind.get("HorizontalPodAutoscaler"), app);
            assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asString()).isEqualTo(app);
            assertThat(hpa.path("spec").path("maxReplicas").asInt()).isGreaterThan(hpa.path("spec").path("minReplicas").asInt());
        }
        assertThat(byKind.get("Deployment")).hasSize(APPS.size());
        assertThat(named(byKind.get("Service"), "gateway").path("spec").path("sessionAffinity").asString())
                .as("browser sessions live in one gateway pod").isEqualTo("ClientIP");
    }

    @Test
    void the_production_overlay_pins_an_image_for_every_service() throws IOException {
        JsonNode overlay = YAML.readTree(INFRA.resolve("k8s/overlays/production/kustomization.yaml").toFile());
        assertThat(overlay.path("resources").get(0).asString()).isEqualTo("../../base");
        List<String> images = new ArrayList<>();
        overlay.path("images").forEach(i -> {
            images.add(i.path("name").asString());
            assertThat(i.path("newTag").asString()).isNotBlank().isNotEqualTo("latest");
        });
        assertThat(images).containsExactlyInAnyOrderElementsOf(APPS.stream().map(a -> "party-platform/" + a).toList());
    }

    /**
     * The connection variables the local runner sets (its own PLATFORM_* switches, like demo data, are local only);
     * the gateway needs the routes and Keycloak, not the store or the broker.
     */
    private Set<String> expectedEnvironment(String app) {
        Map<String, String> env = app.equals("gateway") ? local.gatewayEnvironment() : local.serviceEnvironment();
        return env.keySet().stream()
                .filter(name -> !name.startsWith("PLATFORM_"))
                .filter(name -> !app.equals("gateway") || !(name.startsWith("MONGODB") || name.startsWith("KAFKA") || name.equals("KEYCLOAK_URL")))
                .collect(Collectors.toSet());
    }

    private static List<JsonNode> documents(List<String> files) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (String file : files) {
            String text = Files.readString(INFRA.resolve("k8s/base").resolve(file));
            for (String part : text.split("(?m)^---\\s*$")) {
                if (!part.isBlank()) {
                    documents.add(YAML.readTree(part));
                }
            }
        }
        return documents;
    }

    private static JsonNode named(List<JsonNode> documents, String name) {
        return documents.stream().filter(d -> d.path("metadata").path("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no manifest named " + name));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.propertyNames().forEach(names::add);
        return names;
    }
}

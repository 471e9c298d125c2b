package cn.city.party.infra;

import cn.city.party.infra.local.KafkaAccess;
import cn.city.party.infra.local.KafkaBroker;
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
import java.util.regex.Pattern;
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
        assertThat(Files.readString(INFRA.resolve("compose/kafka/start-kafka.sh"))).contains("process.roles=broker,controller");
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
    void the_kafka_access_script_is_the_one_generated_from_the_access_rules() throws IOException {
        assertThat(Files.readString(INFRA.getParent().resolve(KafkaAccess.INIT_SCRIPT)))
                .as("regenerate with: java -cp infra/target/classes cn.city.party.infra.local.KafkaAccess > "
                        + KafkaAccess.INIT_SCRIPT)
                .isEqualTo(KafkaAccess.initScript());
        assertThat(KafkaAccess.initScript()).contains("security.protocol=SASL_SSL")
                .contains("user org-service \"${KAFKA_PASSWORD_ORG:?}\"")
                .contains("allow discipline-service --topic party.discipline.sanction --operation WRITE");
    }

    @Test
    void each_service_writes_only_its_own_topics_and_reads_only_what_its_groups_consume() {
        List<KafkaAccess.Grant> grants = KafkaAccess.grants();
        for (KafkaAccess.Grant g : grants) {
            if (g.operation().equals("WRITE")) {
                String owner = g.name().split("\\.")[1] + "-service";
                boolean ownDeadLetters = g.name().endsWith(".dlt")
                        && KafkaAccess.consumers(service(g.principal())).stream().anyMatch(c -> g.name().endsWith("." + c.group() + ".dlt"));
                assertThat(g.principal().equals(owner) || ownDeadLetters).as("%s may write %s", g.principal(), g.name()).isTrue();
            }
        }
        assertThat(grants).contains(new KafkaAccess.Grant("org-service", "TOPIC", "party.discipline.sanction", "READ"))
                .doesNotContain(new KafkaAccess.Grant("org-service", "TOPIC", "party.discipline.sanction", "WRITE"),
                        new KafkaAccess.Grant("study-service", "TOPIC", "party.discipline.sanction", "READ"),
                        new KafkaAccess.Grant("discipline-service", "GROUP", "study-service", "READ"));
    }

    @Test
    void compose_runs_kafka_with_sasl_ssl_and_mongo_with_authentication_one_user_per_service() throws IOException {
        JsonNode services = YAML.readTree(INFRA.resolve("compose/compose.yaml").toFile()).path("services");
        String broker = Files.readString(INFRA.resolve("compose/kafka/start-kafka.sh"));
        assertThat(broker).contains("listener.security.protocol.map=CLIENT:SASL_SSL,CONTROLLER:SASL_PLAINTEXT",
                "listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512", "advertised.listeners=CLIENT://kafka:9092",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false", "super.users=User:admin", "--add-scram")
                .doesNotContain("PLAINTEXT://");
        assertThat(services.path("kafka").path("ports").isMissingNode()).as("the controller listener is not published").isTrue();
        assertThat(services.path("mongo").path("environment").path("MONGO_INITDB_ROOT_PASSWORD").asString()).startsWith("${");
        assertThat(services.path("mongo").path("command").toString()).contains("--keyFile");
        assertThat(services.path("kafka-access").path("volumes").toString()).contains(KafkaAccess.INIT_SCRIPT.replace("infra/", "../"));
        assertThat(services.path("mongo-users").path("volumes").toString()).contains("../k8s/base/mongo/mongo-users.js");

        Set<String> kafkaUsers = new HashSet<>();
        for (PlatformService service : PlatformService.values()) {
            String app = service.module();
            JsonNode env = services.path(app).path("environment");
            String database = env.path("MONGODB_DATABASE").asString();
            assertThat(env.path("KAFKA_SECURITY_PROTOCOL").asString()).as(app).isEqualTo("SASL_SSL");
            assertThat(env.path("KAFKA_USERNAME").asString()).as(app).isEqualTo(KafkaAccess.principal(service));
            kafkaUsers.add(env.path("KAFKA_USERNAME").asString());
            assertThat(env.path("KAFKA_PASSWORD").asString()).as(app + ": a variable, never a value")
                    .matches(Pattern.quote("${" + KafkaAccess.passwordVariable(service) + ":?") + ".*}");
            assertThat(env.path("MONGODB_URI").asString()).as(app + ": its own user, authenticated in its own database")
                    .matches(Pattern.quote("mongodb://" + app + ":${MONGO_PASSWORD_" + service.name() + ":?")
                            + "[^}]*}@mongo:27017/" + database + "\\?replicaSet=rs0&authSource=" + database);
            assertThat(services.path("kafka-access").path("environment").path(KafkaAccess.passwordVariable(service)).asString())
                    .isEqualTo(env.path("KAFKA_PASSWORD").asString());
            assertThat(services.path("mongo-users").path("environment").path("MONGO_PASSWORD_" + service.name()).asString())
                    .startsWith("${MONGO_PASSWORD_" + service.name() + ":?");
        }
        assertThat(kafkaUsers).hasSize(PlatformService.values().length);
        assertNoCredentialValues(services);
    }

    @Test
    void kubernetes_services_connect_with_sasl_ssl_and_their_own_credentials_from_their_own_secret() throws IOException {
        JsonNode kustomization = YAML.readTree(INFRA.resolve("k8s/base/kustomization.yaml").toFile());
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(r -> resources.add(r.asString()));
        List<JsonNode> documents = documents(resources);
        Map<String, List<JsonNode>> byKind = documents.stream().collect(Collectors.groupingBy(d -> d.path("kind").asString()));
        JsonNode config = named(byKind.get("ConfigMap"), "platform-config").path("data");
        assertThat(config.path("KAFKA_SECURITY_PROTOCOL").asString()).isEqualTo("SASL_SSL");
        assertThat(config.path("KAFKA_SASL_MECHANISM").asString()).isEqualTo(KafkaAccess.MECHANISM);
        assertThat(config.has("MONGODB_URI")).as("the URI holds a password: it lives in each service's Secret").isFalse();
        assertThat(kustomization.path("configMapGenerator").toString())
                .contains("kafka/kafka-access.sh", "mongo/mongo-users.js");

        for (PlatformService service : PlatformService.values()) {
            String app = service.module();
            JsonNode container = named(byKind.get("Deployment"), app).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            Map<String, JsonNode> env = new java.util.HashMap<>();
            container.path("env").forEach(e -> env.put(e.path("name").asString(), e));
            assertThat(env.get("KAFKA_USERNAME").path("value").asString()).isEqualTo(KafkaAccess.principal(service));
            for (String variable : List.of("KAFKA_PASSWORD", "MONGODB_URI")) {
                assertThat(env.get(variable).path("valueFrom").path("secretKeyRef").path("name").asString())
                        .as(app + " " + variable).isEqualTo(app + "-credentials");
            }
            assertThat(container.path("volumeMounts").toString()).contains("/etc/kafka-ca");
        }
        JsonNode access = named(byKind.get("Job"), "kafka-access");
        JsonNode users = named(byKind.get("Job"), "mongo-users");
        for (PlatformService service : PlatformService.values()) {
            assertThat(access.toString()).contains(KafkaAccess.passwordVariable(service), service.module() + "-credentials");
            assertThat(users.toString()).contains("MONGO_PASSWORD_" + service.name(), service.module() + "-credentials");
        }
        String mongoUsers = Files.readString(INFRA.resolve("k8s/base/mongo/mongo-users.js"));
        for (PlatformService service : PlatformService.values()) {
            assertThat(mongoUsers).contains("'" + service.module() + "': { db: '");
        }
        assertThat(mongoUsers).contains("roles = [{ role: 'readWrite', db: name }]").doesNotContain("AnyDatabase");
        for (JsonNode document : documents) {
            assertNoCredentialValues(document);
        }
    }

    /** No Kafka or MongoDB password (or URI with one) is written down: only variables and Secret references. */
    private static void assertNoCredentialValues(JsonNode node) {
        node.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isString() && (name.matches("(KAFKA|MONGO).*PASSWORD.*") || name.equals("MONGODB_URI"))) {
                assertThat(value.asString()).as(name).matches("\\$\\{[A-Z_]+:\\?[^}]*}|mongodb://[a-z-]+:\\$\\{[A-Z_]+:\\?[^}]*}@.*");
            }
            if (name.equals("name") && value.isString() && value.asString().matches("(KAFKA|MONGO).*PASSWORD.*|MONGODB_URI")) {
                assertThat(node.has("value")).as(value.asString() + " comes from a Secret").isFalse();
            }
            if (value.isContainer()) {
                assertNoCredentialValues(value);
            }
        });
        if (node.isArray()) {
            node.forEach(DeploymentFilesTest::assertNoCredentialValues);
        }
    }

    private static PlatformService service(String principal) {
        return Stream.of(PlatformService.values()).filter(s -> KafkaAccess.principal(s).equals(principal)).findFirst()
                .orElseThrow();
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
        Set<String> expected = env.keySet().stream()
                .filter(name -> !name.startsWith("PLATFORM_"))
                .filter(name -> !app.equals("gateway") || !(name.startsWith("MONGODB") || name.startsWith("KAFKA") || name.equals("KEYCLOAK_URL")))
                .collect(Collectors.toCollection(HashSet::new));
        if (!app.equals("gateway")) {
            expected.addAll(KafkaBroker.CREDENTIAL_VARIABLES); // each service is its own Kafka principal
        }
        return expected;
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

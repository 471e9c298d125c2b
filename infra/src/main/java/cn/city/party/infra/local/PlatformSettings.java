package cn.city.party.infra.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local platform keeps its state and which ports it uses. The environment variable names are the same
 * ones the services, the Compose file and the Kubernetes manifests read.
 *
 * @param root           the repository checkout (services' jars are found under it)
 * @param stateDir       data, logs and the PID file
 * @param mongoUri       an external MongoDB to use instead of the embedded substitute, if set
 * @param kafkaBootstrap an external Kafka to use instead of the local broker, if set
 * @param keycloakUrl    an external Keycloak to use instead of the local server, if set
 * @param serviceEnv     extra environment for every service (for example a shorter clock skew in tests)
 */
public record PlatformSettings(
        Path root,
        Path stateDir,
        int gatewayPort,
        Map<PlatformService, Integer> servicePorts,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int keycloakPort,
        int keycloakManagementPort,
        Optional<String> mongoUri,
        Optional<String> kafkaBootstrap,
        Optional<String> keycloakUrl,
        Map<String, String> serviceEnv) {

    public static final String REALM = "city";

    /** The defaults of the README, overridable by the documented environment variables. */
    public static PlatformSettings fromEnvironment(Path root) {
        Map<PlatformService, Integer> ports = new LinkedHashMap<>();
        for (PlatformService s : PlatformService.values()) {
            ports.put(s, s.defaultPort());
        }
        return new PlatformSettings(root, root.resolve(".platform"), 8080, ports,
                19092, 19093, 27027, 8180, 9180,
                env("MONGODB_URI"), env("KAFKA_BOOTSTRAP_SERVERS"), env("KEYCLOAK_URL"),
                Map.of("PLATFORM_DEMO_DATA_ENABLED", "true"));
    }

    /** Free ports and a private state directory, so a test run never touches a running local platform. */
    public static PlatformSettings forTests(Path root, Path stateDir, Map<String, String> serviceEnv) {
        Map<PlatformService, Integer> ports = new LinkedHashMap<>();
        for (PlatformService s : PlatformService.values()) {
            ports.put(s, freePort());
        }
        return new PlatformSettings(root, stateDir, freePort(), ports,
                freePort(), freePort(), freePort(), freePort(), freePort(),
                Optional.empty(), Optional.empty(), Optional.empty(), serviceEnv);
    }

    /** The same, but using already running MongoDB, Kafka and Keycloak (e.g. Testcontainers' official images). */
    public PlatformSettings withExternal(String mongoUri, String kafkaBootstrap, String keycloakUrl) {
        return new PlatformSettings(root, stateDir, gatewayPort, servicePorts, kafkaPort, kafkaControllerPort, mongoPort,
                keycloakPort, keycloakManagementPort, Optional.of(mongoUri), Optional.of(kafkaBootstrap),
                Optional.of(keycloakUrl), serviceEnv);
    }

    public Path dataDir() { return stateDir.resolve("data"); }
    public Path logDir() { return stateDir.resolve("logs"); }
    public Path pidFile() { return stateDir.resolve("platform.pids"); }

    public String effectiveMongoUri() { return mongoUri.orElse("mongodb://127.0.0.1:" + mongoPort); }
    public String effectiveKafkaBootstrap() { return kafkaBootstrap.orElse("127.0.0.1:" + kafkaPort); }
    public String effectiveKeycloakUrl() { return keycloakUrl.orElse("http://localhost:" + keycloakPort); }
    public String issuerUri() { return effectiveKeycloakUrl() + "/realms/" + REALM; }
    public String gatewayUrl() { return "http://localhost:" + gatewayPort; }
    public String serviceUrl(PlatformService service) { return "http://localhost:" + servicePorts.get(service); }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

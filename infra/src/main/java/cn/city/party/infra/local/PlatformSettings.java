package cn.city.party.infra.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Where the local platform keeps its state and which ports it uses. The environment variable names are the same
 * ones the services, the Compose file and the Kubernetes manifests read.
 *
 * @param root           the repository checkout (services' jars are found under it)
 * @param stateDir       data, logs and the PID file
 * @param servicePorts   the port of each instance of a service (one unless {@link #INSTANCES} asks for more)
 * @param mongoUri       an external MongoDB to use instead of the embedded substitute, if set
 * @param kafkaBootstrap an external Kafka to use instead of the local broker, if set
 * @param keycloakUrl    an external Keycloak to use instead of the local server, if set
 * @param serviceEnv     extra environment for every service (for example a shorter clock skew in tests)
 */
public record PlatformSettings(
        Path root,
        Path stateDir,
        int gatewayPort,
        Map<PlatformService, List<Integer>> servicePorts,
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
    /** How many instances of which services to start, e.g. {@code activity-service=2} (also {@code --instances}). */
    public static final String INSTANCES = "PLATFORM_INSTANCES";
    /** A further instance of a service listens this much above the previous one (8082, 9082, 10082 ...). */
    static final int INSTANCE_PORT_STEP = 1000;

    /** The defaults of the README, overridable by the documented environment variables. */
    public static PlatformSettings fromEnvironment(Path root) {
        return fromEnvironment(root, env(INSTANCES).orElse(""));
    }

    /** As {@link #fromEnvironment(Path)}, with the instances of {@code instances} ({@link #instances(String)}). */
    public static PlatformSettings fromEnvironment(Path root, String instances) {
        Map<PlatformService, Integer> counts = instances(instances);
        Map<PlatformService, List<Integer>> ports = new LinkedHashMap<>();
        for (PlatformService s : PlatformService.values()) {
            List<Integer> each = new ArrayList<>();
            for (int i = 0; i < counts.getOrDefault(s, 1); i++) {
                each.add(s.defaultPort() + i * INSTANCE_PORT_STEP);
            }
            ports.put(s, List.copyOf(each));
        }
        return new PlatformSettings(root, root.resolve(".platform"), 8080, ports,
                19092, 19093, 27027, 8180, 9180,
                env("MONGODB_URI"), env("KAFKA_BOOTSTRAP_SERVERS"), env("KEYCLOAK_URL"),
                Map.of("PLATFORM_DEMO_DATA_ENABLED", "true"));
    }

    /** Free ports and a private state directory, so a test run never touches a running local platform. */
    public static PlatformSettings forTests(Path root, Path stateDir, Map<String, String> serviceEnv) {
        return forTests(root, stateDir, serviceEnv, Map.of());
    }

    /** The same with {@code instances} of some services (one of every other). */
    public static PlatformSettings forTests(Path root, Path stateDir, Map<String, String> serviceEnv,
                                            Map<PlatformService, Integer> instances) {
        Map<PlatformService, List<Integer>> ports = new LinkedHashMap<>();
        for (PlatformService s : PlatformService.values()) {
            List<Integer> each = new ArrayList<>();
            for (int i = 0; i < instances.getOrDefault(s, 1); i++) {
                each.add(freePort());
            }
            ports.put(s, List.copyOf(each));
        }
        return new PlatformSettings(root, stateDir, freePort(), ports,
                freePort(), freePort(), freePort(), freePort(), freePort(),
                Optional.empty(), Optional.empty(), Optional.empty(), serviceEnv);
    }

    /**
     * Parses {@code activity-service=2,study-service=3} (module names, counts 1 to 6: a topic's partitions are
     * shared by at most that many consumers of a group). Blank means one instance of each.
     */
    public static Map<PlatformService, Integer> instances(String spec) {
        Map<PlatformService, Integer> counts = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return counts;
        }
        for (String part : spec.split(",")) {
            String[] pair = part.trim().split("=", 2);
            PlatformService service = java.util.Arrays.stream(PlatformService.values())
                    .filter(s -> s.module().equals(pair[0].trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown service '" + pair[0].trim() + "' in "
                            + INSTANCES + "; one of " + java.util.Arrays.stream(PlatformService.values())
                            .map(PlatformService::module).collect(Collectors.joining(", "))));
            int count;
            try {
                count = pair.length == 2 ? Integer.parseInt(pair[1].trim()) : -1;
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > KafkaAccess.PARTITIONS) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: '%s' needs a count from 1 to %d, e.g. %s=2", INSTANCES, part.trim(),
                        KafkaAccess.PARTITIONS, service.module()));
            }
            counts.put(service, count);
        }
        return counts;
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
    /** The addresses of every instance of {@code service}, comma-separated: what the gateway balances across. */
    public String serviceUrl(PlatformService service) {
        return servicePorts.get(service).stream().map(port -> "http://localhost:" + port).collect(Collectors.joining(","));
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    private static final int FREE_PORTS_FROM = 20000;
    private static final int FREE_PORTS_TO = 32000;
    /** Ports handed out by this JVM, so that two parts of one platform never get the same one. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port that is free now, chosen below the operating systems' ephemeral ranges (Linux 32768+, others 49152+).
     * A port from {@code new ServerSocket(0)} comes from the ephemeral range, where the platform's own outgoing
     * connections (Kafka clients, JDBC, HTTP) may take it in the seconds before the server that was meant to bind it
     * starts: Keycloak then fails with "Address already in use".
     */
    public static int freePort() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(FREE_PORTS_FROM, FREE_PORTS_TO);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FREE_PORTS_FROM + " and " + FREE_PORTS_TO);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}

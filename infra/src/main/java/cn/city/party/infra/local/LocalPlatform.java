package cn.city.party.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Starts the whole platform as separate processes: Kafka (KRaft), the MongoDB substitute, Keycloak, the four
 * services and the gateway; waits until each is ready; records their PIDs so that {@code stop} ends exactly those.
 * The end-to-end tests start the same platform through this class, on free ports and a private state directory.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Duration SERVICE_START = Duration.ofMinutes(4);

    private final PlatformSettings settings;
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final KafkaBroker broker;

    public LocalPlatform(PlatformSettings settings) {
        this.settings = settings;
        this.broker = new KafkaBroker(settings);
    }

    public PlatformSettings settings() { return settings; }

    /** The local broker (its client credentials); absent when the platform uses an external Kafka. */
    public java.util.Optional<KafkaBroker> kafkaBroker() {
        return settings.kafkaBootstrap().isEmpty() ? java.util.Optional.of(broker) : java.util.Optional.empty();
    }

    public LocalPlatform start() {
        try {
            Files.createDirectories(settings.logDir());
            Files.createDirectories(settings.dataDir());
            CompletableFuture<ManagedProcess> keycloak = settings.keycloakUrl().isPresent() ? null
                    : CompletableFuture.supplyAsync(() -> new KeycloakServer(settings)
                            .start(RealmFiles.local(settings.root())));
            if (settings.kafkaBootstrap().isEmpty()) {
                record(broker.start());
            }
            if (settings.mongoUri().isEmpty()) {
                record(startMongoSubstitute());
            }
            if (keycloak != null) {
                record(keycloak.join());
            }
            List<ManagedProcess> services = new ArrayList<>();
            for (PlatformService service : PlatformService.values()) {
                for (int instance = 0; instance < settings.servicePorts().get(service).size(); instance++) {
                    services.add(record(startService(service, instance)));
                }
            }
            Map<String, String> gateway = gatewayEnvironment();
            if (settings.keycloakUrl().isEmpty()) {
                gateway.put(KeycloakServer.GATEWAY_SECRET, KeycloakServer.gatewaySecret(settings));
            }
            services.add(record(startJar("gateway", "gateway", settings.gatewayPort(), gateway)));
            services.forEach(this::awaitReady);
            for (PlatformService service : PlatformService.values()) {
                awaitRoute(service);
            }
            return this;
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** Stops one process by name (e.g. a service, to show the gateway's fallback); the rest keeps running. */
    public void stop(String name) {
        processes.stream().filter(p -> p.name().equals(name)).findFirst().ifPresent(p -> {
            p.stop(Duration.ofSeconds(20));
            processes.remove(p);
            writePidFile();
        });
    }

    /** The process id of a running process of the platform by name ({@code gateway}, {@code org-service} ...). */
    public java.util.OptionalLong pidOf(String name) {
        return processes.stream().filter(p -> p.name().equals(name) && p.isAlive())
                .mapToLong(ManagedProcess::pid).findFirst();
    }

    /** Starts a service stopped by {@link #stop(String)} again, on its port, and waits until it is ready. */
    public void restart(PlatformService service) {
        stop(service.module());
        awaitReady(record(startService(service, 0)));
        awaitRoute(service);
    }

    /** The process name of an instance: the module for the first, {@code activity-service-2} for the second ... */
    static String instanceName(PlatformService service, int instance) {
        return instance == 0 ? service.module() : service.module() + "-" + (instance + 1);
    }

    private ManagedProcess startService(PlatformService service, int instance) {
        Map<String, String> env = serviceEnvironment();
        kafkaBroker().ifPresent(local -> env.putAll(local.serviceEnvironment(service)));
        // a tuning of the one shared machine, not a connection variable: Compose and Kubernetes size their own
        env.putIfAbsent("SERVER_TOMCAT_THREADS_MAX", System.getenv().getOrDefault("SERVER_TOMCAT_THREADS_MAX", REQUEST_THREADS));
        if (service == PlatformService.DISCIPLINE) {
            env.put(REPORTER_KEY, reporterKey());
            env.put(AUDIT_KEY, LocalSecret.inFile(settings.dataDir().resolve("discipline-audit.key"), LocalSecret.randomBytes(32)));
        }
        if (service == PlatformService.ORG && settings.keycloakUrl().isEmpty()) {
            env.put(ORG_CLIENT_KEY, KeycloakServer.orgServiceKey(settings).privateKeyPem());
        }
        return startJar(service.module(), instanceName(service, instance), settings.servicePorts().get(service).get(instance), env);
    }

    /**
     * Ready means the gateway takes calls to the service: it puts an instance in its turn at its next health check after
     * the instance is ready (every GATEWAY_INSTANCE_CHECK_INTERVAL), so a call right after the instance's own readiness
     * could find none yet and be answered 503. The service's OpenAPI document, public and routed like its API, shows it.
     */
    private void awaitRoute(PlatformService service) {
        ManagedProcess gateway = processes.stream().filter(p -> p.name().equals("gateway")).findFirst().orElseThrow();
        String docs = "http://127.0.0.1:" + settings.gatewayPort() + "/docs/" + service.module() + "/v3/api-docs";
        gateway.awaitReady(() -> ManagedProcess.httpOk(docs, body -> body.contains("openapi")), SERVICE_START);
    }

    private void awaitReady(ManagedProcess service) {
        String health = "http://127.0.0.1:" + portOf(service) + "/actuator/health/readiness";
        service.awaitReady(() -> ManagedProcess.httpOk(health, body -> body.contains("UP")), SERVICE_START);
    }

    @Override
    public void close() {
        List<ManagedProcess> reversed = new ArrayList<>(processes);
        java.util.Collections.reverse(reversed);
        reversed.forEach(p -> p.stop(Duration.ofSeconds(20)));
        processes.clear();
        deletePidFile();
    }

    /**
     * A JVM that ran out of heap is left in no known state: on the whole generated city org-service's threw
     * OutOfMemoryError in its Kafka consumers' threads too, and it went on answering HTTP while it no longer applied a
     * single event (its scorecards silently stopped). Exiting makes the failure plain: the gateway's breaker answers
     * for it, and in the cluster the pod is restarted.
     */
    static final String EXIT_ON_OUT_OF_MEMORY = "-XX:+ExitOnOutOfMemoryError";

    /**
     * Nine JVMs share one machine (issue 16: the whole platform with two instances of a service within 3 GB resident).
     * A service's live data here is tens of MB (a full collection after a generated city of two departments left 29 to
     * 43 MB), so 256 MB of heap is ample; a heap allowed to grow larger stays that large after a burst, the serial
     * collector giving nothing back between full collections.
     */
    static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Dreactor.netty.native=false",
            EXIT_ON_OUT_OF_MEMORY);

    /**
     * Tomcat's request threads of each service. Its default of 200 is for a server of its own: on two shared cores a
     * burst only queues inside the service instead of before it, and every thread keeps its stack (about half a MB
     * touched by a Spring call) until it has idled for a minute. Set it in the environment to override.
     */
    static final String REQUEST_THREADS = "48";

    public Map<String, String> serviceEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("MONGODB_URI", settings.effectiveMongoUri());
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.effectiveKafkaBootstrap());
        env.put("KEYCLOAK_ISSUER_URI", settings.issuerUri());
        env.put("KEYCLOAK_URL", settings.effectiveKeycloakUrl());
        env.put("PLATFORM_SECURITY_CLIENTS", RealmFiles.LOCAL_API_CLIENTS);
        env.putAll(settings.serviceEnv());
        return env;
    }

    public Map<String, String> gatewayEnvironment() {
        Map<String, String> env = serviceEnvironment();
        env.put("ORG_SERVICE_URL", settings.serviceUrl(PlatformService.ORG));
        env.put("ACTIVITY_SERVICE_URL", settings.serviceUrl(PlatformService.ACTIVITY));
        env.put("STUDY_SERVICE_URL", settings.serviceUrl(PlatformService.STUDY));
        env.put("DISCIPLINE_SERVICE_URL", settings.serviceUrl(PlatformService.DISCIPLINE));
        return env;
    }

    static final String REPORTER_KEY = "DISCIPLINE_REPORTER_KEY";
    /** The audit chain's HMAC key: generated like the reporter key, outside the database. */
    static final String AUDIT_KEY = "DISCIPLINE_AUDIT_KEY";
    /** org-service's private key for signed-JWT client authentication to Keycloak (see {@link ClientKey}). */
    static final String ORG_CLIENT_KEY = "ORG_KEYCLOAK_CLIENT_KEY";

    /**
     * The key that encrypts reporter identities at rest. Taken from the environment when set; otherwise generated
     * once for this installation and kept beside its data (outside the database), so stored identities stay
     * readable after a restart.
     */
    private String reporterKey() {
        String configured = System.getenv(REPORTER_KEY);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return LocalSecret.inFile(settings.dataDir().resolve("discipline-reporter.key"), LocalSecret.randomBytes(32));
    }

    /**
     * The substitute keeps the services' secondary indexes in memory ({@link KeyPrefixIndex}): on the whole generated
     * city (30,000 members, 22,000 sittings, 70,000 scorecard facts) they and the documents being answered filled 480
     * MB after a full collection, and at 512 MB it spent its time collecting garbage. A smaller installation never
     * grows its heap that far.
     */
    static final String MONGO_HEAP = "-Xmx1g";

    private ManagedProcess startMongoSubstitute() {
        Path dir = settings.dataDir().resolve("mongo");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ManagedProcess mongo = ManagedProcess.start("mongo",
                Jvm.command(settings.root(), List.of("-Xms32m", MONGO_HEAP, "-XX:+UseSerialGC", EXIT_ON_OUT_OF_MEMORY),
                        MongoSubstituteMain.class.getName(), String.valueOf(settings.mongoPort()),
                        dir.resolve("platform.mv").toString()),
                Map.of(), dir, settings.logDir().resolve("mongo.log"));
        // it listens once its file is open, and opening rebuilds the server's unique indexes from every document: the
        // whole generated city's 6.7 GB file took about 75 s on two cores, past the minute once allowed
        mongo.awaitReady(() -> ManagedProcess.tcpOpen("127.0.0.1", settings.mongoPort()), Duration.ofMinutes(10));
        return mongo;
    }

    private final Map<ManagedProcess, Integer> ports = new HashMap<>();

    private int portOf(ManagedProcess process) {
        return ports.get(process);
    }

    private ManagedProcess startJar(String module, String name, int port, Map<String, String> env) {
        Path jar = executableJar(settings.root(), module);
        Map<String, String> processEnv = new HashMap<>(env);
        processEnv.put("SERVER_PORT", String.valueOf(port));
        ManagedProcess process = ManagedProcess.start(name, Jvm.jar(jar, SERVICE_JVM),
                processEnv, settings.root(), settings.logDir().resolve(name + ".log"));
        ports.put(process, port);
        return process;
    }

    /** The module's executable jar under its {@code target} (Spring Boot's {@code -exec.jar}). */
    public static Path executableJar(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target + ": run ./mvnw package"));
        } catch (IOException e) {
            throw new IllegalStateException("no build output in " + target + ": run ./mvnw package", e);
        }
    }

    private ManagedProcess record(ManagedProcess process) {
        processes.add(process);
        writePidFile();
        return process;
    }

    private void writePidFile() {
        StringBuilder text = new StringBuilder();
        for (ManagedProcess p : processes) {
            text.append(p.name()).append(' ').append(p.pid()).append(' ').append(p.startedAt()).append(' ')
                    .append(p.log()).append('\n');
        }
        try {
            Files.writeString(settings.pidFile(), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException ignored) {
            // nothing left to stop; a stale file is re-checked by PID and start time anyway
        }
    }

    /** Stops what a previous {@code start} recorded: by PID, and only if the PID is still that very process. */
    static int stopRecorded(PlatformSettings settings) throws IOException {
        if (!Files.exists(settings.pidFile())) {
            return 0;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(settings.pidFile()));
        java.util.Collections.reverse(lines);
        int stopped = 0;
        for (String line : lines) {
            String[] f = line.split(" ", 4);
            var process = ManagedProcess.attach(f[0], Long.parseLong(f[1]), Instant.parse(f[2]), Path.of(f[3]));
            if (process.isPresent()) {
                System.out.println("stopping " + f[0] + " (pid " + f[1] + ")");
                process.get().stop(Duration.ofSeconds(30));
                stopped++;
            }
        }
        Files.delete(settings.pidFile());
        return stopped;
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        // start --instances activity-service=2 (wins over PLATFORM_INSTANCES)
        PlatformSettings settings = args.length >= 3 && args[1].equals("--instances")
                ? PlatformSettings.fromEnvironment(root, args[2]) : PlatformSettings.fromEnvironment(root);
        String command = args.length == 0 ? "start" : args[0];
        switch (command) {
            case "start" -> {
                if (Files.exists(settings.pidFile())) {
                    stopRecorded(settings); // a platform left over from an interrupted run
                }
                Instant begin = Instant.now();
                new LocalPlatform(settings).start();
                long seconds = Duration.between(begin, Instant.now()).toSeconds();
                System.out.println(banner(settings, seconds));
            }
            case "stop" -> System.out.println("stopped " + stopRecorded(settings) + " processes");
            default -> {
                System.err.println("usage: LocalPlatform start [--instances service=N,...]|stop");
                System.exit(2);
            }
        }
    }

    private static String banner(PlatformSettings s, long seconds) {
        return """

                机关党建平台 is ready after %d s.
                  Web application (sign in here):  %s/
                  Gateway (API and browser login): %s
                  OpenAPI docs of all services:     %s/swagger-ui.html
                  Keycloak (realm city):            %s  (admin console: admin / admin)
                  Logs:                             %s
                  Demo accounts (password demo-pass for all; departments caizheng 市财政局, jiaoyu 市教育局):
                    work-committee                           市直机关工委 WORK_COMMITTEE_ADMIN
                    city-inspector                           INSPECTOR, city-wide
                    caizheng-admin / jiaoyu-admin            DEPT_ADMIN
                    caizheng-secretary / jiaoyu-secretary    BRANCH_SECRETARY of branch 1, MEMBER
                    caizheng-member / jiaoyu-member          MEMBER
                    caizheng-inspector / jiaoyu-inspector    INSPECTOR of the department
                  Stop with: infra/local/platform.sh stop
                """.formatted(seconds, s.gatewayUrl(), s.gatewayUrl(), s.gatewayUrl(), s.effectiveKeycloakUrl(), s.logDir());
    }
}

package cn.city.party.e2e;

import cn.city.party.common.test.ContainerInfrastructure;
import cn.city.party.common.test.TestInfrastructure;
import cn.city.party.infra.local.LocalPlatform;
import cn.city.party.infra.local.PlatformSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole platform as separate processes, started once per test JVM through the same launcher as the README's
 * run command, on free ports and a private state directory: Kafka, the MongoDB substitute and Keycloak (or, for
 * {@link TestInfrastructure.Kind#CONTAINERS}, the official images), the four services and the gateway.
 * <p>
 * Tests that bring their own records get it without demo data ({@link #get}); the browser tests see what a user of
 * {@code platform.sh start} sees, the demo departments' records ({@link #withDemoData()}). One platform runs at a
 * time: asking for another stops the running one (two would not fit beside each other on a small machine).
 */
public final class RunningPlatform {

    /** Short enough that a 2-second token is rejected a few seconds after it was issued. */
    static final String CLOCK_SKEW = "1s";
    /**
     * The services and the gateway with C1 alone, as the test JVMs (root pom): they live for a few minutes, and on two
     * cores the platform is ready about 20 s sooner. The local runner keeps the full JIT for its benchmarks.
     */
    private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    private record Key(TestInfrastructure.Kind kind, boolean demoData) {
    }

    private static Key runningKey;
    private static LocalPlatform running;

    private RunningPlatform() {
    }

    public static LocalPlatform get(TestInfrastructure.Kind kind) {
        return get(new Key(kind, false));
    }

    /** The embedded platform with the services' demo data (PLATFORM_DEMO_DATA_ENABLED), as the local runner starts it. */
    public static LocalPlatform withDemoData() {
        return get(new Key(TestInfrastructure.Kind.EMBEDDED, true));
    }

    private static synchronized LocalPlatform get(Key key) {
        if (!key.equals(runningKey)) {
            if (running != null) {
                running.close();
            }
            running = start(key.kind(), key.demoData());
            runningKey = key;
        }
        return running;
    }

    private static LocalPlatform start(TestInfrastructure.Kind kind, boolean demoData) {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        requireFreshBuild(root);
        Path state;
        try {
            state = Files.createTempDirectory("platform-e2e");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        PlatformSettings settings = PlatformSettings.forTests(root, state, Map.of("PLATFORM_SECURITY_CLOCK_SKEW", CLOCK_SKEW,
                "PLATFORM_DEMO_DATA_ENABLED", String.valueOf(demoData), "JAVA_TOOL_OPTIONS", QUICK_START));
        if (kind == TestInfrastructure.Kind.CONTAINERS) {
            // an external Keycloak: its realm's credentials come with it (the local runner generates them otherwise)
            ContainerInfrastructure containers = ContainerInfrastructure.get();
            settings = PlatformSettings.forTests(root, state, Map.of("PLATFORM_SECURITY_CLOCK_SKEW", CLOCK_SKEW,
                            "JAVA_TOOL_OPTIONS", QUICK_START, "ORG_KEYCLOAK_CLIENT_KEY", containers.orgServiceClientKey(),
                            "GATEWAY_CLIENT_SECRET", containers.gatewayClientSecret()))
                    .withExternal(containers.mongoUri(), containers.kafkaBootstrapServers(), containers.keycloakUrl());
        }
        LocalPlatform platform = new LocalPlatform(settings).start();
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-e2e-stop"));
        return platform;
    }

    /**
     * Refuses to test an executable jar older than a source file that goes into it: after a merge or a checkout
     * without a rebuild (e.g. {@code -pl e2e-tests} alone), the tests would drive yesterday's services and pages and
     * fail, or pass, for reasons that are not in the tree. The gateway's jar carries the web application.
     */
    static void requireFreshBuild(Path root) {
        Map<String, List<String>> sources = Map.of(
                "org-service", List.of("org-service/src/main", "platform-common/src/main"),
                "activity-service", List.of("activity-service/src/main", "platform-common/src/main"),
                "study-service", List.of("study-service/src/main", "platform-common/src/main"),
                "discipline-service", List.of("discipline-service/src/main", "platform-common/src/main"),
                "gateway", List.of("gateway/src/main", "platform-common/src/main", "web/src", "web/index.html",
                        "web/package-lock.json"));
        sources.forEach((module, paths) -> {
            Path jar = LocalPlatform.executableJar(root, module);
            for (String path : paths) {
                newestFile(root.resolve(path)).filter(source -> modified(source).compareTo(modified(jar)) > 0)
                        .ifPresent(source -> {
                            throw new IllegalStateException(jar + " is older than " + source + ": rebuild the jars first "
                                    + "(./mvnw -o -q package -DskipTests -pl '!e2e-tests', or the whole build)");
                        });
            }
        });
    }

    private static Optional<Path> newestFile(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).max(Comparator.comparing(RunningPlatform::modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

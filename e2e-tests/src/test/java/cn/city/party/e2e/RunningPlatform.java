package cn.city.party.e2e;

import cn.city.party.common.test.ContainerInfrastructure;
import cn.city.party.common.test.TestInfrastructure;
import cn.city.party.infra.local.LocalPlatform;
import cn.city.party.infra.local.PlatformSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
        Path state;
        try {
            state = Files.createTempDirectory("platform-e2e");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        PlatformSettings settings = PlatformSettings.forTests(root, state, Map.of("PLATFORM_SECURITY_CLOCK_SKEW", CLOCK_SKEW,
                "PLATFORM_DEMO_DATA_ENABLED", String.valueOf(demoData)));
        if (kind == TestInfrastructure.Kind.CONTAINERS) {
            // an external Keycloak: its realm's credentials come with it (the local runner generates them otherwise)
            ContainerInfrastructure containers = ContainerInfrastructure.get();
            settings = PlatformSettings.forTests(root, state, Map.of("PLATFORM_SECURITY_CLOCK_SKEW", CLOCK_SKEW,
                            "ORG_KEYCLOAK_CLIENT_KEY", containers.orgServiceClientKey(),
                            "GATEWAY_CLIENT_SECRET", containers.gatewayClientSecret()))
                    .withExternal(containers.mongoUri(), containers.kafkaBootstrapServers(), containers.keycloakUrl());
        }
        LocalPlatform platform = new LocalPlatform(settings).start();
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-e2e-stop"));
        return platform;
    }
}

package cn.city.party.e2e;

import cn.city.party.common.test.ContainerInfrastructure;
import cn.city.party.common.test.TestInfrastructure;
import cn.city.party.infra.local.LocalPlatform;
import cn.city.party.infra.local.PlatformSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The whole platform as separate processes, started once per test JVM through the same launcher as the README's
 * run command, on free ports and a private state directory: Kafka, the MongoDB substitute and Keycloak (or, for
 * {@link TestInfrastructure.Kind#CONTAINERS}, the official images), the four services and the gateway.
 */
public final class RunningPlatform {

    /** Short enough that a 2-second token is rejected a few seconds after it was issued. */
    static final String CLOCK_SKEW = "1s";

    private static final Map<TestInfrastructure.Kind, LocalPlatform> STARTED = new EnumMap<>(TestInfrastructure.Kind.class);

    private RunningPlatform() {
    }

    public static synchronized LocalPlatform get(TestInfrastructure.Kind kind) {
        return STARTED.computeIfAbsent(kind, RunningPlatform::start);
    }

    private static LocalPlatform start(TestInfrastructure.Kind kind) {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        Path state;
        try {
            state = Files.createTempDirectory("platform-e2e");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        PlatformSettings settings = PlatformSettings.forTests(root, state, Map.of("PLATFORM_SECURITY_CLOCK_SKEW", CLOCK_SKEW));
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

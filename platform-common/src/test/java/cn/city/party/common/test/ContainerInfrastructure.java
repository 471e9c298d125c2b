package cn.city.party.common.test;

import cn.city.party.infra.local.ClientKey;
import cn.city.party.infra.local.LocalSecret;
import cn.city.party.infra.local.RealmFiles;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The same suites on the official images: MongoDB (single-node replica set), Apache Kafka (KRaft) and Keycloak
 * importing the same realm file. Only used by test classes marked {@code @Testcontainers(disabledWithoutDocker = true)},
 * so machines without Docker skip them cleanly.
 */
public final class ContainerInfrastructure implements TestInfrastructure {

    private static ContainerInfrastructure instance;

    private final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
    private final GenericContainer<?> keycloak;
    private final ClientKey orgServiceKey;
    private final String gatewaySecret;

    private ContainerInfrastructure() {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        try {
            Path state = Files.createTempDirectory("platform-test-containers");
            orgServiceKey = ClientKey.inFile(state.resolve("org-service-client.key"));
            gatewaySecret = LocalSecret.inFile(state.resolve("gateway-client.secret"), LocalSecret.randomBytes(24));
            keycloak = new GenericContainer<>("quay.io/keycloak/keycloak:26.7.3")
                    .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                    .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                    .withEnv("ORG_SERVICE_CLIENT_JWKS", orgServiceKey.publicJwksForImport())
                    .withEnv("GATEWAY_CLIENT_SECRET", gatewaySecret)
                    .withEnv("PLATFORM_PUBLIC_URL", "http://localhost")
                    .withCopyToContainer(Transferable.of(RealmFiles.mergedJson(EmbeddedInfrastructure.realmFiles(root))),
                            "/opt/keycloak/data/import/city-realm.json")
                    .withCommand("start-dev", "--import-realm", "--hostname-strict=false")
                    .withExposedPorts(8080)
                    .waitingFor(Wait.forHttp("/realms/city/.well-known/openid-configuration").forStatusCode(200)
                            .withStartupTimeout(Duration.ofMinutes(4)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        mongo.start();
        kafka.start();
        keycloak.start();
    }

    public static synchronized ContainerInfrastructure get() {
        if (instance == null) {
            instance = new ContainerInfrastructure();
        }
        return instance;
    }

    @Override
    public String mongoUri() {
        return mongo.getReplicaSetUrl();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String orgServiceClientKey() {
        return orgServiceKey.privateKeyPem();
    }

    /** The gateway client's secret in this Keycloak's realm. */
    public String gatewayClientSecret() {
        return gatewaySecret;
    }

    @Override
    public String keycloakUrl() {
        return "http://localhost:" + keycloak.getMappedPort(8080);
    }
}

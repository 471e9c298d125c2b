package cn.city.party.common.test;

import cn.city.party.infra.local.KeycloakServer;
import cn.city.party.infra.local.ManagedProcess;
import cn.city.party.infra.local.MongoSubstituteStore;
import cn.city.party.infra.local.PlatformSettings;
import cn.city.party.infra.local.RealmFiles;
import de.bwaldvogel.mongo.MongoServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One set of real components per test JVM, started on first use and stopped when the JVM exits: the MongoDB
 * wire-protocol server with the local runner's store (in memory, so the services' queries are tested on the indexes
 * the platform serves them from), a KRaft Kafka broker, and the real Keycloak server with the {@code city} realm.
 */
public final class EmbeddedInfrastructure implements TestInfrastructure {

    private static EmbeddedInfrastructure instance;

    private final MongoServer mongo;
    private final String mongoUri;
    private final EmbeddedKafkaKraftBroker kafka;
    private final PlatformSettings keycloakSettings;
    private final ManagedProcess keycloak;

    private EmbeddedInfrastructure() throws IOException {
        mongo = new MongoServer(MongoSubstituteStore.open(null));
        InetSocketAddress address = mongo.bind();
        mongoUri = "mongodb://127.0.0.1:" + address.getPort();
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("platform-test-keycloak");
        keycloakSettings = PlatformSettings.forTests(root, state, Map.of());
        keycloak = new KeycloakServer(keycloakSettings).start(realmFiles(root));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-infrastructure-stop"));
    }

    public static synchronized EmbeddedInfrastructure get() {
        if (instance == null) {
            try {
                instance = new EmbeddedInfrastructure();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** The production realm ({@code platform.realm.file}, set by the root pom) with the local demo overlay. */
    static List<Path> realmFiles(Path root) {
        String configured = System.getProperty("platform.realm.file");
        return List.of(configured != null ? Path.of(configured) : root.resolve(RealmFiles.PRODUCTION),
                root.resolve(RealmFiles.LOCAL_OVERLAY));
    }

    @Override
    public String orgServiceClientKey() {
        return KeycloakServer.orgServiceKey(keycloakSettings).privateKeyPem();
    }

    @Override
    public String mongoUri() {
        return mongoUri;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String keycloakUrl() {
        return keycloakSettings.effectiveKeycloakUrl();
    }

    private void stop() {
        keycloak.stop(Duration.ofSeconds(15));
        kafka.destroy();
        mongo.shutdownNow();
    }
}

package cn.city.party.infra.local;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Kafka broker in KRaft combined mode, run from the Maven Central jars in infra/target/lib, with the same
 * access rules as Compose and Kubernetes ({@link KafkaAccess}): clients authenticate with SASL/SCRAM-SHA-512 (one
 * principal per service, created when the storage is formatted), the StandardAuthorizer denies what no ACL grants,
 * and the runner itself is the super user {@link KafkaAccess#ADMIN}. The passwords are generated on first start and
 * kept beside the broker's data.
 */
public final class KafkaBroker {

    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private final PlatformSettings settings;
    private final Path dir;
    private final Path credentialsFile;

    public KafkaBroker(PlatformSettings settings) {
        this.settings = settings;
        this.dir = settings.dataDir().resolve("kafka");
        this.credentialsFile = settings.dataDir().resolve("kafka-credentials.properties");
    }

    public ManagedProcess start() {
        Map<String, String> passwords = passwords();
        Path properties = writeProperties(passwords.get(KafkaAccess.ADMIN));
        if (!Files.exists(dir.resolve("logs/meta.properties"))) {
            format(properties, passwords);
        }
        ManagedProcess broker = ManagedProcess.start("kafka",
                Jvm.command(settings.root(), List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"),
                        "kafka.Kafka", properties.toString()),
                Map.of(), dir, settings.logDir().resolve("kafka.log"));
        broker.awaitReady(() -> ManagedProcess.tcpOpen("127.0.0.1", settings.kafkaPort()), Duration.ofSeconds(60));
        try {
            grantAccess();
        } catch (RuntimeException e) {
            broker.stop(Duration.ofSeconds(20));
            throw e;
        }
        return broker;
    }

    /** What a client needs to connect as {@code principal} (a service's module name, or {@link KafkaAccess#ADMIN}). */
    public Map<String, Object> clientProperties(String principal) {
        return clientProperties(principal, passwords().get(principal));
    }

    /** The same with any password, e.g. a wrong one. */
    public Map<String, Object> clientProperties(String principal, String password) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.effectiveKafkaBootstrap());
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, KafkaAccess.MECHANISM);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(SCRAM_LOGIN, principal, password));
        return props;
    }

    /** The variables a service reads its Kafka credentials from (platform-defaults.yml), here and in deployments. */
    public static final List<String> CREDENTIAL_VARIABLES = List.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
            "KAFKA_USERNAME", "KAFKA_PASSWORD");

    /** The values of {@link #CREDENTIAL_VARIABLES} for {@code service}. */
    public Map<String, String> serviceEnvironment(PlatformService service) {
        String principal = KafkaAccess.principal(service);
        List<String> values = List.of("SASL_PLAINTEXT", KafkaAccess.MECHANISM, principal, passwords().get(principal));
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            env.put(CREDENTIAL_VARIABLES.get(i), values.get(i));
        }
        return env;
    }

    /** Creates the platform's topics and every ACL of {@link KafkaAccess}; both are idempotent. */
    private void grantAccess() {
        try (Admin admin = Admin.create(clientProperties(KafkaAccess.ADMIN))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = KafkaAccess.ownedTopics().values().stream().flatMap(List::stream)
                    .filter(t -> !existing.contains(t)).map(t -> new NewTopic(t, KafkaAccess.PARTITIONS, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            // topics of an older installation (3 partitions) grow, so that several instances of a service share them;
            // only those that existed: a topic just created may not be in the broker's metadata yet, and has them all
            Map<String, NewPartitions> grow = new HashMap<>();
            admin.describeTopics(KafkaAccess.ownedTopics().values().stream().flatMap(List::stream).filter(existing::contains).toList())
                    .allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, topic) -> {
                        if (topic.partitions().size() < KafkaAccess.PARTITIONS) {
                            grow.put(name, NewPartitions.increaseTo(KafkaAccess.PARTITIONS));
                        }
                    });
            admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
            List<AclBinding> acls = KafkaAccess.grants().stream().map(g -> new AclBinding(
                    new ResourcePattern(ResourceType.valueOf(g.resourceType()), g.name(), PatternType.LITERAL),
                    new AccessControlEntry("User:" + g.principal(), "*", AclOperation.valueOf(g.operation()),
                            AclPermissionType.ALLOW))).toList();
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            // the controller has them; the broker's authorizer learns them from the metadata log a moment later
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS).containsAll(acls)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply its ACLs within 30 s");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not create the Kafka topics and ACLs", e);
        }
    }

    /** SCRAM credentials live in the cluster metadata, written when the storage is formatted (KIP-900). */
    private void format(Path properties, Map<String, String> passwords) {
        List<String> args = new ArrayList<>(List.of("format", "-t", clusterId(), "-c", properties.toString()));
        passwords.forEach((principal, password) -> {
            args.add("--add-scram");
            args.add(KafkaAccess.MECHANISM + "=[name=" + principal + ",password=" + password + "]");
        });
        ManagedProcess format = ManagedProcess.start("kafka-format",
                Jvm.command(settings.root(), List.of("-Xmx128m"), "kafka.tools.StorageTool", args.toArray(String[]::new)),
                Map.of(), dir, settings.logDir().resolve("kafka-format.log"));
        format.awaitExit(Duration.ofSeconds(60));
    }

    /**
     * The password of each principal: generated on first start and kept beside the data (owner-only), like the
     * discipline service's reporter key. Data formatted before there were credentials is formatted again.
     */
    private synchronized Map<String, String> passwords() {
        try {
            if (!Files.exists(credentialsFile)) {
                deleteRecursively(dir); // formatted without SCRAM users: the broker could not authenticate anyone
                Files.createDirectories(credentialsFile.getParent());
                Properties generated = new Properties();
                generated.setProperty(KafkaAccess.ADMIN, newPassword());
                for (PlatformService service : PlatformService.values()) {
                    generated.setProperty(KafkaAccess.principal(service), newPassword());
                }
                try (Writer out = Files.newBufferedWriter(credentialsFile)) {
                    generated.store(out, "SCRAM passwords of the local Kafka principals (generated, local use only)");
                }
                credentialsFile.toFile().setReadable(false, false);
                credentialsFile.toFile().setReadable(true, true);
            }
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(credentialsFile)) {
                stored.load(in);
            }
            Map<String, String> passwords = new HashMap<>();
            stored.stringPropertyNames().forEach(name -> passwords.put(name, stored.getProperty(name)));
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'x').replace('_', 'y');
    }

    private Path writeProperties(String adminPassword) {
        int port = settings.kafkaPort();
        int controller = settings.kafkaControllerPort();
        String text = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=CLIENT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=CLIENT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=CLIENT",
                "listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                // clients and the broker itself: SCRAM; the controller listener: PLAIN with the admin alone
                "listener.name.client.sasl.enabled.mechanisms=" + KafkaAccess.MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + KafkaAccess.MECHANISM,
                "listener.name.client.scram-sha-512.sasl.jaas.config=" + jaas(SCRAM_LOGIN, KafkaAccess.ADMIN, adminPassword),
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + PLAIN_LOGIN + " required username=\""
                        + KafkaAccess.ADMIN + "\" password=\"" + adminPassword + "\" user_" + KafkaAccess.ADMIN
                        + "=\"" + adminPassword + "\";",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + KafkaAccess.ADMIN,
                "allow.everyone.if.no.acl.found=false",
                "log.dirs=" + dir.resolve("logs"),
                // topics created on first use (the dead-letter topics) get as many partitions as the platform's
                "num.partitions=" + KafkaAccess.PARTITIONS,
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                // the log cleaner's 128 MB default buffer was most of the broker's heap; the one compacted topic here,
                // the consumer offsets, needs a small fraction of it
                "log.cleaner.dedupe.buffer.size=" + 16 * 1024 * 1024,
                "");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("server.properties");
            Files.writeString(file, text);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jaas(String module, String username, String password) {
        return module + " required username=\"" + username + "\" password=\"" + password + "\";";
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Kafka's cluster ids are 16 random bytes in URL-safe base64, never starting with '-'. */
    private static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}

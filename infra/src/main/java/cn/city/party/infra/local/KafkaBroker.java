package cn.city.party.infra.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A real Kafka broker in KRaft combined mode, run from the Maven Central jars in infra/target/lib. */
public final class KafkaBroker {

    private final PlatformSettings settings;
    private final Path dir;

    public KafkaBroker(PlatformSettings settings) {
        this.settings = settings;
        this.dir = settings.dataDir().resolve("kafka");
    }

    public ManagedProcess start() {
        Path properties = writeProperties();
        if (!Files.exists(dir.resolve("logs/meta.properties"))) {
            format(properties);
        }
        ManagedProcess broker = ManagedProcess.start("kafka",
                Jvm.command(settings.root(), List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"),
                        "kafka.Kafka", properties.toString()),
                Map.of(), dir, settings.logDir().resolve("kafka.log"));
        broker.awaitReady(() -> ManagedProcess.tcpOpen("127.0.0.1", settings.kafkaPort()), Duration.ofSeconds(60));
        return broker;
    }

    private void format(Path properties) {
        ManagedProcess format = ManagedProcess.start("kafka-format",
                Jvm.command(settings.root(), List.of("-Xmx128m"), "kafka.tools.StorageTool",
                        "format", "-t", clusterId(), "-c", properties.toString()),
                Map.of(), dir, settings.logDir().resolve("kafka-format.log"));
        format.awaitExit(Duration.ofSeconds(60));
    }

    private Path writeProperties() {
        int port = settings.kafkaPort();
        int controller = settings.kafkaControllerPort();
        String text = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("logs"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("server.properties");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
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

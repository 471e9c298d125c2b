package cn.city.party.e2e.outbox;

import cn.city.party.common.events.EventType;
import cn.city.party.common.outbox.AggregateRoot;
import cn.city.party.common.test.EventCapture;
import cn.city.party.infra.local.KafkaAccess;
import cn.city.party.infra.local.KafkaBroker;
import cn.city.party.infra.local.ManagedProcess;
import cn.city.party.infra.local.PlatformSettings;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event backbone's guarantees with a real Kafka broker process that is stopped and started again: writes
 * succeed while the broker is down, every event arrives when it is back and is applied exactly once; a duplicate
 * delivery changes nothing; a poison message goes to the dead-letter topic and later messages are still consumed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxDeliveryIT {

    private static final String GROUP = "ledger-service";

    private final MongoServer mongo = new MongoServer(new MemoryBackend());
    private PlatformSettings settings;
    private KafkaBroker broker;
    private ManagedProcess kafka;
    private ConfigurableApplicationContext app;
    private MongoTemplate store;

    @Test
    @Order(1)
    void writes_survive_a_broker_outage_and_every_event_is_applied_exactly_once() throws Exception {
        kafka.stop(Duration.ofSeconds(20));

        LedgerApplication.Ledger ledger = app.getBean(LedgerApplication.Ledger.class);
        for (int i = 1; i <= 5; i++) {
            ledger.book("entry-" + i, "caizheng", 100L * i); // 1 + 2 + 3 + 4 + 5 yuan = 1,500 fen
        }
        assertThat(store.count(new Query(), LedgerApplication.LedgerEntry.class)).as("every write succeeded").isEqualTo(5);
        Thread.sleep(1_500);
        assertThat(pendingEvents()).as("events wait in the outbox while Kafka is down").isEqualTo(5);
        assertThat(tally()).isNull();

        kafka = broker.start();

        await(() -> tally() != null && total("totalFen") == 1_500, Duration.ofSeconds(60));
        await(() -> pendingEvents() == 0, Duration.ofSeconds(10));
        assertThat(total("entries")).as("each event applied once").isEqualTo(5);

        try (EventCapture capture = new EventCapture(broker.clientProperties(KafkaAccess.ADMIN), LedgerApplication.TOPIC)) {
            var published = capture.all(LedgerApplication.BOOKED.type(), e -> true, Duration.ofSeconds(3));
            assertThat(published).hasSize(5);

            // the very same message delivered again (a relay retry, a rebalance) changes nothing
            String first = capture.records().get(0).value();
            send(LedgerApplication.TOPIC, "entry-1", first);
            // a poison message: not an event at all
            send(LedgerApplication.TOPIC, "junk", "this is not a CloudEvent {");
            // and a later, valid event is still consumed
            ledger.book("entry-6", "caizheng", 600);
        }

        await(() -> total("totalFen") == 2_100, Duration.ofSeconds(30));
        Thread.sleep(2_000);
        assertThat(total("totalFen")).as("the duplicate was not applied").isEqualTo(2_100);
        assertThat(total("entries")).isEqualTo(6);

        String deadLetters = EventType.deadLetterTopic(LedgerApplication.TOPIC, GROUP);
        try (EventCapture dlt = new EventCapture(broker.clientProperties(KafkaAccess.ADMIN), deadLetters)) {
            dlt.all("none", e -> true, Duration.ofSeconds(5));
            assertThat(dlt.records()).extracting(r -> r.value()).containsExactly("this is not a CloudEvent {");
        }
    }

    /**
     * A relay leases a document while it publishes. A service that loaded the aggregate during that lease and saves it
     * after the relay released it must not bring the lease back: its new event would wait until the lease expired.
     */
    @Test
    @Order(2)
    void an_aggregate_saved_after_a_relays_lease_ended_is_published_at_once() throws Exception {
        LedgerApplication.Ledger ledger = app.getBean(LedgerApplication.Ledger.class);
        ledger.book("entry-7", "caizheng", 700);
        await(() -> total("totalFen") == 2_800 && pendingEvents() == 0, Duration.ofSeconds(30));
        Query entry7 = Query.query(Criteria.where("_id").is("entry-7"));

        // a relay claims the document as OutboxRelay does, with the default 30-second lease ...
        store.updateFirst(entry7, new Update().set(AggregateRoot.LEASE, Instant.now().plusSeconds(30)), "ledger_entries");
        LedgerApplication.LedgerEntry loaded = store.findOne(entry7, LedgerApplication.LedgerEntry.class);
        // ... and releases it, while the service still holds what it loaded
        store.updateFirst(entry7, new Update().unset(AggregateRoot.LEASE), "ledger_entries");

        ledger.bookMore(loaded, 50);

        await(() -> total("totalFen") == 2_850, Duration.ofSeconds(10));
        assertThat(total("entries")).isEqualTo(8);
    }

    @BeforeAll
    void start() throws Exception {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        settings = PlatformSettings.forTests(root, Files.createTempDirectory("outbox-it"), Map.of());
        Files.createDirectories(settings.logDir());
        broker = new KafkaBroker(settings);
        kafka = broker.start();
        var address = mongo.bind();
        // command-line arguments: they win over the imported platform defaults (builder properties would not)
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "spring.application.name", GROUP,
                "spring.config.import", "classpath:platform-defaults.yml",
                "server.port", "0",
                "spring.mongodb.uri", "mongodb://127.0.0.1:" + address.getPort(),
                "spring.mongodb.database", "ledger",
                "spring.kafka.bootstrap-servers", settings.effectiveKafkaBootstrap(),
                "platform.security.issuer-uri", "http://localhost:1/realms/city",
                "platform.outbox.poll-interval", "200ms",
                "platform.kafka.retry-interval", "100ms"));
        // the broker runs with SASL and ACLs; this test application is no platform service, so it connects as the admin
        properties.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
        properties.put("spring.kafka.properties.sasl.jaas.config",
                (String) broker.clientProperties(KafkaAccess.ADMIN).get(SaslConfigs.SASL_JAAS_CONFIG));
        app = new SpringApplicationBuilder(LedgerApplication.class).run(properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
        store = app.getBean(MongoTemplate.class);
    }

    private long pendingEvents() {
        return store.find(new Query(), Document.class, "ledger_entries").stream()
                .mapToLong(d -> d.getList("outbox", Document.class).size()).sum();
    }

    private Document tally() {
        return store.findOne(Query.query(Criteria.where("_id").is("caizheng")), Document.class, "tallies");
    }

    private long total(String field) {
        Document tally = tally();
        return tally == null ? 0 : ((Number) tally.get(field)).longValue();
    }

    private void send(String topic, String key, String value) throws Exception {
        Properties props = new Properties();
        props.putAll(broker.clientProperties(KafkaAccess.ADMIN));
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (kafka != null) {
            kafka.stop(Duration.ofSeconds(20));
        }
        mongo.shutdownNow();
    }
}

package cn.city.party.common.outbox;

import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.web.RequestId;
import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox relay between the MongoDB wire-protocol substitute and a real (embedded KRaft) Kafka broker: what waits
 * in a document is published in order with its headers and then removed, a document another relay holds is left to
 * it, and while Kafka does not take the events nothing is lost.
 */
class OutboxRelayTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final OutboxProperties PROPERTIES = new OutboxProperties(null, null, Duration.ofSeconds(5), null, 0);

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer server;
    private static MongoClient client;

    private final MongoTemplate mongo = new MongoTemplate(client, "outbox-" + UUID.randomUUID());
    private final String topic = "party.test.parcel-" + UUID.randomUUID();
    private final List<DefaultKafkaProducerFactory<String, String>> producers = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void start() {
        for (String broker : List.of("org.apache.kafka", "kafka", "state.change.logger")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(broker)).setLevel(Level.WARN);
        }
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperties(Map.of("auto.create.topics.enable", "true", "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
        kafka.destroy();
    }

    @AfterEach
    void closeProducers() {
        producers.forEach(DefaultKafkaProducerFactory::destroy);
    }

    @Test
    void publishes_each_documents_events_in_order_with_their_headers_and_removes_them() {
        mongo.insert(Parcel.of("a", event("a-0", "a", "第一件", null), event("a-1", "a", "第二件", null)));
        mongo.insert(Parcel.of("b", event("b-0", "b", "第三件", "req-42")));

        assertThat(relay(kafka.getBrokersAsString()).drainOnce()).isEqualTo(3);

        List<ConsumerRecord<String, String>> records = consume(3);
        assertThat(records).filteredOn(r -> r.key().equals("a")).extracting(ConsumerRecord::value)
                .containsExactly("第一件", "第二件");
        ConsumerRecord<String, String> b = records.stream().filter(r -> r.key().equals("b")).findFirst().orElseThrow();
        assertThat(b.value()).isEqualTo("第三件");
        assertThat(header(b, "ce_id")).isEqualTo("b-0");
        assertThat(header(b, "content-type")).isEqualTo(EventEnvelope.CONTENT_TYPE);
        assertThat(header(b, RequestId.HEADER)).isEqualTo("req-42");
        ConsumerRecord<String, String> a0 = records.stream().filter(r -> r.value().equals("第一件")).findFirst().orElseThrow();
        assertThat(a0.headers().lastHeader(RequestId.HEADER)).as("raised outside a request").isNull();

        assertThat(stored("a").getList(AggregateRoot.OUTBOX, Document.class)).isEmpty();
        assertThat(stored("b").getList(AggregateRoot.OUTBOX, Document.class)).isEmpty();
        assertThat(stored("a").containsKey(AggregateRoot.LEASE)).as("lease released").isFalse();
        assertThat(relay(kafka.getBrokersAsString()).drainOnce()).as("nothing left to publish").isZero();
        assertThat(takenOver()).as("no lease was left on them").isZero();
    }

    @Test
    void a_document_another_relay_holds_is_left_to_it_until_its_lease_runs_out() {
        mongo.insert(Parcel.of("c", event("c-0", "c", "租约中", null)));
        mongo.updateFirst(Query.query(Criteria.where("_id").is("c")),
                new Update().set(AggregateRoot.LEASE, NOW.plusSeconds(30)), "parcels");

        assertThat(relay(kafka.getBrokersAsString()).drainOnce()).isZero();
        assertThat(stored("c").getList(AggregateRoot.OUTBOX, Document.class)).hasSize(1);
        assertThat(takenOver()).isZero();

        mongo.updateFirst(Query.query(Criteria.where("_id").is("c")),
                new Update().set(AggregateRoot.LEASE, NOW.minusSeconds(1)), "parcels");
        assertThat(relay(kafka.getBrokersAsString()).drainOnce()).isEqualTo(1);
        assertThat(consume(1)).extracting(ConsumerRecord::value).containsExactly("租约中");
        assertThat(takenOver()).as("the dead relay's document, counted as taken over").isEqualTo(1);
    }

    private double takenOver() {
        return meters.counter("platform.outbox.leases.taken.over").count();
    }

    @Test
    void the_document_a_write_names_is_published_alone_and_only_when_no_other_relay_holds_it() {
        mongo.insert(Parcel.of("e", event("e-0", "e", "刚保存", null)));
        mongo.insert(Parcel.of("f", event("f-0", "f", "未点名", null)));
        OutboxRelay relay = relay(kafka.getBrokersAsString());

        assertThat(relay.publish("parcels", "e")).isEqualTo(1);
        assertThat(consume(1)).extracting(ConsumerRecord::value).containsExactly("刚保存");
        assertThat(stored("e").getList(AggregateRoot.OUTBOX, Document.class)).isEmpty();
        assertThat(stored("f").getList(AggregateRoot.OUTBOX, Document.class)).as("left to the poll").hasSize(1);
        assertThat(relay.publish("parcels", "e")).as("nothing waits there any more").isZero();

        mongo.updateFirst(Query.query(Criteria.where("_id").is("f")),
                new Update().set(AggregateRoot.LEASE, NOW.plusSeconds(30)), "parcels");
        assertThat(relay.publish("parcels", "f")).isZero();
        assertThat(stored("f").getList(AggregateRoot.OUTBOX, Document.class)).hasSize(1);
    }

    @Test
    void while_kafka_does_not_take_the_events_they_stay_in_the_document() throws Exception {
        mongo.insert(Parcel.of("d", event("d-0", "d", "等待中", null), event("d-1", "d", "也在等", null)));

        assertThat(relay(unreachableBroker()).drainOnce()).isZero();

        assertThat(stored("d").getList(AggregateRoot.OUTBOX, Document.class))
                .extracting(e -> e.getString(PendingEvent.ID_FIELD)).containsExactly("d-0", "d-1");
        assertThat(stored("d").containsKey(AggregateRoot.LEASE)).as("lease released").isFalse();

        assertThat(relay(kafka.getBrokersAsString()).drainOnce()).isEqualTo(2);
        assertThat(consume(2)).extracting(ConsumerRecord::value).containsExactly("等待中", "也在等");
    }

    private OutboxRelay relay(String bootstrapServers) {
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        DefaultKafkaProducerFactory<String, String> factory =
                new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new StringSerializer());
        producers.add(factory);
        return new OutboxRelay(mongo, new KafkaTemplate<>(factory), PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC), Tracer.NOOP,
                Propagator.NOOP, meters);
    }

    /** A port nothing listens on. */
    private static String unreachableBroker() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
    }

    private PendingEvent event(String id, String key, String payload, String traceId) {
        return new PendingEvent(id, topic, key, payload, traceId, null, NOW.minusSeconds(10));
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, "parcels");
    }

    /** Exactly {@code count} records arrive on the test's topic, read from its beginning. */
    private List<ConsumerRecord<String, String>> consume(int count) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            // polled in this thread (a consumer is not shared), each poll waiting up to 200 ms for records
            Awaitility.await(count + " records on " + topic).atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return records.size() >= count;
                    });
        }
        assertThat(records).hasSize(count);
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

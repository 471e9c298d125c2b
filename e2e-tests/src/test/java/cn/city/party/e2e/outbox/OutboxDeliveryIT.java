package cn.city.party.e2e.outbox;

import cn.city.party.common.events.EventType;
import cn.city.party.common.outbox.AggregateRoot;
import cn.city.party.common.test.EventCapture;
import cn.city.party.infra.local.KafkaAccess;
import cn.city.party.infra.local.KafkaBroker;
import cn.city.party.infra.local.ManagedProcess;
import cn.city.party.infra.local.PlatformSettings;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event backbone's guarantees with a real Kafka broker process that is stopped and started again: writes
 * succeed while the broker is down, every event arrives when it is back and is applied exactly once; a duplicate
 * delivery changes nothing; a poison message goes to the dead-letter topic and later messages are still consumed.
 * One trace follows a request through the outbox and Kafka to the consumer that applies its event, and the outbox and
 * the dead letters show in {@code /actuator/prometheus} as the operators' dashboards read them (infra/observability).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class OutboxDeliveryIT {

    private static final String GROUP = "ledger-service";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final MongoServer mongo = new MongoServer(new MemoryBackend());
    private PlatformSettings settings;
    private KafkaBroker broker;
    private ManagedProcess kafka;
    private ConfigurableApplicationContext app;
    private MongoTemplate store;
    /** Every span the application ended, as its OTLP exporter also sends them to {@link #collector}. */
    private final RecordedSpans spans = new RecordedSpans();
    /** Stands in for an OpenTelemetry collector: the bodies of the OTLP/HTTP requests it received. */
    private final List<byte[]> exported = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    /**
     * A caller's request with a W3C trace context: the service's span, the relay's send of the event it wrote, the
     * Kafka producer and the consumer that applies the event all belong to that one trace, which the access log names
     * and the OTLP exporter sends to the configured collector.
     */
    @Test
    @Order(3)
    void one_trace_spans_the_request_its_outbox_kafka_and_the_consumer_that_applies_the_event(CapturedOutput output)
            throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpanId = "00f067aa0ba902b7";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port() + "/api/ledger/entries/traced-1?department=jiaoyu&amountFen=42"))
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);

        await(() -> total("jiaoyu", "totalFen") == 42, Duration.ofSeconds(30));
        await(() -> spans.find(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(traceId)) != null,
                Duration.ofSeconds(10));

        SpanData server = spans.find(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/api/ledger/entries"));
        assertThat(server.getTraceId()).isEqualTo(traceId);
        assertThat(server.getParentSpanId()).as("continues the caller's span").isEqualTo(callerSpanId);
        SpanData publish = spans.find(s -> s.getName().equals("outbox publish"));
        assertThat(publish.getTraceId()).isEqualTo(traceId);
        assertThat(spans.ancestors(publish)).as("the relay continues the request that wrote the event: " + spans)
                .contains(server.getSpanId());
        SpanData producer = spans.find(s -> s.getKind() == SpanKind.PRODUCER && s.getTraceId().equals(traceId));
        assertThat(producer.getParentSpanId()).as(spans.toString()).isEqualTo(publish.getSpanId());
        SpanData consumer = spans.find(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(traceId));
        assertThat(consumer.getParentSpanId()).as("the consumer continues the trace from the record's headers")
                .isEqualTo(producer.getSpanId());

        String accessLine = output.getOut().lines().filter(l -> l.contains("POST /api/ledger/entries/traced-1 -> 201"))
                .findFirst().orElseThrow();
        assertThat(accessLine).contains("[" + traceId + "," + server.getSpanId() + "]");

        byte[] rawTraceId = HexFormat.of().parseHex(traceId);
        await(() -> exported.stream().anyMatch(body -> contains(body, rawTraceId)), Duration.ofSeconds(10));
    }

    @Test
    @Order(1)
    void writes_survive_a_broker_outage_and_every_event_is_applied_exactly_once() throws Exception {
        kafka.stop(Duration.ofSeconds(20));

        LedgerApplication.Ledger ledger = app.getBean(LedgerApplication.Ledger.class);
        for (int i = 1; i <= 5; i++) {
            ledger.book("entry-" + i, "caizheng", 100L * i); // 1 + 2 + 3 + 4 + 5 yuan = 1,500 fen
        }
        assertThat(store.count(new Query(), LedgerApplication.LedgerEntry.class)).as("every write succeeded").isEqualTo(5);
        Awaitility.await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(pendingEvents()).as("events wait in the outbox while Kafka is down").isEqualTo(5));
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
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(total("totalFen")).as("the duplicate was not applied").isEqualTo(2_100));
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

    /**
     * What the operators' dashboards read: the outbox drained, the poison message of the first test dead-lettered, the
     * traced request's latency.
     */
    @Test
    @Order(4)
    void the_outbox_and_the_dead_letters_show_in_the_prometheus_scrape() throws Exception {
        await(() -> pendingEvents() == 0, Duration.ofSeconds(10));
        String scrape = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(scrape.lines()).contains("platform_outbox_pending_events 0.0",
                "platform_outbox_oldest_event_age_seconds 0.0",
                "platform_outbox_leases_taken_over_total 0.0",
                "platform_kafka_dead_letters_total{group=\"ledger-service\",reason=\"poison\",topic=\"party.ledger.entry\"} 1.0");
        assertThat(scrape.lines().filter(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{")))
                .as("consumer lag, per consumer client").isNotEmpty();
        assertThat(scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")
                && l.contains("uri=\"/api/ledger/entries/{id}\""))).as("latency and errors per endpoint").containsExactly(
                "http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/api/ledger/entries/{id}\"} 1");
        assertThat(scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket{")
                && l.contains("uri=\"/api/ledger/entries/{id}\"") && l.contains("le=\"+Inf\"")))
                .as("latency buckets, for the percentiles").hasSize(1);
    }

    @BeforeAll
    void start() throws Exception {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            exported.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
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
        // spans go to the stand-in collector over OTLP, as to a real one when its endpoint is configured
        properties.put("management.opentelemetry.tracing.export.otlp.endpoint",
                "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
        properties.put("management.opentelemetry.tracing.export.schedule-delay", "100ms");
        // the broker runs with SASL and ACLs; this test application is no platform service, so it connects as the admin
        properties.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
        properties.put("spring.kafka.properties.sasl.jaas.config",
                (String) broker.clientProperties(KafkaAccess.ADMIN).get(SaslConfigs.SASL_JAAS_CONFIG));
        app = new SpringApplicationBuilder(LedgerApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("recordedSpans", spans))
                .run(properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
        store = app.getBean(MongoTemplate.class);
    }

    private long pendingEvents() {
        return store.find(new Query(), Document.class, "ledger_entries").stream()
                .mapToLong(d -> d.getList("outbox", Document.class).size()).sum();
    }

    private Document tally() {
        return tally("caizheng");
    }

    private Document tally(String department) {
        return store.findOne(Query.query(Criteria.where("_id").is(department)), Document.class, "tallies");
    }

    private long total(String field) {
        return total("caizheng", field);
    }

    private long total(String department, String field) {
        Document tally = tally(department);
        return tally == null ? 0 : ((Number) tally.get(field)).longValue();
    }

    private int port() {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static boolean contains(byte[] body, byte[] part) {
        for (int i = 0; i + part.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    /** An exporter beside the OTLP one that keeps the ended spans for the assertions. */
    private static final class RecordedSpans implements SpanExporter {
        private final List<SpanData> ended = new CopyOnWriteArrayList<>();

        SpanData find(Predicate<SpanData> which) {
            return ended.stream().filter(which).findFirst().orElse(null);
        }

        /** The ids of the spans above {@code span}, its parent first. */
        List<String> ancestors(SpanData span) {
            List<String> above = new java.util.ArrayList<>();
            for (SpanData at = span; at != null && at.getParentSpanContext().isValid(); ) {
                String parent = at.getParentSpanId();
                above.add(parent);
                at = find(s -> s.getSpanId().equals(parent));
            }
            return above;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            ended.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public String toString() {
            return ended.stream().map(s -> s.getKind() + " " + s.getName() + " " + s.getTraceId() + "/" + s.getSpanId()
                    + "<-" + s.getParentSpanId()).toList().toString();
        }
    }

    private void send(String topic, String key, String value) throws Exception {
        Properties props = new Properties();
        props.putAll(broker.clientProperties(KafkaAccess.ADMIN));
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) {
        Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(condition::getAsBoolean);
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
        if (collector != null) {
            collector.stop(0);
        }
    }
}

package cn.city.party.common.test;

import cn.city.party.common.events.EventType;
import cn.city.party.common.contracts.DemoRoster;
import cn.city.party.common.contracts.EventContracts;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Base of a service's API tests: calls the running application over HTTP with real Keycloak tokens, listens to and
 * publishes on the real Kafka broker.
 */
public abstract class ServiceApiTest {

    @LocalServerPort
    protected int port;

    @Value("${platform.test.keycloak-url}")
    protected String keycloakUrl;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafkaBootstrapServers;

    @Value("${spring.kafka.consumer.group-id}")
    protected String consumerGroup;

    protected Api api() {
        Tokens tokens = new Tokens(keycloakUrl);
        return new Api("http://localhost:" + port, tokens::of);
    }

    /** Listens on {@code topics} from their beginning; close it at the end of the test. */
    protected EventCapture capture(String... topics) {
        return new EventCapture(kafkaBootstrapServers, topics);
    }

    /** Listens on the dead-letter topic of this service's consumer group for {@code topic}. */
    protected EventCapture deadLetters(String topic) {
        return capture(EventType.deadLetterTopic(topic, consumerGroup));
    }

    /**
     * Publishes another service's event exactly as its producer would, after checking it against the producer's
     * contract ({@link EventContracts}), so a listener is only ever fed what the contract allows.
     * Returns the event id (pass the same id again to simulate a redelivery).
     */
    protected String publish(String topic, String type, String key, String department, Object data, String eventId) {
        publishRaw(topic, key, event(eventId, type, key, department, data));
        return eventId;
    }

    /** The CloudEvent another service's producer would write, checked against the producer's contract. */
    protected static String event(String eventId, String type, String subject, String department, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", eventId);
        envelope.put("source", "/party/" + type.split("\\.")[1] + "-service");
        envelope.put("type", type);
        envelope.put("subject", subject);
        envelope.put("time", Instant.now().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("dataschema", "urn:party-platform:schema:" + type);
        envelope.put("department", department);
        envelope.put("traceid", null);
        envelope.put("data", data);
        JsonNode event = Api.JSON.valueToTree(envelope);
        EventContracts.assertValid(event, EventContracts.schemaResource(type));
        return event.toString();
    }

    /** The same event claiming another {@code source}: what a forger, or a service writing a topic not its own, sends. */
    protected static String sentBy(String source, String event) {
        ObjectNode forged = (ObjectNode) Api.JSON.readTree(event);
        forged.put("source", source);
        return forged.toString();
    }

    protected String publish(String topic, String type, String key, String department, Object data) {
        return publish(topic, type, key, department, data, UUID.randomUUID().toString());
    }

    /** Publishes the demo roster ({@link DemoRoster}) as org-service would; the caller waits for what it reads of it. */
    protected void publishDemoRoster() {
        for (DemoRoster.Event e : DemoRoster.events()) {
            publish(e.topic(), e.type(), e.subject(), e.department(), e.data(), e.id());
        }
    }

    /** Sends any bytes, e.g. a poison message that is not an event at all. */
    protected void publishRaw(String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Waits (at most 30 s) until an asynchronous effect, such as a consumed event, is visible. */
    protected static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}

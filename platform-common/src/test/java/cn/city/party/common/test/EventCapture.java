package cn.city.party.common.test;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads what really arrived on Kafka topics, from their beginning, so tests assert on published events (and their
 * count) rather than on what the code meant to send.
 */
public final class EventCapture implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    public EventCapture(String bootstrapServers, String... topics) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics);
    }

    /** Connects with {@code clientProperties} (the bootstrap servers and, on a secured broker, the credentials). */
    public EventCapture(Map<String, Object> clientProperties, String... topics) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "capture-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true"));
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** Polls until an event of {@code type} matching {@code match} has arrived, and returns it. */
    public JsonNode await(String type, Predicate<JsonNode> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode event : events()) {
                if (type.equals(event.path("type").asString()) && match.test(event)) {
                    return event;
                }
            }
            poll();
        }
        throw new AssertionError("no " + type + " event matched within " + timeout.toSeconds() + " s; saw " + events().size());
    }

    /**
     * Polls until {@code count} events of {@code type} matching {@code match} have arrived, then a little longer to
     * see that no more follow, and returns them; fails when fewer arrive within {@code timeout} or more arrive.
     */
    public List<JsonNode> awaitExactly(String type, Predicate<JsonNode> match, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (matching(type, match).size() < count && Instant.now().isBefore(deadline)) {
            poll();
        }
        List<JsonNode> settled = all(type, match, Duration.ofSeconds(1));
        if (settled.size() != count) {
            throw new AssertionError("expected " + count + " " + type + " events within " + timeout.toSeconds()
                    + " s, got " + settled.size());
        }
        return settled;
    }

    /** Every event of {@code type} matching {@code match} seen so far, after polling for {@code settle}. */
    public List<JsonNode> all(String type, Predicate<JsonNode> match, Duration settle) {
        Instant end = Instant.now().plus(settle);
        while (Instant.now().isBefore(end)) {
            poll();
        }
        return matching(type, match);
    }

    private List<JsonNode> matching(String type, Predicate<JsonNode> match) {
        return events().stream().filter(e -> type.equals(e.path("type").asString()) && match.test(e)).toList();
    }

    public List<ConsumerRecord<String, String>> records() {
        return List.copyOf(records);
    }

    /** The records that are JSON (a dead-letter topic may also hold messages that are not). */
    private List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(Api.JSON.readTree(record.value()));
            } catch (tools.jackson.core.JacksonException notJson) {
                // kept in records(), left out here
            }
        }
        return events;
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

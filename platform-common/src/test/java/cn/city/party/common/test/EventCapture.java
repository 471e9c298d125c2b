package cn.city.party.common.test;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
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
        try {
            return polling(timeout).until(() -> {
                List<JsonNode> seen = matching(type, match);
                if (seen.isEmpty()) {
                    poll();
                }
                return seen;
            }, seen -> !seen.isEmpty()).get(0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no " + type + " event matched within " + timeout.toSeconds() + " s; saw " + events().size());
        }
    }

    /**
     * Polls until {@code count} events of {@code type} matching {@code match} have arrived, then a little longer to
     * see that no more follow, and returns them; fails when fewer arrive within {@code timeout} or more arrive.
     */
    public List<JsonNode> awaitExactly(String type, Predicate<JsonNode> match, int count, Duration timeout) {
        try {
            polling(timeout).until(() -> {
                poll();
                return matching(type, match).size() >= count;
            });
        } catch (ConditionTimeoutException tooFew) {
            // reported below, with the number that did arrive
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
        // not a condition to wait for: whatever arrives during the whole of settle is collected
        polling(settle.plusSeconds(1)).during(settle).until(() -> {
            poll();
            return true;
        });
        return matching(type, match);
    }

    /**
     * Awaitility evaluating in the caller's thread (a Kafka consumer must only be used by one thread), without pauses
     * of its own: each {@link #poll()} already waits up to 200 ms for records.
     */
    private static ConditionFactory polling(Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1));
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

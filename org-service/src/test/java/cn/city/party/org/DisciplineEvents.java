package cn.city.party.org;

import cn.city.party.common.test.Api;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** The discipline service's sanction events as it publishes them (docs/events.md), produced onto the real broker. */
public final class DisciplineEvents {

    public static final String TOPIC = "party.discipline.sanction";

    private DisciplineEvents() {
    }

    public static Map<String, Object> imposed(String sanctionId, String memberId, String department, String branchId,
                                              LocalDate decidedOn, LocalDate until) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sanctionId", sanctionId);
        data.put("memberId", memberId);
        data.put("department", department);
        data.put("branchId", branchId);
        data.put("type", "SERIOUS_WARNING");
        data.put("form", 2);
        data.put("decidedOn", decidedOn.toString());
        data.put("influenceFrom", decidedOn.toString());
        data.put("influenceUntil", until.toString());
        return envelope("party.discipline.sanction.imposed.v1", sanctionId, department, data);
    }

    public static Map<String, Object> revoked(String sanctionId, String memberId, String department, LocalDate revokedOn) {
        return envelope("party.discipline.sanction.revoked.v1", sanctionId, department, Map.of("sanctionId", sanctionId,
                "memberId", memberId, "department", department, "revokedOn", revokedOn.toString()));
    }

    private static Map<String, Object> envelope(String type, String subject, String department, Map<String, Object> data) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", "/party/discipline-service");
        e.put("type", type);
        e.put("subject", subject);
        e.put("time", Instant.now().toString());
        e.put("datacontenttype", "application/json");
        e.put("dataschema", "urn:party-platform:schema:" + type);
        e.put("department", department);
        e.put("data", data);
        return e;
    }

    public static void send(String bootstrapServers, Map<String, Object> event) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, (String) event.get("subject"), Api.JSON.writeValueAsString(event))).get();
        }
    }

    /** Polls the member's profile until {@code until} holds (the consumer works asynchronously). */
    public static JsonNode awaitProfile(Api api, String memberId, Predicate<JsonNode> until) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode profile = null;
        while (Instant.now().isBefore(deadline)) {
            profile = api.get("/api/org/members/" + memberId).json();
            if (until.test(profile)) {
                return profile;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the profile never reached the expected state: " + profile);
    }
}

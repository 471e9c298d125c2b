package cn.city.party.discipline.support;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventContracts;
import cn.city.party.common.test.ServiceApiTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of discipline-service's API tests. Before each test the roster holds the demo members and organizations of
 * docs/events.md, fed as schema-valid org-service events through the real broker and the real listener.
 */
public abstract class DisciplineApiTest extends ServiceApiTest {

    private static final Set<Integer> SEEDED = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void rosterIsFed() {
        if (!SEEDED.add(port)) {
            return;
        }
        for (String department : List.of("caizheng", "jiaoyu")) {
            publishOrganization("created", department + "-committee", department, "ORGAN_COMMITTEE", "机关党委", null);
            publishOrganization("created", department + "-branch-1", department, "BRANCH", "第一党支部", department + "-committee");
            publishOrganization("created", department + "-branch-2", department, "BRANCH", "第二党支部", department + "-committee");
            for (int i = 1; i <= 8; i++) {
                String id = String.format("%s-m%02d", department, i);
                publishMember("admitted", member(id, department, department + "-branch-" + (i <= 4 ? 1 : 2), "测试党员" + i, "FULL"));
            }
        }
        await("the demo roster", () -> api().as("city-inspector").get("/api/discipline/roster/members").json().size() >= 16
                && api().as("city-inspector").get("/api/discipline/roster/organizations").json().size() >= 6);
    }

    protected static Map<String, Object> member(String id, String department, String branchId, String name, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", id);
        data.put("department", department);
        data.put("branchId", branchId);
        data.put("partyGroupId", null);
        data.put("name", name);
        data.put("gender", "FEMALE");
        data.put("birthDate", "1985-04-12");
        data.put("joinedOn", "2010-07-01");
        data.put("status", status);
        data.put("leadingCadre", false);
        data.put("partyAffairsCadre", "NONE");
        data.put("accountSubject", null);
        return data;
    }

    protected String publishMember(String fact, Map<String, Object> data) {
        return publish("party.org.member", "party.org.member." + fact + ".v1", (String) data.get("memberId"),
                (String) data.get("department"), data, UUID.randomUUID().toString());
    }

    protected void publishOrganization(String fact, String id, String department, String type, String name, String parentId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("department", department);
        data.put("type", type);
        data.put("name", name);
        data.put("parentId", parentId);
        data.put("ancestors", parentId == null ? List.of() : List.of(parentId));
        data.put("status", "dissolved".equals(fact) ? "DISSOLVED" : "ACTIVE");
        publish("party.org.organization", "party.org.organization." + fact + ".v1", id, department, data,
                UUID.randomUUID().toString());
    }

    /**
     * Publishes an org-service event exactly as the producer would, after checking it against this consumer's copy of
     * the schema (so the listener is fed only what the contract allows). Returns the event id.
     */
    protected String publish(String topic, String type, String key, String department, Object data, String eventId) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", eventId);
        envelope.put("source", "/party/org-service");
        envelope.put("type", type);
        envelope.put("subject", key);
        envelope.put("time", Instant.now().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("dataschema", "urn:party-platform:schema:" + type);
        envelope.put("department", department);
        envelope.put("traceid", null);
        envelope.put("data", data);
        JsonNode tree = Api.JSON.valueToTree(envelope);
        EventContracts.assertValid(tree, "contracts/" + type + ".schema.json");
        sendRaw(topic, key, tree.toString());
        return eventId;
    }

    protected void sendRaw(String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void await(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** A lead of {@code department}, created by {@code inspector} (its handler), named reporter or anonymous. */
    protected JsonNode createLead(String inspector, String department, String memberId, Map<String, Object> reporter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("department", department);
        body.put("source", "PETITION_REPORT");
        body.put("subjectMemberIds", List.of(memberId));
        body.put("summary", "反映其违规收受礼品（测试）");
        body.put("receivedOn", "2026-03-02");
        if (reporter != null) {
            body.put("reporter", reporter);
        }
        Api.Response created = api().as(inspector).post("/api/discipline/leads", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    protected Api.Response transition(String inspector, String leadId, String to, String outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("reason", "依规处置（测试）");
        if (outcome != null) {
            body.put("outcome", outcome);
        }
        return api().as(inspector).post("/api/discipline/leads/" + leadId + "/transitions", body);
    }
}

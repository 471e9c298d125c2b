package cn.city.party.activity.support;

import cn.city.party.activity.roster.RosterCommittee;
import cn.city.party.activity.roster.RosterMember;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.common.test.ServiceApiTest;
import cn.city.party.common.contracts.DemoRoster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * Base of every integration test of this service (one application context for all): the running service on the
 * real broker, the MongoDB substitute and Keycloak, with the demo roster fed in as org-service events would be.
 */
@PlatformIntegrationTest
public abstract class ActivityServiceIT extends ServiceApiTest {

    public static final String SECRETARY_SUB = DemoRoster.CAIZHENG_SECRETARY_SUB;
    public static final String MEMBER_SUB = DemoRoster.CAIZHENG_MEMBER_SUB;
    public static final String JIAOYU_SECRETARY_SUB = DemoRoster.JIAOYU_SECRETARY_SUB;
    public static final String BRANCH = "caizheng-branch-1";

    @Autowired
    protected MongoTemplate mongo;

    private static volatile boolean rosterFed;

    /** Feeds the demo roster once per JVM (fixed event ids: feeding twice changes nothing). */
    protected void demoRoster() {
        if (rosterFed) {
            return;
        }
        createTopics("party.activity.activity", "party.activity.attendance", "party.activity.compliance",
                "party.activity.study-session", "party.activity.assessment", "party.activity.correction");
        publishDemoRoster();
        await("the demo roster arrives", () -> mongo.findById("caizheng-m16", RosterMember.class) != null
                && mongo.findById("jiaoyu-m02", RosterMember.class) != null
                && mongo.findById(BRANCH, RosterCommittee.class) != null);
        rosterFed = true;
    }

    /** The {@code held} part of a request: a sitting at {@code at} with the given minutes. */
    public static Map<String, Object> held(Instant at, String minutes) {
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("heldAt", at.toString());
        held.put("place", "三楼会议室");
        held.put("host", "党员1");
        held.put("hostMemberId", "caizheng-m01");
        held.put("lecturer", "党员1");
        held.put("lecturerMemberId", "caizheng-m01");
        held.put("agenda", List.of("学习党章", "讨论工作"));
        held.put("minutes", minutes);
        held.put("attachments", List.of(Map.of("name", "签到表.pdf", "contentType", "application/pdf", "size", 1024,
                "storageKey", "att/" + UUID.randomUUID())));
        return held;
    }

    public static Map<String, Object> record(List<String> types, String title, Map<String, Object> held, String lateReason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("types", types);
        body.put("title", title);
        body.put("held", held);
        if (lateReason != null) {
            body.put("lateReason", lateReason);
        }
        return body;
    }

    /**
     * Creates this service's topics up front, so that a test's capture, subscribed before the first event is
     * published, sees them without waiting for a metadata refresh.
     */
    private void createTopics(String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Arrays.stream(topics).filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1)).toList();
            admin.createTopics(missing).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    protected static void send(KafkaProducer<String, String> producer, String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.city.party.e2e.trust;

import cn.city.party.common.test.TestInfrastructure;
import cn.city.party.e2e.RunningPlatform;
import cn.city.party.infra.local.KafkaAccess;
import cn.city.party.infra.local.KafkaBroker;
import cn.city.party.infra.local.PlatformService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker of the running platform enforces docs/events.md's "Trust": a client must authenticate as a service, a
 * service writes only its own topics, and a consumer group reads only the topics its service consumes (and each
 * service, as its own principal, does read them). A forged sanction is refused by the broker before any consumer
 * could see it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAccessE2EIT {

    private static final String SANCTIONS = "party.discipline.sanction";
    private static final String FORGED = """
            {"specversion":"1.0","id":"forged-1","source":"/party/discipline-service",\
            "type":"party.discipline.sanction.imposed.v1","subject":"forged-1","department":"caizheng","data":{}}""";

    private KafkaBroker broker;

    @BeforeAll
    void startPlatform() {
        broker = RunningPlatform.get(TestInfrastructure.Kind.EMBEDDED).kafkaBroker().orElseThrow();
    }

    @Test
    void another_service_may_not_write_the_discipline_services_sanctions() throws Exception {
        try (KafkaProducer<String, String> activity = producer(broker.clientProperties("activity-service"))) {
            assertThatThrownBy(() -> send(activity, SANCTIONS))
                    .cause().isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(SANCTIONS);
        }
        // the same principal may write what is its own to write: its dead letters of that topic
        try (KafkaProducer<String, String> activity = producer(broker.clientProperties("activity-service"))) {
            RecordMetadata own = send(activity, SANCTIONS + ".activity-service.dlt");
            assertThat(own.topic()).isEqualTo(SANCTIONS + ".activity-service.dlt");
        }
    }

    @Test
    void a_producer_without_the_owners_credentials_is_refused() {
        try (KafkaProducer<String, String> wrongPassword = producer(
                broker.clientProperties("discipline-service", "not-the-password"))) {
            assertThatThrownBy(() -> send(wrongPassword, SANCTIONS))
                    .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(SaslAuthenticationException.class));
        }
        Map<String, Object> anonymous = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.clientProperties("discipline-service").get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        try (KafkaProducer<String, String> unauthenticated = producer(anonymous)) {
            // a client that does not speak SASL never gets the topic's metadata: the send times out, nothing is written
            assertThatThrownBy(() -> send(unauthenticated, SANCTIONS)).satisfies(e -> assertThat(rootCause(e))
                    .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class));
        }
    }

    @Test
    void a_consumer_group_reads_only_what_its_service_consumes() {
        // discipline-service consumes the member roster, not the study service's exams
        assertThatThrownBy(() -> poll(broker.clientProperties("discipline-service"), "discipline-service", "party.study.exam"))
                .isInstanceOf(TopicAuthorizationException.class).hasMessageContaining("party.study.exam");
        // nor may it read the roster in another service's group
        assertThatThrownBy(() -> poll(broker.clientProperties("discipline-service"), "study-service", "party.org.member"))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void every_service_reads_what_it_consumes_in_its_own_groups() throws Exception {
        try (Admin admin = Admin.create(broker.clientProperties(KafkaAccess.ADMIN))) {
            for (PlatformService service : PlatformService.values()) {
                for (KafkaAccess.Consumer consumer : KafkaAccess.consumers(service)) {
                    Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                            .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                                Set<String> assigned = new HashSet<>();
                                admin.describeConsumerGroups(List.of(consumer.group())).all().get(10, TimeUnit.SECONDS)
                                        .get(consumer.group()).members().forEach(m -> m.assignment().topicPartitions()
                                                .forEach(p -> assigned.add(p.topic())));
                                assertThat(assigned).as("topics assigned in group " + consumer.group())
                                        .containsExactlyInAnyOrderElementsOf(consumer.topics());
                            });
                }
            }
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        props.put(ProducerConfig.RETRIES_CONFIG, 0);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static RecordMetadata send(KafkaProducer<String, String> producer, String topic) throws Exception {
        return producer.send(new ProducerRecord<>(topic, "forged-1", FORGED)).get(10, TimeUnit.SECONDS);
    }

    /**
     * Reads partition 0 of {@code topic} from the offset committed by {@code group}. Assigned, not subscribed: the
     * running service's group is not rebalanced by the test.
     */
    private static void poll(Map<String, Object> client, String group, String topic) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            // for 30 s nothing may be read (a refusal throws out of here at the first poll); polled in this thread,
            // as a consumer is not shared, each poll waiting up to 500 ms itself
            Awaitility.await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(35)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                        if (!consumer.poll(Duration.ofMillis(500)).isEmpty()) {
                            throw new AssertionError("read records of " + topic + " in group " + group);
                        }
                        return true;
                    });
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

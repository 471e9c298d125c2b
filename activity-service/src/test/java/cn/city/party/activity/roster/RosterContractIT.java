package cn.city.party.activity.roster;

import cn.city.party.activity.support.ActivityServiceIT;
import cn.city.party.common.contracts.DisciplineEventSamples;
import cn.city.party.common.test.EventCapture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static cn.city.party.common.contracts.OrgEventSamples.member;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer contract test: schema-valid examples of every consumed type (checked against the copies in
 * {@code contracts/}) go through the real listener on the real broker.
 */
class RosterContractIT extends ActivityServiceIT {

    @Value("${spring.kafka.consumer.group-id}")
    String group;

    @Test
    void organization_member_committee_and_sanction_events_build_the_roster() {
        demoRoster();
        assertThat(mongo.findById(BRANCH, RosterOrganization.class)).satisfies(o -> {
            assertThat(o.type()).isEqualTo("BRANCH");
            assertThat(o.name()).isEqualTo("第一党支部");
        });
        assertThat(mongo.findById("caizheng-m01", RosterMember.class).accountSubject()).isEqualTo(SECRETARY_SUB);
        assertThat(mongo.findById("caizheng-m03", RosterMember.class).leadingCadre()).isTrue();
        assertThat(mongo.findById(BRANCH, RosterCommittee.class).secretaryId()).hasValue("caizheng-m01");

        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, "party.discipline.sanction", "contract-s1", event(UUID.randomUUID().toString(),
                    "party.discipline.sanction.imposed.v1", "contract-s1", "caizheng", DisciplineEventSamples.sanctionImposed(
                            "contract-s1", "caizheng-m05", "caizheng", BRANCH, "SERIOUS_WARNING",
                            LocalDate.parse("2026-03-10"), LocalDate.parse("2027-09-09"))));
            await("the influence period is known", () -> mongo.findById("contract-s1", InfluencePeriod.class) != null);
            assertThat(mongo.findById("contract-s1", InfluencePeriod.class).covers(LocalDate.parse("2026-06-01"))).isTrue();

            send(producer, "party.discipline.sanction", "contract-s1", event(UUID.randomUUID().toString(),
                    "party.discipline.sanction.revoked.v1", "contract-s1", "caizheng",
                    DisciplineEventSamples.sanctionRevoked("contract-s1", "caizheng-m05", "caizheng", LocalDate.parse("2026-05-01"))));
            await("the revocation is applied", () -> mongo.findById("contract-s1", InfluencePeriod.class).revokedOn() != null);
            assertThat(mongo.findById("contract-s1", InfluencePeriod.class).covers(LocalDate.parse("2026-06-01"))).isFalse();
        }
    }

    @Autowired
    Roster roster;

    @Test
    void a_transfer_ends_the_membership_of_the_old_branch_the_day_before_so_the_roster_of_a_past_day_is_kept() {
        LocalDate today = LocalDate.now(cn.city.party.activity.period.Period.ZONE);
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, "party.org.member", "caizheng-m93", event(UUID.randomUUID().toString(),
                    "party.org.member.admitted.v1", "caizheng-m93", "caizheng",
                    member("caizheng-m93", "caizheng", "caizheng-branch-2", null, "调动者", "FULL", false, null)));
            await("admitted", () -> mongo.findById("caizheng-m93", RosterMember.class) != null);
            Map<String, Object> transferred = new LinkedHashMap<>(member("caizheng-m93", "jiaoyu", "jiaoyu-branch-1", null,
                    "调动者", "FULL", false, null));
            transferred.put("fromDepartment", "caizheng");
            transferred.put("fromBranchId", "caizheng-branch-2");
            send(producer, "party.org.member", "caizheng-m93", event(UUID.randomUUID().toString(),
                    "party.org.member.transferred.v1", "caizheng-m93", "jiaoyu", transferred));
            await("transferred", () -> "jiaoyu-branch-1".equals(mongo.findById("caizheng-m93", RosterMember.class).branchId()));
        }
        assertThat(roster.expectedAt("caizheng-branch-2", today.minusDays(1))).contains("caizheng-m93");
        assertThat(roster.expectedAt("caizheng-branch-2", today)).doesNotContain("caizheng-m93");
        assertThat(roster.expectedAt("jiaoyu-branch-1", today.minusDays(1))).doesNotContain("caizheng-m93");
        assertThat(roster.expectedAt("jiaoyu-branch-1", today)).contains("caizheng-m93");
    }

    @Test
    void a_sanction_naming_another_department_than_the_members_is_dead_lettered_and_changes_nothing() {
        demoRoster();
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer();
             EventCapture dlt = deadLetters("party.discipline.sanction")) {
            send(producer, "party.discipline.sanction", "foreign-s1", event(eventId, "party.discipline.sanction.imposed.v1",
                    "foreign-s1", "jiaoyu", DisciplineEventSamples.sanctionImposed("foreign-s1", "caizheng-m06", "jiaoyu",
                            "jiaoyu-branch-1", "WARNING", LocalDate.parse("2026-03-10"), LocalDate.parse("2027-03-09"))));
            dlt.awaitExactly("party.discipline.sanction.imposed.v1", e -> e.path("id").asString().equals(eventId), 1,
                    Duration.ofSeconds(30));
        }
        assertThat(mongo.findById("foreign-s1", InfluencePeriod.class)).isNull();
        assertThat(mongo.findById("caizheng-m06", RosterMember.class).department()).isEqualTo("caizheng");
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        try (KafkaProducer<String, String> producer = producer()) {
            String admitted = event("dup-1", "party.org.member.admitted.v1", "caizheng-m90",
                    "caizheng", member("caizheng-m90", "caizheng", BRANCH, null, "原名", "PROBATIONARY", false, null));
            send(producer, "party.org.member", "caizheng-m90", admitted);
            await("admitted", () -> mongo.findById("caizheng-m90", RosterMember.class) != null);

            send(producer, "party.org.member", "caizheng-m90", event("dup-2", "party.org.member.changed.v1",
                    "caizheng-m90", "caizheng",
                    member("caizheng-m90", "caizheng", BRANCH, null, "新名", "PROBATIONARY", false, null)));
            await("renamed", () -> "新名".equals(mongo.findById("caizheng-m90", RosterMember.class).name()));

            send(producer, "party.org.member", "caizheng-m90", admitted); // the same event id again
            // a later event on the same key (same partition) shows that the redelivery has been processed
            send(producer, "party.org.member", "caizheng-m90", event("dup-3", "party.org.member.status-changed.v1",
                    "caizheng-m90", "caizheng", withPrevious(
                            member("caizheng-m90", "caizheng", BRANCH, null, "新名", "FULL", false, null))));
            await("converted", () -> "FULL".equals(mongo.findById("caizheng-m90", RosterMember.class).status()));

            assertThat(mongo.findById("caizheng-m90", RosterMember.class).name())
                    .as("the redelivered admission did not bring the old name back").isEqualTo("新名");
        }
    }

    @Test
    void a_poison_message_goes_to_the_dead_letter_topic_and_later_messages_are_still_consumed() {
        String deadLetters = "party.org.member." + group + ".dlt";
        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> dlt = consumer(deadLetters)) {
            send(producer, "party.org.member", "caizheng-m91", "{\"this is\": \"not an event\"}");
            send(producer, "party.org.member", "caizheng-m91", event(UUID.randomUUID().toString(),
                    "party.org.member.admitted.v1", "caizheng-m91", "caizheng",
                    member("caizheng-m91", "caizheng", BRANCH, null, "后来者", "FULL", false, null)));

            await("the next message is consumed", () -> mongo.findById("caizheng-m91", RosterMember.class) != null);
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            // polled in this thread (a consumer is not shared), each poll waiting up to 300 ms for records
            Awaitility.await("the poison message on the dead-letter topic").atMost(Duration.ofSeconds(30))
                    .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                        dlt.poll(Duration.ofMillis(300)).forEach(dead::add);
                        return !dead.isEmpty();
                    });
            assertThat(dead).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("caizheng-m91");
                assertThat(r.value()).contains("not an event");
            });
        }
    }

    @Test
    void events_of_unknown_types_are_ignored() {
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, "party.org.member", "caizheng-m92", "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                    + "\",\"source\":\"/party/org-service\",\"type\":\"party.org.member.somethingnew.v9\",\"subject\":\"caizheng-m92\",\"data\":{}}");
            send(producer, "party.org.member", "caizheng-m92", event(UUID.randomUUID().toString(),
                    "party.org.member.admitted.v1", "caizheng-m92", "caizheng",
                    member("caizheng-m92", "caizheng", BRANCH, null, "新党员", "PROBATIONARY", false, null)));
            await("the known event after it is applied", () -> mongo.findById("caizheng-m92", RosterMember.class) != null);
        }
    }

    private static Map<String, Object> withPrevious(Map<String, Object> data) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put("previousStatus", "PROBATIONARY");
        return copy;
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}

package cn.city.party.activity.roster;

import cn.city.party.activity.support.ActivityServiceIT;
import cn.city.party.common.test.DisciplineEventSamples;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static cn.city.party.common.test.OrgEventSamples.member;
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
        assertThat(mongo.findById("caizheng-m04", RosterMember.class).leadingCadre()).isTrue();
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
            Instant deadline = Instant.now().plusSeconds(30);
            while (dead.isEmpty() && Instant.now().isBefore(deadline)) {
                dlt.poll(Duration.ofMillis(300)).forEach(dead::add);
            }
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

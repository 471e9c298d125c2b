package cn.city.party.common.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

    private static ConsumerRecord<String, String> record(String topic, String source, String department, String dataDepartment) {
        String event = """
                {"specversion":"1.0","id":"e-1","source":"%s","type":"%s.imposed.v1","subject":"s-1",
                 "department":"%s","data":{"memberId":"caizheng-m05","department":"%s"}}"""
                .formatted(source, topic, department, dataDepartment);
        return new ConsumerRecord<>(topic, 0, 0, "s-1", event);
    }

    @Test
    void a_topic_belongs_to_the_service_its_name_says() {
        assertThat(EventType.owningSource("party.discipline.sanction")).isEqualTo("/party/discipline-service");
        assertThat(EventType.owningService("party.org.member")).isEqualTo("org-service");
        assertThatThrownBy(() -> EventType.owningSource("sanctions")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_event_from_the_topics_owner_is_read() {
        EventEnvelope event = codec.read(record("party.discipline.sanction", "/party/discipline-service", "caizheng", "caizheng"));
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(codec.data(event, java.util.Map.class)).containsEntry("department", "caizheng");
    }

    @Test
    void an_event_from_another_service_is_refused_without_its_data_in_the_reason() {
        assertThatThrownBy(() -> codec.read(record("party.discipline.sanction", "/party/org-service", "caizheng", "caizheng")))
                .isInstanceOf(UntrustedEventException.class)
                .hasMessage("event e-1 of type party.discipline.sanction.imposed.v1 on party.discipline.sanction comes from "
                        + "/party/org-service, not from the topic's owner /party/discipline-service");
    }

    @Test
    void data_naming_another_department_than_its_envelope_is_refused() {
        EventEnvelope event = codec.read(record("party.discipline.sanction", "/party/discipline-service", "caizheng", "jiaoyu"));
        assertThatThrownBy(() -> codec.data(event, java.util.Map.class))
                .isInstanceOf(UntrustedEventException.class)
                .hasMessageContaining("names department jiaoyu in its data but caizheng in its envelope")
                .hasMessageNotContaining("caizheng-m05");
    }

    record SanctionSeen(String memberId, String department) {
    }

    @Test
    void a_field_the_consumer_does_not_know_is_ignored_though_the_services_mapper_refuses_unknown_fields() {
        // the services' mapper is strict for API requests (platform-defaults.yml); events are read leniently
        JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        EventCodec lenient = new EventCodec(strict);
        String event = """
                {"specversion":"1.0","id":"e-2","source":"/party/discipline-service","type":"party.discipline.sanction.imposed.v2",
                 "subject":"s-1","department":"caizheng","newextension":"x",
                 "data":{"memberId":"caizheng-m05","department":"caizheng","appealDeadline":"2026-04-10"}}""";

        EventEnvelope read = lenient.read(new ConsumerRecord<>("party.discipline.sanction", 0, 0, "s-1", event));

        assertThat(lenient.data(read, SanctionSeen.class)).isEqualTo(new SanctionSeen("caizheng-m05", "caizheng"));
        assertThatThrownBy(() -> strict.treeToValue(read.data(), SanctionSeen.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("appealDeadline");
    }
}

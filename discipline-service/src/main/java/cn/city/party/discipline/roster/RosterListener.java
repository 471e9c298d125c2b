package cn.city.party.discipline.roster;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.messaging.ReadModelWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;


/**
 * Keeps the roster from org-service's events (docs/events.md): every member event carries the member's whole public
 * state, every organization event the organization's. Unknown types are ignored; each event id is applied once.
 */
@Component
public class RosterListener {

    static final String MEMBER_TOPIC = "party.org.member";
    static final String ORGANIZATION_TOPIC = "party.org.organization";

    private final EventCodec codec;
    private final ReadModelWriter writer;

    public RosterListener(EventCodec codec, ReadModelWriter writer) {
        this.codec = codec;
        this.writer = writer;
    }

    /** The fields of MemberData this service keeps; the rest (birth date, gender …) is ignored on purpose. */
    record MemberData(String memberId, String department, String branchId, String name, String status) {
    }

    record OrganizationData(String id, String department, String type, String name, String status) {
    }

    @KafkaListener(topics = MEMBER_TOPIC)
    public void onMember(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = codec.read(record);
        switch (envelope.type()) {
            case "party.org.member.admitted.v1", "party.org.member.changed.v1", "party.org.member.status-changed.v1",
                 "party.org.member.transferred.v1" -> member(envelope);
            default -> {
                // other facts of the members are not the roster's
            }
        }
    }

    private void member(EventEnvelope envelope) {
        MemberData data = codec.data(envelope, MemberData.class);
        requirePresent(envelope, data.memberId(), data.department());
        writer.applyOnce(RosterMember.class, data.memberId(), envelope, new Update()
                .set("department", data.department())
                .set("branchId", data.branchId())
                .set("name", data.name())
                .set("status", data.status()));
    }

    @KafkaListener(topics = ORGANIZATION_TOPIC)
    public void onOrganization(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = codec.read(record);
        switch (envelope.type()) {
            case "party.org.organization.created.v1", "party.org.organization.changed.v1",
                 "party.org.organization.dissolved.v1" -> organization(envelope);
            default -> {
                // other facts of the organizations are not the roster's
            }
        }
    }

    private void organization(EventEnvelope envelope) {
        OrganizationData data = codec.data(envelope, OrganizationData.class);
        requirePresent(envelope, data.id(), data.department());
        writer.applyOnce(RosterOrganization.class, data.id(), envelope, new Update()
                .set("department", data.department())
                .set("type", data.type())
                .set("name", data.name())
                .set("status", data.status()));
    }

    private static void requirePresent(EventEnvelope envelope, String id, String department) {
        if (id == null || id.isBlank() || department == null || department.isBlank()) {
            throw new cn.city.party.common.events.PoisonEventException(
                    envelope.type() + " " + envelope.id() + " has no id or department", null);
        }
    }
}

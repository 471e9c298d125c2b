package cn.city.party.study.roster;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.messaging.ReadModelWriter;
import cn.city.party.study.StudyFiguresChanged;
import cn.city.party.common.time.PlatformCalendar;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Keeps the roster read model from org-service's events. Every write goes through
 * {@link ReadModelWriter#applyOnce}, so a redelivered event changes nothing a second time.
 */
@Component
public class RosterListener {

    private final EventCodec codec;
    private final ReadModelWriter writer;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ZoneId zone;

    public RosterListener(EventCodec codec, ReadModelWriter writer, MongoTemplate mongo,
                          ApplicationEventPublisher publisher, Clock clock,
                          PlatformCalendar calendar) {
        this.codec = codec;
        this.writer = writer;
        this.mongo = mongo;
        this.publisher = publisher;
        this.clock = clock;
        this.zone = calendar.zone();
    }

    @KafkaListener(topics = {RosterEvents.MEMBER_TOPIC, RosterEvents.ORGANIZATION_TOPIC, RosterEvents.COMMITTEE_TOPIC})
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = codec.read(record);
        switch (envelope.type()) {
            case "party.org.member.admitted.v1", "party.org.member.changed.v1", "party.org.member.status-changed.v1",
                 "party.org.member.transferred.v1" -> member(envelope);
            case "party.org.organization.created.v1", "party.org.organization.changed.v1",
                 "party.org.organization.dissolved.v1" -> organization(envelope);
            case RosterEvents.COMMITTEE_ELECTED -> committee(envelope);
            default -> {
                // other types (and later versions) are not ours to interpret
            }
        }
    }

    private void member(EventEnvelope envelope) {
        RosterEvents.MemberData m = codec.data(envelope, RosterEvents.MemberData.class);
        Update update = new Update()
                .set("department", m.department())
                .set("branchId", m.branchId())
                .set("name", m.name())
                .set("status", m.status())
                .set("joinedOn", m.joinedOn())
                .set("leadingCadre", m.leadingCadre())
                .set("accountSubject", m.accountSubject());
        // a member admitted as probationary is a new member: the NEW_MEMBERS materials become its required study
        if (writer.applyOnce(RosterMember.class, m.memberId(), envelope, update)) {
            // a member who never studied counts too: its credits of the year follow every roster change
            publisher.publishEvent(StudyFiguresChanged.ofMember(m.department(), m.memberId(),
                    clock.instant().atZone(zone).getYear()));
        }
    }

    private void organization(EventEnvelope envelope) {
        RosterEvents.OrganizationData o = codec.data(envelope, RosterEvents.OrganizationData.class);
        Update update = new Update()
                .set("department", o.department())
                .set("type", o.type())
                .set("name", o.name())
                .set("parentId", o.parentId())
                .set("ancestors", o.ancestors())
                .set("status", o.status());
        writer.applyOnce(RosterOrganization.class, o.id(), envelope, update);
    }

    /**
     * An election names the organization's secretary: the member elected gets the secretary flag (target 56 学时),
     * the one it replaces loses it. A member not yet on the roster gets a stub its admission event fills in.
     */
    private void committee(EventEnvelope envelope) {
        RosterEvents.CommitteeData c = codec.data(envelope, RosterEvents.CommitteeData.class);
        String secretary = c.secretaryId();
        for (RosterMember previous : mongo.find(Query.query(Criteria.where("secretaryOf").is(c.organizationId())), RosterMember.class)) {
            if (!previous.id().equals(secretary)) {
                writer.applyOnce(RosterMember.class, previous.id(), envelope, new Update().unset("secretaryOf"));
            }
        }
        if (secretary != null) {
            writer.applyOnce(RosterMember.class, secretary, envelope, new Update().set("secretaryOf", c.organizationId()));
        }
        writer.applyOnce(RosterOrganization.class, c.organizationId(), envelope,
                new Update().set("department", c.department()).set("secretaryMemberId", secretary));
    }
}

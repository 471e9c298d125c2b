package cn.city.party.activity.roster;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.messaging.ReadModelWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import cn.city.party.activity.period.Period;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Keeps this service's roster (organizations, members, committees, influence periods) from org-service and
 * discipline-service events. Each event is applied to its read model once; unknown types are ignored; a message
 * that is not a valid event goes to the dead-letter topic.
 */
@Component
class RosterListener {

    private final EventCodec codec;
    private final ReadModelWriter writer;
    private final ApplicationEventPublisher publisher;
    private final MongoTemplate mongo;

    RosterListener(EventCodec codec, ReadModelWriter writer, ApplicationEventPublisher publisher, MongoTemplate mongo) {
        this.codec = codec;
        this.writer = writer;
        this.publisher = publisher;
        this.mongo = mongo;
    }

    @KafkaListener(topics = {RosterEvents.ORGANIZATION_TOPIC, RosterEvents.MEMBER_TOPIC, RosterEvents.COMMITTEE_TOPIC,
            RosterEvents.SANCTION_TOPIC})
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope event = codec.read(record);
        switch (event.type()) {
            case "party.org.organization.created.v1", "party.org.organization.changed.v1",
                 "party.org.organization.dissolved.v1" -> organization(event);
            case "party.org.member.admitted.v1", "party.org.member.changed.v1", "party.org.member.status-changed.v1",
                 "party.org.member.transferred.v1" -> member(event);
            case "party.org.committee.elected.v1" -> committee(event);
            case "party.discipline.sanction.imposed.v1", "party.discipline.sanction.corrected.v1" -> sanction(event);
            case "party.discipline.sanction.revoked.v1" -> revoked(event);
            default -> {
                // other facts (and later versions) are not the roster's
            }
        }
    }

    private void organization(EventEnvelope event) {
        if (!event.type().matches("party\\.org\\.organization\\.(created|changed|dissolved)\\.v1")) {
            return;
        }
        RosterEvents.OrganizationData d = codec.data(event, RosterEvents.OrganizationData.class);
        Update update = new Update().set("department", d.department()).set("type", d.type()).set("name", d.name())
                .set("parentId", d.parentId()).set("ancestors", d.ancestors()).set("status", d.status());
        if (writer.applyOnce(RosterOrganization.class, d.id(), event, update)) {
            publisher.publishEvent(new RosterChanged(d.department(), branchOf(d)));
        }
    }

    private static String branchOf(RosterEvents.OrganizationData d) {
        if (RosterOrganization.BRANCH.equals(d.type())) {
            return d.id();
        }
        return RosterOrganization.PARTY_GROUP.equals(d.type()) ? d.parentId() : null;
    }

    private void member(EventEnvelope event) {
        if (!event.type().matches("party\\.org\\.member\\.(admitted|changed|status-changed|transferred)\\.v1")) {
            return;
        }
        RosterEvents.MemberData d = codec.data(event, RosterEvents.MemberData.class);
        RosterMember before = mongo.findById(d.memberId(), RosterMember.class);
        Update update = membership(event, d, before).set("department", d.department()).set("branchId", d.branchId())
                .set("partyGroupId", d.partyGroupId()).set("name", d.name()).set("status", d.status())
                .set("leadingCadre", d.leadingCadre()).set("accountSubject", d.accountSubject());
        if (writer.applyOnce(RosterMember.class, d.memberId(), event, update)) {
            publisher.publishEvent(new RosterChanged(d.department(), d.branchId()));
            if (d.fromBranchId() != null) {
                publisher.publishEvent(new RosterChanged(d.fromDepartment(), d.fromBranchId()));
            }
        }
    }

    /**
     * When a member's branch or active status changes, the stretch that ends is kept as a {@link RosterStint} (last
     * day: the day before the event) and the new one starts on the event's day, so attendance can be judged against
     * the roster of a sitting's date. A redelivered event finds nothing changed.
     */
    private Update membership(EventEnvelope event, RosterEvents.MemberData d, RosterMember before) {
        Update update = new Update();
        if (before == null) {
            return update;
        }
        boolean activeNow = RosterMember.active(d.status());
        if (before.branchId().equals(d.branchId()) && before.active() == activeNow) {
            return update;
        }
        LocalDate day = event.time().atZone(Period.ZONE).toLocalDate();
        if (before.active()) {
            RosterStint stint = new RosterStint(d.memberId() + ":" + event.id(), d.memberId(), before.branchId(),
                    before.since(), day.minusDays(1));
            mongo.save(stint);
        }
        return update.set("since", day);
    }

    private void committee(EventEnvelope event) {
        RosterEvents.CommitteeData d = codec.data(event, RosterEvents.CommitteeData.class);
        Update update = new Update().set("department", d.department()).set("termStart", d.termStart())
                .set("termEnd", d.termEnd()).set("posts", d.posts());
        if (writer.applyOnce(RosterCommittee.class, d.organizationId(), event, update)) {
            publisher.publishEvent(new RosterChanged(d.department(), d.organizationId()));
        }
    }

    private void sanction(EventEnvelope event) {
        RosterEvents.SanctionData d = codec.data(event, RosterEvents.SanctionData.class);
        writer.requireSameDepartment(RosterMember.class, d.memberId(), event); // the period is looked up by member
        Update update = new Update().set("memberId", d.memberId()).set("department", d.department())
                .set("type", d.type()).set("decidedOn", d.decidedOn()).set("influenceUntil", d.influenceUntil());
        writer.applyOnce(InfluencePeriod.class, d.sanctionId(), event, update);
    }

    private void revoked(EventEnvelope event) {
        RosterEvents.SanctionRevokedData d = codec.data(event, RosterEvents.SanctionRevokedData.class);
        writer.requireSameDepartment(RosterMember.class, d.memberId(), event);
        Update update = new Update().set("memberId", d.memberId()).set("department", d.department())
                .set("revokedOn", d.revokedOn());
        writer.applyOnce(InfluencePeriod.class, d.sanctionId(), event, update);
    }
}

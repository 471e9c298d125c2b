package cn.city.party.org.committee;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.outbox.EventFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * 撤销党内职务 takes effect: the member's posts in every current term fall vacant (announced as the committee's new
 * line-up, {@code party.org.committee.elected.v1} with the posts that remain) and a by-election is due; the
 * revocation of the sanction, or its correction to another type, gives them back unless filled meanwhile. Idempotent
 * by state. Its own consumer group, so it reads every partition of the topic the member listener also reads.
 */
@Component
class PostRemovalListener {

    static final String GROUP = "org-service-committee-sanctions";
    static final String REMOVAL_FROM_POSTS = "REMOVAL_FROM_POSTS";

    private final EventCodec codec;
    private final MongoTemplate mongo;
    private final EventFactory events;

    PostRemovalListener(EventCodec codec, MongoTemplate mongo, EventFactory events) {
        this.codec = codec;
        this.mongo = mongo;
        this.events = events;
    }

    record SanctionData(String sanctionId, String memberId, String type, LocalDate decidedOn) {
    }

    @KafkaListener(groupId = GROUP, topics = "party.discipline.sanction")
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope event = codec.read(record);
        switch (event.type()) {
            case "party.discipline.sanction.imposed.v1", "party.discipline.sanction.corrected.v1" -> {
                SanctionData d = codec.data(event, SanctionData.class);
                if (REMOVAL_FROM_POSTS.equals(d.type()) && d.decidedOn() != null) {
                    // only the sanction's own department: a sanction cannot vacate a seat elsewhere
                    mongo.find(Query.query(Criteria.where("current.posts.memberId").is(d.memberId())
                                    .and("department").is(event.department())), Committee.class)
                            .forEach(c -> changed(c, c.vacate(d.memberId(), d.sanctionId(), d.decidedOn())));
                } else {
                    restore(d.sanctionId(), event.department());
                }
            }
            case "party.discipline.sanction.revoked.v1" -> restore(codec.data(event, SanctionData.class).sanctionId(), event.department());
            default -> {
                // other facts of the discipline service do not change committees
            }
        }
    }

    private void restore(String sanctionId, String department) {
        mongo.find(Query.query(Criteria.where("vacancies.sanctionId").is(sanctionId).and("department").is(department)), Committee.class)
                .forEach(c -> changed(c, c.restore(sanctionId)));
    }

    private void changed(Committee committee, boolean changed) {
        if (changed) {
            committee.raise(events.create(CommitteeEvents.ELECTED, committee.organizationId(), committee.department(),
                    CommitteeEvents.ElectedData.of(committee)));
            mongo.save(committee);
        }
    }
}

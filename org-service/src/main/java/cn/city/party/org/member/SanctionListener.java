package cn.city.party.org.member;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.events.PoisonEventException;
import cn.city.party.common.messaging.ReadModelWriter;
import cn.city.party.common.outbox.EventFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Consumes the discipline service's sanctions: an imposed or corrected sanction (or admonishment) puts the member
 * inside an influence period until its end date; a revoked one ends it. Each event changes the member document once:
 * its id is recorded in the same atomic update. Events for members this service does not hold change nothing; a
 * sanction naming another department than the member's is refused ({@link ReadModelWriter#updateOnce}).
 * An expulsion (开除党籍) also ends the membership (status {@code EXPELLED}, announced like any status change); its
 * revocation, or a correction to another type, gives the previous status back.
 */
@Component
class SanctionListener {

    static final String TOPIC = "party.discipline.sanction";
    static final String IMPOSED = "party.discipline.sanction.imposed.v1";
    static final String CORRECTED = "party.discipline.sanction.corrected.v1";
    static final String REVOKED = "party.discipline.sanction.revoked.v1";
    static final String EXPULSION = "EXPULSION";

    private final EventCodec codec;
    private final ReadModelWriter writer;
    private final MongoTemplate mongo;
    private final EventFactory events;
    private final RosterChanges rosterChanges;

    SanctionListener(EventCodec codec, ReadModelWriter writer, MongoTemplate mongo, EventFactory events,
                     RosterChanges rosterChanges) {
        this.codec = codec;
        this.writer = writer;
        this.mongo = mongo;
        this.events = events;
        this.rosterChanges = rosterChanges;
    }

    record SanctionData(String sanctionId, String memberId, String department, String type, LocalDate decidedOn,
                        LocalDate influenceUntil) {
    }

    record RevokedData(String sanctionId, String memberId, String department, LocalDate revokedOn) {
    }

    @KafkaListener(topics = TOPIC)
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope event = codec.read(record);
        switch (event.type()) {
            case IMPOSED, CORRECTED -> {
                SanctionData d = codec.data(event, SanctionData.class);
                if (d.decidedOn() == null || d.influenceUntil() == null || d.type() == null) {
                    throw new PoisonEventException("sanction " + d.sanctionId() + " lacks its dates or type", null);
                }
                writer.updateOnce(Member.class, d.memberId(), event, new Update().set(key(d.sanctionId()),
                        new InfluencePeriod(d.sanctionId(), d.type(), d.decidedOn(), d.influenceUntil(), null)));
                membership(d.memberId(), d.sanctionId(), EXPULSION.equals(d.type()));
            }
            case REVOKED -> {
                RevokedData d = codec.data(event, RevokedData.class);
                writer.updateOnce(Member.class, d.memberId(), event,
                        new Update().set(key(d.sanctionId()) + ".revokedOn", d.revokedOn()));
                membership(d.memberId(), d.sanctionId(), false);
            }
            default -> {
                // other facts of the discipline service are not ours
            }
        }
    }

    /**
     * Expels the member for this sanction, or gives back the status an expulsion by it ended. Idempotent by state
     * (a redelivered event finds it done); a concurrent edit fails the save and the record is retried.
     */
    private void membership(String memberId, String sanctionId, boolean expelled) {
        Member member = mongo.findById(memberId, Member.class);
        if (member == null) {
            return;
        }
        MemberStatus previous = member.status();
        try {
            if (expelled ? member.expel(sanctionId) : member.undoExpulsion(sanctionId)) {
                member.raise(events.create(MemberEvents.STATUS_CHANGED, member.id(), member.department(),
                        new MemberEvents.StatusChangedData(MemberEvents.MemberData.of(member), previous.name())));
                mongo.save(member);
            }
        } finally {
            // also when nothing changed now: a redelivery after a save whose count was lost counts it
            rosterChanges.raise(member.department(), List.of(member.branchId()));
        }
    }

    private static String key(String sanctionId) {
        if (sanctionId == null || !sanctionId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new PoisonEventException("unusable sanction id", null);
        }
        return "influence." + sanctionId;
    }
}

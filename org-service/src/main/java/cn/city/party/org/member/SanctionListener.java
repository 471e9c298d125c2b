package cn.city.party.org.member;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.events.PoisonEventException;
import cn.city.party.common.messaging.ReadModelWriter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Consumes the discipline service's sanctions: an imposed or corrected sanction (or admonishment) puts the member
 * inside an influence period until its end date; a revoked one ends it. Each event changes the member document once:
 * its id is recorded in the same atomic update. Events for members this service does not hold change nothing; a
 * sanction naming another department than the member's is refused ({@link ReadModelWriter#updateOnce}).
 */
@Component
class SanctionListener {

    static final String TOPIC = "party.discipline.sanction";
    static final String IMPOSED = "party.discipline.sanction.imposed.v1";
    static final String CORRECTED = "party.discipline.sanction.corrected.v1";
    static final String REVOKED = "party.discipline.sanction.revoked.v1";

    private final EventCodec codec;
    private final ReadModelWriter writer;

    SanctionListener(EventCodec codec, ReadModelWriter writer) {
        this.codec = codec;
        this.writer = writer;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SanctionData(String sanctionId, String memberId, String department, String type, LocalDate decidedOn,
                        LocalDate influenceUntil) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
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
            }
            case REVOKED -> {
                RevokedData d = codec.data(event, RevokedData.class);
                writer.updateOnce(Member.class, d.memberId(), event,
                        new Update().set(key(d.sanctionId()) + ".revokedOn", d.revokedOn()));
            }
            default -> {
                // other facts of the discipline service are not ours
            }
        }
    }

    private static String key(String sanctionId) {
        if (sanctionId == null || !sanctionId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new PoisonEventException("unusable sanction id", null);
        }
        return "influence." + sanctionId;
    }
}

package cn.city.party.study.progress;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.events.PoisonEventException;
import cn.city.party.common.messaging.ReadModelWriter;
import cn.city.party.study.StudyFiguresChanged;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.study.roster.RosterMember;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Offline study credit hours from activity-service: each attendance at a study sitting or Party lecture is kept
 * (the latest event per sitting and member wins, so a replay or a late, older event changes nothing) and the
 * member's credits of that year are recomputed and published.
 */
@Component
class OfflineStudyListener {

    static final String TOPIC = "party.activity.study-session";
    static final String ATTENDED = "party.activity.study-session.attended.v1";

    private final EventCodec codec;
    private final MongoTemplate mongo;
    private final ReadModelWriter writer;
    private final ApplicationEventPublisher publisher;
    private final ZoneId zone;

    OfflineStudyListener(EventCodec codec, MongoTemplate mongo, ReadModelWriter writer, ApplicationEventPublisher publisher,
                         PlatformCalendar calendar) {
        this.codec = codec;
        this.mongo = mongo;
        this.writer = writer;
        this.publisher = publisher;
        this.zone = calendar.zone();
    }

    record AttendedData(String activityId, String department, String branchId, String memberId, String kind, String title,
                        Instant heldAt, Integer durationMinutes, String attendance, boolean lateEntry) {
    }

    @KafkaListener(topics = TOPIC)
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope e = codec.read(record);
        switch (e.type()) {
            case ATTENDED -> attended(e);
            default -> {
                // other facts of the topic are not study
            }
        }
    }

    private void attended(EventEnvelope e) {
        AttendedData d = codec.data(e, AttendedData.class);
        if (d.activityId() == null || d.memberId() == null || d.department() == null || d.heldAt() == null
                || e.time() == null) {
            throw new PoisonEventException("study-session event " + e.id() + " lacks a required field", null);
        }
        // credit only a member of the event's own department
        writer.requireSameDepartment(RosterMember.class, d.memberId(), e);
        OfflineStudy next = new OfflineStudy(OfflineStudy.idOf(d.activityId(), d.memberId()), d.department(),
                d.branchId(), d.memberId(), d.activityId(), d.kind(), d.title(), d.heldAt(),
                d.heldAt().atZone(zone).getYear(), d.durationMinutes(), d.attendance(), d.lateEntry(),
                e.time().truncatedTo(ChronoUnit.MILLIS), e.id());
        OfflineStudy held = mongo.findById(next.id(), OfflineStudy.class);
        if (held != null && !next.newerThan(held)) {
            return;
        }
        mongo.save(next);
        publisher.publishEvent(StudyFiguresChanged.ofMember(d.department(), d.memberId(), next.year()));
        if (held != null && held.year() != next.year()) {
            publisher.publishEvent(StudyFiguresChanged.ofMember(d.department(), d.memberId(), held.year()));
        }
    }
}

package cn.city.party.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The outbox as operators watch it: {@code platform.outbox.pending.events} (events written but not yet handed to
 * Kafka) and {@code platform.outbox.oldest.event.age} (seconds since the oldest of them was raised; 0 when none wait).
 * A backlog that grows, or an age beyond a few poll intervals, means the relay cannot publish (Kafka down, ACLs).
 * Read from the documents on each scrape; both gauges share one reading per second.
 */
public class OutboxMetrics {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private Reading last = new Reading(Instant.EPOCH, 0, 0);

    public OutboxMetrics(MongoTemplate mongo, Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.clock = clock;
        Gauge.builder("platform.outbox.pending.events", this, m -> m.read().pending())
                .description("events in the outbox not yet published to Kafka").register(registry);
        Gauge.builder("platform.outbox.oldest.event.age", this, m -> m.read().oldestAgeSeconds()).baseUnit("seconds")
                .description("age of the oldest event not yet published to Kafka").register(registry);
    }

    private record Reading(Instant at, long pending, double oldestAgeSeconds) {
    }

    private synchronized Reading read() {
        Instant now = clock.instant();
        if (now.isBefore(last.at().plus(FRESH))) {
            return last;
        }
        long pending = 0;
        Instant oldest = null;
        Query waiting = new Query(AggregateRoot.pending());
        waiting.fields().include(AggregateRoot.OUTBOX + "." + PendingEvent.CREATED_AT_FIELD);
        for (String collection : AggregateRoot.collectionsOf(mongo, AggregateRoot.class)) {
            for (Document document : mongo.find(waiting, Document.class, collection)) {
                for (Document event : document.getList(AggregateRoot.OUTBOX, Document.class)) {
                    pending++;
                    Date created = event.getDate(PendingEvent.CREATED_AT_FIELD);
                    if (created != null && (oldest == null || created.toInstant().isBefore(oldest))) {
                        oldest = created.toInstant();
                    }
                }
            }
        }
        double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
        last = new Reading(now, pending, age);
        return last;
    }
}

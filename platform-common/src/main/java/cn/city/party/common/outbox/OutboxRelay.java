package cn.city.party.common.outbox;

import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.web.RequestId;
import io.micrometer.tracing.Span;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes the events waiting in {@link AggregateRoot} documents, oldest first within a document (so per aggregate
 * in order), then removes exactly the published ones. At-least-once: a crash between send and removal re-sends, and
 * consumers apply each event id once. While Kafka is unreachable it backs off exponentially; nothing is dropped.
 * <p>
 * Each send continues the trace of the request that raised the event (its stored {@code traceparent}) in a span of
 * its own; the Kafka template's observation puts that context into the record's headers for the consumer.
 */
public class OutboxRelay implements SmartLifecycle {

    /** The W3C trace context header, on HTTP requests and Kafka records alike. */
    public static final String TRACEPARENT = "traceparent";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Tracer tracer;
    private final Propagator propagator;
    private final Counter takenOver;
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final Set<Saved> saved = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private int consecutiveFailures;
    private Instant retryNotBefore = Instant.EPOCH;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties, Clock clock,
                       Tracer tracer, Propagator propagator, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.tracer = tracer;
        this.propagator = propagator;
        this.takenOver = Counter.builder("platform.outbox.leases.taken.over")
                .description("outbox documents claimed after another relay's lease on them ran out: that instance died "
                        + "or stalled while publishing, and this one publishes what it left")
                .register(meters);
    }

    /**
     * Publish the events of the document just saved now rather than at the next poll: {@link OutboxNudge} calls it
     * after a write that raised events. The document is found by its id, so a write costs one look-up, not a pass
     * over every collection (which the poll makes, for what a crash or an outage of Kafka left behind).
     */
    public void nudge(String collection, Object id) {
        if (!running) {
            return;
        }
        saved.add(new Saved(collection, id));
        if (nudged.compareAndSet(false, true)) {
            executor.execute(this::publishSaved);
        }
    }

    /** One pass over every collection of aggregates; returns how many events were published. */
    public int drainOnce() {
        draining.lock();
        try {
            if (clock.instant().isBefore(retryNotBefore)) {
                return 0;
            }
            int published = 0;
            for (String collection : AggregateRoot.collectionsOf(mongo, AggregateRoot.class)) {
                published += drain(collection);
            }
            return published;
        } finally {
            draining.unlock();
        }
    }

    /** The documents nudged since the last time; one left unpublished (Kafka down, another relay's lease) the poll finds. */
    private void publishSaved() {
        draining.lock();
        try {
            nudged.set(false);
            for (Iterator<Saved> next = saved.iterator(); next.hasNext(); ) {
                Saved document = next.next();
                next.remove();
                if (clock.instant().isBefore(retryNotBefore)) {
                    saved.clear(); // while Kafka is away the poll finds them all: the set does not grow with the outage
                    return;
                }
                publish(document.collection(), document.id());
            }
        } catch (RuntimeException e) {
            log.warn("outbox: publishing saved events failed, the poll retries: {}", e.getMessage());
        } finally {
            draining.unlock();
        }
    }

    private void pass() {
        try {
            drainOnce();
        } catch (RuntimeException e) {
            log.warn("outbox pass failed: {}", e.getMessage());
        }
    }

    private int drain(String collection) {
        Query candidates = new Query(AggregateRoot.pending()).limit(properties.batchSize());
        candidates.fields().include("_id");
        int published = 0;
        for (Document candidate : mongo.find(candidates, Document.class, collection)) {
            published += publish(collection, candidate.get("_id"));
            if (consecutiveFailures > 0) {
                break;
            }
        }
        return published;
    }

    /**
     * Publishes the events waiting in one document unless another relay holds it; returns how many. Package-private
     * for the test.
     */
    int publish(String collection, Object id) {
        Document claimed = claim(collection, id);
        if (claimed == null) {
            return 0; // nothing waits there, or another instance is publishing it
        }
        List<String> sent = new ArrayList<>();
        try {
            for (Document event : claimed.getList(AggregateRoot.OUTBOX, Document.class)) {
                send(event);
                sent.add(event.getString(PendingEvent.ID_FIELD));
            }
            consecutiveFailures = 0;
        } catch (Exception e) {
            backOff(e);
        } finally {
            release(collection, claimed.get("_id"), sent);
        }
        return sent.size();
    }

    private Document claim(String collection, Object id) {
        Instant now = clock.instant();
        Query free = new Query(new Criteria().andOperator(Criteria.where("_id").is(id), AggregateRoot.pending(),
                new Criteria().orOperator(Criteria.where(AggregateRoot.LEASE).exists(false),
                        Criteria.where(AggregateRoot.LEASE).is(null),
                        Criteria.where(AggregateRoot.LEASE).lt(now))));
        // the document as it was: a lease still set on it ran out, so another relay left it half published
        Document claimed = mongo.findAndModify(free, new Update().set(AggregateRoot.LEASE, now.plus(properties.lease())),
                FindAndModifyOptions.options().returnNew(false), Document.class, collection);
        if (claimed != null && claimed.get(AggregateRoot.LEASE) != null) {
            takenOver.increment();
            log.info("outbox: took over {} {} from a relay whose lease ran out at {}", collection, id,
                    claimed.get(AggregateRoot.LEASE));
        }
        return claimed;
    }

    private void release(String collection, Object id, List<String> sent) {
        Update update = new Update().unset(AggregateRoot.LEASE);
        if (!sent.isEmpty()) {
            update.pull(AggregateRoot.OUTBOX, new Document(PendingEvent.ID_FIELD, new Document("$in", sent)));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, collection);
    }

    private void send(Document event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.getString("topic"), event.getString("key"),
                event.getString("payload"));
        record.headers().add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", event.getString(PendingEvent.ID_FIELD).getBytes(StandardCharsets.UTF_8));
        String traceId = event.getString("traceId");
        if (traceId != null) {
            record.headers().add(RequestId.HEADER, traceId.getBytes(StandardCharsets.UTF_8));
        }
        String traceparent = event.getString(TRACEPARENT);
        if (traceparent == null) {
            kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name("outbox publish").tag("messaging.destination.name", record.topic()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private void backOff(Exception e) {
        consecutiveFailures++;
        long millis = Math.min(properties.maxBackoff().toMillis(),
                properties.pollInterval().toMillis() * (1L << Math.min(consecutiveFailures, 10)));
        retryNotBefore = clock.instant().plus(Duration.ofMillis(millis));
        log.warn("outbox: Kafka did not take an event ({}); retrying in {} ms, nothing is lost", e.toString(), millis);
    }

    @Override
    public void start() {
        for (String collection : AggregateRoot.collectionsOf(mongo, AggregateRoot.class)) {
            mongo.indexOps(collection).createIndex(AggregateRoot.PENDING_INDEX);
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        long every = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // start after the Kafka producer and Mongo are up, stop before them
    }

    private record Saved(String collection, Object id) {
    }
}

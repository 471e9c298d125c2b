package cn.city.party.common.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saving an aggregate wakes the relay with that document exactly when the write carried events; other writes leave it
 * asleep.
 */
class OutboxNudgeTest {

    static class Entry extends AggregateRoot {
        @Id
        String id;

        Entry(String id) {
            this.id = id;
        }

        @Override
        public String department() {
            return "caizheng";
        }
    }

    record Note(@Id String id, String text) {
    }

    /** Records the wake-ups instead of publishing (no Kafka here: what is under test is when the relay is woken). */
    static class RecordingRelay extends OutboxRelay {
        final List<String> nudges = new CopyOnWriteArrayList<>();

        RecordingRelay() {
            super(null, null, new OutboxProperties(null, null, null, null, 0), null, null, null,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        }

        @Override
        public void nudge(String collection, Object id) {
            nudges.add(collection + "/" + id);
        }
    }

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:" + SERVER.bind().getPort());
    private final RecordingRelay relay = new RecordingRelay();
    private final GenericApplicationContext context = new GenericApplicationContext();
    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "nudge-" + System.nanoTime());

    OutboxNudgeTest() {
        context.registerBean(OutboxNudge.class, () -> new OutboxNudge(relay));
        context.refresh();
        mongo.setApplicationContext(context);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    private static PendingEvent event(String id) {
        return new PendingEvent(id, "party.test.v1", "e-1", "{}", null, null, Instant.parse("2026-12-01T02:00:00Z"));
    }

    @Test
    void inserting_or_saving_an_aggregate_with_a_pending_event_wakes_the_relay_with_that_document_each_time() {
        Entry entry = new Entry("e-1");
        entry.raise(event("ev-1"));
        mongo.insert(entry);
        assertThat(relay.nudges).containsExactly("entry/e-1");

        entry.raise(event("ev-2"));
        mongo.save(entry);
        assertThat(relay.nudges).containsExactly("entry/e-1", "entry/e-1");
    }

    @Test
    void an_aggregate_saved_without_events_and_a_plain_document_leave_the_relay_asleep() {
        mongo.save(new Entry("e-2"));
        mongo.insert(new Note("n-1", "没有事件"));

        assertThat(relay.nudges).isEmpty();
    }
}

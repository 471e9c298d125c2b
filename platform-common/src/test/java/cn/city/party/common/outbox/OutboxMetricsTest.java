package cn.city.party.common.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox gauges on the MongoDB substitute: what waits in the documents, and since when. */
class OutboxMetricsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "outbox");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void counts_every_waiting_event_and_the_age_of_the_oldest() {
        mongo.insert(parcel("a", NOW.minusSeconds(90), NOW.minusSeconds(30)));
        mongo.insert(parcel("b", NOW.minusSeconds(5)));
        mongo.insert(parcel("c")); // everything published

        new OutboxMetrics(mongo, Clock.fixed(NOW, ZoneOffset.UTC), meters);

        assertThat(meters.get("platform.outbox.pending.events").gauge().value()).isEqualTo(3.0);
        assertThat(meters.get("platform.outbox.oldest.event.age").gauge().value()).isEqualTo(90.0);
    }

    @Test
    void an_empty_outbox_is_no_backlog_and_no_age() {
        mongo.insert(parcel("c"));

        new OutboxMetrics(mongo, Clock.fixed(NOW, ZoneOffset.UTC), meters);

        assertThat(meters.get("platform.outbox.pending.events").gauge().value()).isZero();
        assertThat(meters.get("platform.outbox.oldest.event.age").gauge().value()).isZero();
    }

    private static Parcel parcel(String id, Instant... raised) {
        PendingEvent[] events = new PendingEvent[raised.length];
        for (int i = 0; i < raised.length; i++) {
            events[i] = new PendingEvent(id + "-" + i, "party.test.parcel", id, "{}", null, null, raised[i]);
        }
        return Parcel.of(id, events);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }
}

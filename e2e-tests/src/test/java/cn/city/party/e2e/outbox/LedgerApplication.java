package cn.city.party.e2e.outbox;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.events.EventType;
import cn.city.party.common.messaging.ReadModelWriter;
import cn.city.party.common.outbox.AggregateRoot;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The smallest service that uses the platform's outbox and idempotent consumer exactly as the real services do: a
 * ledger entry (aggregate) raises {@code party.ledger.entry.booked.v1}; a listener adds the amount to a tally
 * (read model). The tally is the observable effect: an event applied twice would show as a wrong total.
 */
@SpringBootApplication
public class LedgerApplication {

    static final String TOPIC = "party.ledger.entry"; // owned by ledger-service, the application's name
    static final EventType BOOKED = new EventType(TOPIC + ".booked", 1, TOPIC);

    @Document("ledger_entries")
    public static class LedgerEntry extends AggregateRoot {
        @Id
        String id;
        String department;
        long amountFen;

        @Override
        public String department() {
            return department;
        }
    }

    @Document("tallies")
    public static class Tally {
        @Id
        String id;
        long totalFen;
        long entries;
    }

    public record Booked(String entryId, long amountFen) {
    }

    @Component
    public static class Ledger {
        private final MongoTemplate mongo;
        private final EventFactory events;
        private final OutboxRelay relay;

        Ledger(MongoTemplate mongo, EventFactory events, OutboxRelay relay) {
            this.mongo = mongo;
            this.events = events;
            this.relay = relay;
        }

        /** One atomic write of the entry and its event; Kafka need not be up. */
        public void book(String id, String department, long amountFen) {
            LedgerEntry entry = new LedgerEntry();
            entry.id = id;
            entry.department = department;
            entry.amountFen = amountFen;
            entry.raise(events.create(BOOKED, id, department, new Booked(id, amountFen)));
            mongo.insert(entry);
            relay.nudge();
        }

        /** Books {@code extraFen} more on an entry loaded earlier, the way services save their aggregates. */
        public void bookMore(LedgerEntry entry, long extraFen) {
            entry.amountFen += extraFen;
            entry.raise(events.create(BOOKED, entry.id, entry.department, new Booked(entry.id, extraFen)));
            mongo.save(entry);
            relay.nudge();
        }
    }

    @Component
    public static class TallyListener {
        private final EventCodec codec;
        private final ReadModelWriter readModels;

        TallyListener(EventCodec codec, ReadModelWriter readModels) {
            this.codec = codec;
            this.readModels = readModels;
        }

        @KafkaListener(topics = TOPIC)
        void on(ConsumerRecord<String, String> record) {
            EventEnvelope event = codec.read(record);
            if (!BOOKED.type().equals(event.type())) {
                return;
            }
            Booked booked = codec.data(event, Booked.class);
            readModels.applyOnce(Tally.class, event.department(), event,
                    new Update().inc("totalFen", booked.amountFen()).inc("entries", 1));
        }
    }
}

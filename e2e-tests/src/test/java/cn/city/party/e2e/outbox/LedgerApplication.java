package cn.city.party.e2e.outbox;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.events.EventType;
import cn.city.party.common.messaging.ReadModelWriter;
import cn.city.party.common.outbox.AggregateRoot;
import cn.city.party.common.outbox.EventFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest service that uses the platform's outbox and idempotent consumer exactly as the real services do: a
 * ledger entry (aggregate) raises {@code party.ledger.entry.booked.v1}; a listener adds the amount to a tally
 * (read model). The tally is the observable effect: an event applied twice would show as a wrong total. Entries can
 * also be booked over HTTP ({@code POST /api/ledger/entries/{id}}), open to anyone: this test service has no Keycloak.
 */
@SpringBootApplication
public class LedgerApplication {

    @Bean
    @Order(0)
    SecurityFilterChain openLedger(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/ledger/**").csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll()).build();
    }

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

        Ledger(MongoTemplate mongo, EventFactory events) {
            this.mongo = mongo;
            this.events = events;
        }

        /** One atomic write of the entry and its event; Kafka need not be up. */
        public void book(String id, String department, long amountFen) {
            LedgerEntry entry = new LedgerEntry();
            entry.id = id;
            entry.department = department;
            entry.amountFen = amountFen;
            entry.raise(events.create(BOOKED, id, department, new Booked(id, amountFen)));
            mongo.insert(entry);
        }

        /** Books {@code extraFen} more on an entry loaded earlier, the way services save their aggregates. */
        public void bookMore(LedgerEntry entry, long extraFen) {
            entry.amountFen += extraFen;
            entry.raise(events.create(BOOKED, entry.id, entry.department, new Booked(entry.id, extraFen)));
            mongo.save(entry);
        }
    }

    @RestController
    static class LedgerApi {
        private final Ledger ledger;

        LedgerApi(Ledger ledger) {
            this.ledger = ledger;
        }

        @PostMapping("/api/ledger/entries/{id}")
        @ResponseStatus(HttpStatus.CREATED)
        void book(@PathVariable String id, @RequestParam String department, @RequestParam long amountFen) {
            ledger.book(id, department, amountFen);
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

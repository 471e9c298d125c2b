package cn.city.party.common.outbox;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * The one place that wakes the {@link OutboxRelay}: every save or insert of an {@link AggregateRoot} that carries
 * pending events (through {@code MongoTemplate} or {@code ScopedMongo}) nudges it with that document once it is
 * written, so delivery does not wait for the next poll and no service has to remember to call the relay.
 */
public class OutboxNudge extends AbstractMongoEventListener<AggregateRoot> {

    private final OutboxRelay relay;

    public OutboxNudge(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<AggregateRoot> event) {
        if (!event.getSource().pendingEvents().isEmpty()) {
            relay.nudge(event.getCollectionName(), event.getDocument().get("_id"));
        }
    }
}

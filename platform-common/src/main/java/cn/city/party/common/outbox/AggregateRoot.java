package cn.city.party.common.outbox;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A document that raises events: the events sit in its {@code outbox} array and are saved with it atomically; the
 * {@link OutboxRelay} publishes them and then removes them. Works without multi-document transactions.
 */
public abstract class AggregateRoot implements DepartmentOwned {

    public static final String OUTBOX = "outbox";
    /**
     * Set on the document by a relay while it publishes, so that several service instances do not publish the same
     * events at once. Deliberately not a field of this class: a service that saves an aggregate it loaded while a relay
     * held the lease would otherwise write that lease back after the relay released it, and the events raised since
     * would wait until it expired. Saving drops a live lease instead; the worst that follows is a second instance
     * publishing the same events again, which the idempotent consumers ignore.
     */
    public static final String LEASE = "outboxLease";

    @Field(OUTBOX)
    private List<PendingEvent> outbox = new ArrayList<>();

    /** The documents with events waiting: what the relay and the backlog gauges look up, served by {@link #PENDING_INDEX}. */
    public static Criteria pending() {
        return Criteria.where(OUTBOX + "." + PendingEvent.ID_FIELD).exists(true);
    }

    /**
     * Declared on every aggregate collection ({@link OutboxRelay#start()}). It holds only the documents with waiting
     * events, a handful, so the relay's look-up every few seconds reads those instead of the whole collection (a year
     * of a city's sittings is 300,000 documents).
     */
    static final IndexDefinition PENDING_INDEX = new Index().on(OUTBOX + "." + PendingEvent.ID_FIELD, Sort.Direction.ASC)
            .partial(PartialIndexFilter.of(pending())).named("outbox_pending");

    public void raise(PendingEvent event) {
        outbox.add(event);
    }

    public List<PendingEvent> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }

    /**
     * The collections holding documents of {@code kind} (its concrete mapped subclasses, as the mapping context knows
     * them from the entity scan at start-up): where a relay or sweep looks for what is pending.
     */
    public static List<String> collectionsOf(MongoTemplate mongo, Class<? extends AggregateRoot> kind) {
        List<String> collections = new ArrayList<>();
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            Class<?> type = entity.getType();
            if (kind.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                collections.add(entity.getCollection());
            }
        }
        return collections;
    }
}

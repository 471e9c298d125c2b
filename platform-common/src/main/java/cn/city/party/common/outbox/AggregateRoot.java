package cn.city.party.common.outbox;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A document that raises events: the events sit in its {@code outbox} array and are saved with it atomically; the
 * {@link OutboxRelay} publishes them and then removes them. Works without multi-document transactions.
 */
public abstract class AggregateRoot implements DepartmentOwned {

    public static final String OUTBOX = "outbox";
    public static final String LEASE = "outboxLease";

    @Field(OUTBOX)
    private List<PendingEvent> outbox = new ArrayList<>();

    /** Set by a relay while it publishes, so that several service instances do not publish the same events at once. */
    @Field(LEASE)
    private Instant outboxLease;

    public void raise(PendingEvent event) {
        outbox.add(event);
    }

    public List<PendingEvent> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }
}

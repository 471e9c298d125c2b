package cn.city.party.discipline.audit;

import cn.city.party.common.outbox.AggregateRoot;
import org.springframework.data.mongodb.core.mapping.Field;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A discipline record whose every change is audited. The change's audit entry is saved in the record's own document,
 * in the same write as the change, the way its events are (no multi-document transaction needed); {@link AuditTrail}
 * then moves it onto the chain. A crash in between leaves the entry in the document, where the trail's sweep finds it,
 * so no change escapes the trail.
 */
public abstract class AuditedRecord extends AggregateRoot {

    public static final String PENDING_AUDIT = "pendingAudit";

    @Field(PENDING_AUDIT)
    private List<AuditedChange> pendingAudit = new ArrayList<>();

    public abstract String id();

    /** What the trail calls this kind of record ({@code lead}, {@code sanction}…). */
    public abstract String auditTargetType();

    void noteChange(AuditedChange change) {
        pendingAudit.add(change);
    }

    List<AuditedChange> pendingAudit() {
        return List.copyOf(pendingAudit);
    }

    void appended(Collection<String> changeIds) {
        pendingAudit.removeIf(change -> changeIds.contains(change.changeId()));
    }
}

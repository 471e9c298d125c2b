package cn.city.party.discipline.audit;

import java.time.Instant;

/**
 * The audit entry of one change, waiting in the changed record's own document until {@link AuditTrail} has put it on
 * the chain. {@code changeId} becomes the chain entry's id, so the entry is appended once however often it is tried.
 */
public record AuditedChange(String changeId, Instant at, String actor, String actorName, String action,
                            String targetType, String targetId, String department, String detail) {

    public static final String CHANGE_ID = "changeId";
}

package cn.city.party.activity.activity;

import java.time.Instant;

/**
 * 关账后更正: a change to a record of a closed year, requested by the branch secretary with a reason and applied only
 * when the department admin approves it; the decision (who, when) stays on the record.
 */
public record Correction(String id, HeldRecord proposed, String reason, String requestedBy, Instant requestedAt,
                         Status status, String decidedBy, Instant decidedAt) {

    public enum Status { PENDING, APPROVED, REFUSED }

    Correction decided(Status status, String by, Instant at) {
        return new Correction(id, proposed, reason, requestedBy, requestedAt, status, by, at);
    }
}

package cn.city.party.activity.activity;

import java.time.Instant;

/** A previous version of a held record, kept when it was amended: what it said, who replaced it, when and why. */
public record RecordVersion(int number, HeldRecord record, String enteredBy, Instant enteredAt, String replacedBy,
                            Instant replacedAt, String reason) {
}

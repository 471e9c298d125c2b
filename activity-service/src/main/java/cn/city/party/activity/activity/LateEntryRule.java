package cn.city.party.activity.activity;

import java.time.Duration;
import java.time.Instant;

/**
 * 补录: a record entered more than {@code days} days after the sitting it describes is a late entry. It needs a
 * reason, is marked wherever it appears and counts in the quality indicators.
 */
public record LateEntryRule(int days) {

    public LateEntryRule {
        if (days < 0) {
            throw new IllegalArgumentException("late-entry days must not be negative");
        }
    }

    public boolean isLate(Instant heldAt, Instant enteredAt) {
        return Duration.between(heldAt, enteredAt).compareTo(Duration.ofDays(days)) > 0;
    }
}

package cn.city.party.common.discipline;

import java.time.LocalDate;

/**
 * The one definition of "inside an influence period on day D" (处分影响期, docs/events.md "Influence periods") that
 * every consumer of {@code party.discipline.sanction.*} uses: from {@code from} (the decision day) to {@code until}
 * (the last day inside), both inclusive; a revocation on day R ends it from R on, and the days before R stay inside
 * (what a member could not do then, e.g. be rated 优秀, stays refused in the records of those days).
 *
 * @param from      first day inside (the event's {@code influenceFrom}, which is its {@code decidedOn})
 * @param until     last day inside (inclusive)
 * @param revokedOn the day of the revocation, or null
 */
public record InfluenceWindow(LocalDate from, LocalDate until, LocalDate revokedOn) {

    /** Whether {@code day} is inside; a window missing either end covers no day. */
    public boolean covers(LocalDate day) {
        if (from == null || until == null) {
            return false;
        }
        boolean revokedByThen = revokedOn != null && !day.isBefore(revokedOn);
        return !revokedByThen && !day.isBefore(from) && !day.isAfter(until);
    }
}

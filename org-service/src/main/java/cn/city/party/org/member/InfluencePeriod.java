package cn.city.party.org.member;

import java.time.LocalDate;

/**
 * 处分影响期, learned from the discipline service's events: from the decision to {@code influenceUntil} inclusive,
 * unless revoked. No case content is kept, only the type and the dates.
 */
public record InfluencePeriod(String sanctionId, String type, LocalDate decidedOn, LocalDate influenceUntil,
                              LocalDate revokedOn) {

    public boolean covers(LocalDate day) {
        return revokedOn == null && !day.isBefore(decidedOn) && !day.isAfter(influenceUntil);
    }
}

package cn.city.party.activity.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/**
 * A discipline sanction's influence period (处分影响期), from {@code party.discipline.sanction.*} events. Carries no
 * case content: only who, which kind of sanction and from when to when.
 */
@Document("roster_influence_periods")
public record InfluencePeriod(@Id String sanctionId, @Indexed String memberId, String department, String type,
                              LocalDate decidedOn, LocalDate influenceUntil, LocalDate revokedOn) {

    /** Inside the period on {@code day}, as the platform defines it once (docs/events.md "Influence periods"). */
    public boolean covers(LocalDate day) {
        return new cn.city.party.common.discipline.InfluenceWindow(decidedOn, influenceUntil, revokedOn).covers(day);
    }
}

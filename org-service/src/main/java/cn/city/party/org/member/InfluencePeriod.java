package cn.city.party.org.member;

import cn.city.party.common.discipline.InfluenceWindow;

import java.time.LocalDate;

/**
 * 处分影响期, learned from the discipline service's events; inside on a day as {@link InfluenceWindow} defines it for
 * every service. No case content is kept, only the type and the dates.
 */
public record InfluencePeriod(String sanctionId, String type, LocalDate decidedOn, LocalDate influenceUntil,
                              LocalDate revokedOn) {

    public boolean covers(LocalDate day) {
        return new InfluenceWindow(decidedOn, influenceUntil, revokedOn).covers(day);
    }
}

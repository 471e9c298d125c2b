package cn.city.party.discipline.sanction;

import cn.city.party.common.events.EventType;

import java.time.LocalDate;

/**
 * Events about sanctions on topic {@code party.discipline.sanction} (docs/events.md); schemas in
 * platform-common's test-jar ({@code events/}). No case content, no reporter: org-service and activity-service only need who is inside
 * an influence period, from when until when.
 */
public final class SanctionEvents {

    public static final String TOPIC = "party.discipline.sanction";
    /** 作出处分/诫勉 */
    public static final EventType IMPOSED = new EventType(TOPIC + ".imposed", 1, TOPIC);
    /** 更正 (type or decision date corrected; the influence period follows) */
    public static final EventType CORRECTED = new EventType(TOPIC + ".corrected", 1, TOPIC);
    /** 撤销处分 */
    public static final EventType REVOKED = new EventType(TOPIC + ".revoked", 1, TOPIC);

    private SanctionEvents() {
    }

    public record SanctionData(String sanctionId, String memberId, String department, String branchId, String type,
                               int form, LocalDate decidedOn, LocalDate influenceFrom, LocalDate influenceUntil) {
        static SanctionData of(Sanction s) {
            return new SanctionData(s.id(), s.memberId(), s.department(), s.branchId(), s.type().name(),
                    s.type().form(), s.decidedOn(), s.influenceFrom(), s.influenceUntil());
        }
    }

    public record RevokedData(String sanctionId, String memberId, String department, LocalDate revokedOn) {
    }
}

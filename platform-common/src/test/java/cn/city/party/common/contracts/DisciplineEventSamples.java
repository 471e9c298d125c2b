package cn.city.party.common.contracts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sample {@code data} of discipline-service's sanction events (docs/events.md), for the consumers' tests; published
 * through {@code ServiceApiTest.publish}, which checks them against the contract.
 */
public final class DisciplineEventSamples {

    private DisciplineEventSamples() {
    }

    /**
     * {@code party.discipline.sanction.imposed.v1} data of a light sanction (form 2: {@code WARNING} 警告 or
     * {@code SERIOUS_WARNING} 严重警告) whose influence period runs from the decision to {@code influenceUntil}.
     */
    public static Map<String, Object> sanctionImposed(String sanctionId, String memberId, String department,
                                                      String branchId, String type, LocalDate decidedOn,
                                                      LocalDate influenceUntil) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sanctionId", sanctionId);
        data.put("memberId", memberId);
        data.put("department", department);
        data.put("branchId", branchId);
        data.put("type", type);
        data.put("form", 2);
        data.put("decidedOn", decidedOn.toString());
        data.put("influenceFrom", decidedOn.toString());
        data.put("influenceUntil", influenceUntil.toString());
        return data;
    }

    /** {@code party.discipline.sanction.revoked.v1} data. */
    public static Map<String, Object> sanctionRevoked(String sanctionId, String memberId, String department,
                                                      LocalDate revokedOn) {
        return Map.of("sanctionId", sanctionId, "memberId", memberId, "department", department,
                "revokedOn", revokedOn.toString());
    }
}

package cn.city.party.common.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sample {@code data} of org-service's member and organization events (docs/events.md), for the consumers' tests.
 * A consumer publishes them through {@code ServiceApiTest.publish}, which checks them against the
 * contract first, so a sample that drifts from the contract fails the test rather than feeding a listener.
 */
public final class OrgEventSamples {

    private OrgEventSamples() {
    }

    /** {@code party.org.member.*.v1} data: a member born 1985, joined 2010, no Party-affairs post. */
    public static Map<String, Object> member(String memberId, String department, String branchId, String partyGroupId,
                                             String name, String status, boolean leadingCadre, String accountSubject) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", memberId);
        data.put("department", department);
        data.put("branchId", branchId);
        data.put("partyGroupId", partyGroupId);
        data.put("name", name);
        data.put("gender", "FEMALE");
        data.put("birthDate", "1985-04-12");
        data.put("joinedOn", "2010-07-01");
        data.put("status", status);
        data.put("leadingCadre", leadingCadre);
        data.put("partyAffairsCadre", "NONE");
        data.put("accountSubject", accountSubject);
        return data;
    }

    /** {@code party.org.organization.*.v1} data; {@code parentId} null for a department's top organization. */
    public static Map<String, Object> organization(String id, String department, String type, String name,
                                                   String parentId, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("department", department);
        data.put("type", type);
        data.put("name", name);
        data.put("parentId", parentId);
        data.put("ancestors", parentId == null ? List.of() : List.of(parentId));
        data.put("status", status);
        return data;
    }
}

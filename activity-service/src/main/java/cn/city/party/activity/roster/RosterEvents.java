package cn.city.party.activity.roster;

import java.time.LocalDate;
import java.util.List;

/**
 * The data of the events this service consumes, as documented in docs/events.md. Own copies: nothing is imported
 * from the producing services. Fields this service does not need (birth date, gender …) are ignored when read, so
 * they are never stored here, and a producer adding an optional field breaks nothing.
 */
final class RosterEvents {

    static final String ORGANIZATION_TOPIC = "party.org.organization";
    static final String MEMBER_TOPIC = "party.org.member";
    static final String COMMITTEE_TOPIC = "party.org.committee";
    static final String SANCTION_TOPIC = "party.discipline.sanction";

    private RosterEvents() {
    }

    record OrganizationData(String id, String department, String type, String name, String parentId,
                            List<String> ancestors, String status) {
    }

    record MemberData(String memberId, String department, String branchId, String partyGroupId, String name,
                      String status, boolean leadingCadre, String accountSubject, String fromDepartment,
                      String fromBranchId) {
    }

    record CommitteeData(String organizationId, String department, LocalDate termStart, LocalDate termEnd,
                         List<RosterCommittee.Post> posts) {
    }

    record SanctionData(String sanctionId, String memberId, String department, String type, LocalDate decidedOn,
                        LocalDate influenceUntil) {
    }

    record SanctionRevokedData(String sanctionId, String memberId, String department, LocalDate revokedOn) {
    }
}

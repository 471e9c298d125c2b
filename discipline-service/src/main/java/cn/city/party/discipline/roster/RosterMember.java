package cn.city.party.discipline.roster;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's own copy of a Party member, kept from org-service's member events: just what supervision needs to
 * name a lead's or a sanction's subject (no national ID, no birth date).
 */
@Document("roster_members")
public record RosterMember(@Id String memberId, String department, String branchId, String name, String status)
        implements DepartmentOwned {

    /** Members that can still be the subject of supervision (not transferred away, not deceased). */
    public boolean isCurrent() {
        return !"TRANSFERRED_OUT".equals(status) && !"DECEASED".equals(status);
    }
}

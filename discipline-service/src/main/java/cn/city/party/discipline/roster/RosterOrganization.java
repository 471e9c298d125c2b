package cn.city.party.discipline.roster;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** This service's own copy of a Party organization, kept from org-service's organization events. */
@Document("roster_organizations")
public record RosterOrganization(@Id String id, String department, String type, String name, String status)
        implements DepartmentOwned {

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}

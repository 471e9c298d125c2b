package cn.city.party.activity.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** This service's copy of a Party organization, kept from {@code party.org.organization.*} events. */
@Document("roster_organizations")
// a branch's Party groups, asked on each sitting recorded
@CompoundIndex(name = "parent_type_status", def = "{'parentId': 1, 'type': 1, 'status': 1}")
public record RosterOrganization(@Id String id, String department, String type, String name, String parentId,
                                 List<String> ancestors, String status) {

    public static final String BRANCH = "BRANCH";
    public static final String PARTY_GROUP = "PARTY_GROUP";

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}

package cn.city.party.study.roster;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** This service's copy of one Party organization (names for reports, the secretary for the credit target). */
@Document("roster_organizations")
public class RosterOrganization implements DepartmentOwned {

    @Id
    private String id;
    private String department;
    private String type;
    private String name;
    private String parentId;
    private List<String> ancestors;
    private String status;
    private String secretaryMemberId;

    protected RosterOrganization() {
    }

    public RosterOrganization(String id, String department, String type, String name, String parentId,
                              List<String> ancestors, String status) {
        this.id = id;
        this.department = department;
        this.type = type;
        this.name = name;
        this.parentId = parentId;
        this.ancestors = ancestors;
        this.status = status;
    }

    public String id() { return id; }
    @Override
    public String department() { return department; }
    public String type() { return type; }
    public String name() { return name; }
    public String parentId() { return parentId; }
    public List<String> ancestors() { return ancestors == null ? List.of() : List.copyOf(ancestors); }
    public String status() { return status; }
    public String secretaryMemberId() { return secretaryMemberId; }
}

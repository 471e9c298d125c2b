package cn.city.party.org.scorecard;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * The organizations and departments assessed, as this service's own organization and department events describe them
 * (the scorecards are built from events only). {@code kind} is the organization type, or {@code DEPARTMENT}.
 */
@Document("scorecard_units")
// a ranking lists a department's active branches, the city's departments and their names
@CompoundIndex(name = "department_kind_status", def = "{'department': 1, 'kind': 1, 'status': 1}")
@CompoundIndex(name = "kind_status", def = "{'kind': 1, 'status': 1}")
class ScorecardUnit implements DepartmentOwned {

    static final String DEPARTMENT = "DEPARTMENT";

    @Id
    private String id;
    private String department;
    private String kind;
    private String name;
    private String status;
    private Instant at;
    private String eventId;

    protected ScorecardUnit() {
    }

    @Override
    public String department() { return department; }
    String id() { return id; }
    String kind() { return kind; }
    String name() { return name; }
    String status() { return status; }
    boolean assessed() { return "BRANCH".equals(kind) && "ACTIVE".equals(status); }
}

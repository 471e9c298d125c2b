package cn.city.party.study.roster;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/**
 * This service's copy of one Party member, kept from org-service's roster events (never asked for). Only what the
 * study rules need: where the member belongs, the flags that set the credit-hour target and the audiences it is in.
 */
@Document("roster_members")
public class RosterMember implements DepartmentOwned {

    @Id
    private String id;
    @Indexed
    private String department;
    @Indexed
    private String branchId;
    private String name;
    private String status;
    private LocalDate joinedOn;
    private boolean leadingCadre;
    /** The organization this member is 书记 of, from the last committee election; null when none. */
    private String secretaryOf;
    @Indexed(sparse = true)
    private String accountSubject;

    protected RosterMember() {
    }

    /** For tests and the demo seeder; the listener writes documents field by field. */
    public RosterMember(String id, String department, String branchId, String name, String status, LocalDate joinedOn,
                        boolean leadingCadre, String secretaryOf, String accountSubject) {
        this.id = id;
        this.department = department;
        this.branchId = branchId;
        this.name = name;
        this.status = status;
        this.joinedOn = joinedOn;
        this.leadingCadre = leadingCadre;
        this.secretaryOf = secretaryOf;
        this.accountSubject = accountSubject;
    }

    public static final String PROBATIONARY = "PROBATIONARY";
    public static final String FULL = "FULL";
    /** A member on the roll (probationary or full); transferred-out, suspended or deceased members have no study duties. */
    public static final List<String> ACTIVE_STATUSES = List.of(PROBATIONARY, FULL);

    public boolean active() {
        return ACTIVE_STATUSES.contains(status);
    }

    /** 新党员: a probationary member; the new-member materials are meant for them. */
    public boolean newMember() {
        return PROBATIONARY.equals(status);
    }

    public boolean secretary() {
        return secretaryOf != null;
    }

    public String id() { return id; }
    @Override
    public String department() { return department; }
    public String branchId() { return branchId; }
    public String name() { return name; }
    public String status() { return status; }
    public LocalDate joinedOn() { return joinedOn; }
    public boolean leadingCadre() { return leadingCadre; }
    public String secretaryOf() { return secretaryOf; }
    public String accountSubject() { return accountSubject; }
}

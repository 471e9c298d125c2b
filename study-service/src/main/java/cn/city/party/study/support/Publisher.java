package cn.city.party.study.support;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import cn.city.party.common.security.SecretaryBranches;
import cn.city.party.study.roster.Roster;
import org.springframework.stereotype.Component;

/**
 * Who may publish study content where: the work committee city-wide or into any department, a department admin
 * into its own department (or one branch of it), a branch secretary into its own branch only.
 */
@Component
public class Publisher {

    private final Roster roster;

    public Publisher(Roster roster) {
        this.roster = roster;
    }

    /**
     * The department and branch new content of {@code caller} goes to, from what it asked for
     * ({@code department} null = the caller's default: the city for the work committee, else its own department).
     */
    public Reach resolve(Caller caller, String department, String branchId, Audience audience) {
        String target;
        String branch = branchId;
        if (caller.has(Role.WORK_COMMITTEE_ADMIN)) {
            target = department == null ? Reach.CITY : department;
        } else {
            target = department == null ? caller.department() : department;
            if (!target.equals(caller.department())) {
                throw Problems.forbidden("department.outOfScope", target);
            }
            if (!caller.has(Role.DEPT_ADMIN)) {
                branch = SecretaryBranches.require(caller, branch);
            }
        }
        if (audience == Audience.DEPARTMENT && Reach.cityWide(target)) {
            throw Problems.invalid("department", "audience.departmentNeeded");
        }
        String owner = target;
        if (branch != null && (Reach.cityWide(target)
                || roster.organization(branch).filter(o -> o.department().equals(owner)).isEmpty())) {
            throw Problems.invalid("branchId", "audience.branchOutsideDepartment");
        }
        return new Reach(target, branch, audience);
    }

    /** Whether {@code caller} manages content with this reach (may publish, withdraw, see drafts and results). */
    public boolean manages(Caller caller, String department, String branchId) {
        if (caller.has(Role.WORK_COMMITTEE_ADMIN)) {
            return true;
        }
        if (!department.equals(caller.department())) {
            return false;
        }
        if (caller.has(Role.DEPT_ADMIN)) {
            return true;
        }
        return SecretaryBranches.serves(caller, branchId);
    }

    public void requireManages(Caller caller, String department, String branchId) {
        if (!manages(caller, department, branchId)) {
            throw Problems.forbidden("publish.notYourScope");
        }
    }
}

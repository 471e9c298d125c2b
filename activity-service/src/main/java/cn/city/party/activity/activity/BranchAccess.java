package cn.city.party.activity.activity;

import cn.city.party.activity.roster.Roster;
import cn.city.party.activity.roster.RosterMember;
import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.Role;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may see and write which branch: secretaries write and read their own branch (the branch of their own member
 * record, found by the token's {@code sub}); members read their own branch; department admins read their department
 * and the work committee reads everything (the department part is enforced by ScopedMongo).
 */
@Component
public class BranchAccess {

    private final Roster roster;

    public BranchAccess(Roster roster) {
        this.roster = roster;
    }

    /** The caller's own member record, required for secretaries and members. */
    public RosterMember self() {
        Caller caller = CurrentCaller.get();
        return roster.memberOfAccount(caller.subject()).filter(RosterMember::active)
                .orElseThrow(() -> Problems.forbidden("access.noMemberRecord"));
    }

    /** The branch a secretary writes: its own. A different {@code requested} branch is refused. */
    public RosterMember secretaryOf(String requestedBranch) {
        Caller caller = CurrentCaller.get();
        if (!caller.has(Role.BRANCH_SECRETARY)) {
            throw Problems.forbidden("forbidden");
        }
        RosterMember self = self();
        if (requestedBranch != null && !requestedBranch.equals(self.branchId())) {
            throw Problems.forbidden("access.otherBranch", requestedBranch);
        }
        return self;
    }

    /**
     * The one branch the caller is limited to when reading, or empty when it reads by department (department admins,
     * the work committee: ScopedMongo narrows those).
     */
    public Optional<String> readLimit() {
        Caller caller = CurrentCaller.get();
        if (caller.hasAny(Role.WORK_COMMITTEE_ADMIN, Role.DEPT_ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(self().branchId());
    }

    /** Refuses reading {@code branchId} when the caller is limited to another branch (404: hides that it exists). */
    public void requireReadable(String branchId, String entity, Object id) {
        readLimit().filter(own -> !own.equals(branchId)).ifPresent(own -> {
            throw Problems.notFound(entity, id);
        });
    }
}

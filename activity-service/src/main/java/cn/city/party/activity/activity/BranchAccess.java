package cn.city.party.activity.activity;

import cn.city.party.activity.roster.Roster;
import cn.city.party.activity.roster.RosterMember;
import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.Role;
import cn.city.party.common.security.SecretaryBranches;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see and write which branch: secretaries write and read the branches their token names
 * ({@link SecretaryBranches}, as elected); members read their own branch (the branch of their member record, found
 * by the token's {@code sub}); department admins read their department and the work committee reads everything (the
 * department part is enforced by ScopedMongo).
 */
@Component
public class BranchAccess {

    private final Roster roster;

    public BranchAccess(Roster roster) {
        this.roster = roster;
    }

    /** The caller's own member record, required for members. */
    public RosterMember self() {
        return ownRecord().orElseThrow(() -> Problems.forbidden("access.noMemberRecord"));
    }

    /** The branch a secretary writes: {@code requested} if it serves it (or the one it serves); 403 otherwise. */
    public String secretaryOf(String requestedBranch) {
        return SecretaryBranches.require(CurrentCaller.get(), requestedBranch);
    }

    /** Whether the calling secretary serves {@code branchId} (records of other branches are hidden as not found). */
    public boolean serves(String branchId) {
        return SecretaryBranches.serves(CurrentCaller.get(), branchId);
    }

    /**
     * The branches the caller is limited to when reading (those it serves as secretary and its own), or empty when it
     * reads by department (department admins, the work committee: ScopedMongo narrows those).
     */
    public Optional<Set<String>> readLimit() {
        Caller caller = CurrentCaller.get();
        if (caller.hasAny(Role.WORK_COMMITTEE_ADMIN, Role.DEPT_ADMIN)) {
            return Optional.empty();
        }
        Set<String> branches = new LinkedHashSet<>(SecretaryBranches.of(caller));
        ownRecord().ifPresent(self -> branches.add(self.branchId()));
        if (branches.isEmpty()) {
            throw Problems.forbidden("access.noMemberRecord");
        }
        return Optional.of(branches);
    }

    /** Refuses reading {@code branchId} when the caller is limited to other branches (404: hides that it exists). */
    public void requireReadable(String branchId, String entity, Object id) {
        readLimit().filter(own -> !own.contains(branchId)).ifPresent(own -> {
            throw Problems.notFound(entity, id);
        });
    }

    private Optional<RosterMember> ownRecord() {
        return roster.memberOfAccount(CurrentCaller.get().subject()).filter(RosterMember::active);
    }
}

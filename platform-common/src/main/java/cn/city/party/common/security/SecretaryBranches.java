package cn.city.party.common.security;

import cn.city.party.common.error.Problems;

import java.util.Set;

/**
 * The one place every service decides which branches a branch secretary acts for: the token's {@code branches}
 * claim, which org-service keeps in step with the elections it records (书记 and 副书记, and 组织委员 where the rules
 * say so). A member record in a branch no longer makes its holder that branch's secretary; the role without the
 * claim serves no branch. A removed secretary keeps a branch until its token expires (the realm's token lifetime).
 */
public final class SecretaryBranches {

    private SecretaryBranches() {
    }

    /** The branches the caller serves as secretary; empty without the {@code BRANCH_SECRETARY} role. */
    public static Set<String> of(Caller caller) {
        return caller.has(Role.BRANCH_SECRETARY) ? caller.branches() : Set.of();
    }

    public static boolean serves(Caller caller, String branchId) {
        return branchId != null && of(caller).contains(branchId);
    }

    /**
     * The branch a secretary writes: {@code requested} when it serves it, else, with none requested, the one branch it
     * serves. 403 otherwise (another branch, no branch, or several branches and none named).
     */
    public static String require(Caller caller, String requested) {
        Set<String> served = of(caller);
        if (served.isEmpty()) {
            throw Problems.forbidden("access.servesNoBranch");
        }
        if (requested == null) {
            if (served.size() != 1) {
                throw Problems.forbidden("access.branchRequired");
            }
            return served.iterator().next();
        }
        if (!served.contains(requested)) {
            throw Problems.forbidden("access.otherBranch", requested);
        }
        return requested;
    }
}

package cn.city.party.org.organization;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What the organization pages need of the member roster, in the caller's scope. Declared here and implemented by
 * the member feature, which builds on organizations, so that organizations do not depend on members.
 */
public interface BranchRolls {

    /** A branch's members (probationary and full) and how many of them are 正式党员. */
    record BranchRoll(Set<String> members, long fullMembers) {
    }

    /** The roll of each of these branches (every one of them in the map, empty ones too). */
    Map<String, BranchRoll> rollsByBranch(Collection<String> branchIds);

    /** Whether any member on the roll belongs to this branch or Party group. */
    boolean hasMembersIn(String organizationId);
}

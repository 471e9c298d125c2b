package cn.city.party.org.member;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.Role;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.org.organization.Organization;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The narrower scope of a caller below department level. A {@code BRANCH_SECRETARY} (without an admin role) acts
 * for the branch of its own member record, found by the token's {@code sub}, and that branch's Party groups; the
 * department scope of {@link ScopedMongo} still applies on top.
 */
@Component
public class BranchScope {

    private final ScopedMongo store;

    public BranchScope(ScopedMongo store) {
        this.store = store;
    }

    /** The member record linked to the caller's account. */
    public Optional<Member> self() {
        Caller caller = CurrentCaller.get();
        return store.find(Criteria.where("accountSubject").is(caller.subject()), Member.class).stream().findFirst();
    }

    public Member requireSelf() {
        return self().orElseThrow(() -> Problems.notFound("entity.ownMember", CurrentCaller.get().username()));
    }

    /** Empty for callers who see their whole department scope; the secretary's branch otherwise. */
    public Optional<String> restrictedBranch() {
        Caller caller = CurrentCaller.get();
        if (caller.isSystem() || caller.hasAny(Role.WORK_COMMITTEE_ADMIN, Role.DEPT_ADMIN)) {
            return Optional.empty();
        }
        if (caller.has(Role.BRANCH_SECRETARY)) {
            return Optional.of(self().map(Member::branchId)
                    .orElseThrow(() -> Problems.forbidden("member.secretaryNotLinked")));
        }
        throw Problems.forbidden("forbidden");
    }

    /** Empty when unrestricted; otherwise the secretary's branch and its Party groups. */
    public Optional<Set<String>> visibleOrganizations() {
        return restrictedBranch().map(branch -> {
            Set<String> ids = new LinkedHashSet<>();
            ids.add(branch);
            store.find(Criteria.where("ancestors").is(branch), Organization.class).forEach(o -> ids.add(o.id()));
            return ids;
        });
    }

    /** A member outside the caller's branch is reported as not found, like one outside its department. */
    public Member requireVisible(Member member) {
        restrictedBranch().filter(branch -> !branch.equals(member.branchId()))
                .ifPresent(branch -> {
                    throw Problems.notFound(MemberService.ENTITY, member.id());
                });
        return member;
    }
}

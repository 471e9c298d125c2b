package cn.city.party.org.member;

import cn.city.party.common.error.Problems;
import cn.city.party.common.reminder.OwnMember;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.org.organization.OrganizationScope;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * The caller's own member record, and the members a caller below department level sees: a branch secretary those of
 * the branches it serves ({@link OrganizationScope}); the department scope of {@link ScopedMongo} still applies on top.
 */
@Component
public class BranchScope implements OwnMember {

    private final ScopedMongo store;
    private final OrganizationScope organizations;

    public BranchScope(ScopedMongo store, OrganizationScope organizations) {
        this.store = store;
        this.organizations = organizations;
    }

    /** The member record linked to the caller's account. */
    public Optional<Member> self() {
        Caller caller = CurrentCaller.get();
        return store.find(Criteria.where("accountSubject").is(caller.subject()), Member.class).stream().findFirst();
    }

    public Member requireSelf() {
        return self().orElseThrow(() -> Problems.notFound("entity.ownMember", CurrentCaller.get().username()));
    }

    /** Whose dues reminders the caller reads: its own member record. */
    @Override
    public String idOfCaller() {
        return requireSelf().id();
    }

    /** Empty for callers who see their whole department scope; the branches the secretary serves otherwise. */
    public Optional<Set<String>> restrictedBranches() {
        return organizations.restrictedBranches();
    }

    /** The criterion limiting {@code field} to the secretary's branches, or empty when unrestricted. */
    public Optional<Criteria> restriction(String field) {
        return organizations.restriction(field);
    }

    /** A member outside the caller's branches is reported as not found, like one outside its department. */
    public Member requireVisible(Member member) {
        restrictedBranches().filter(branches -> !branches.contains(member.branchId()))
                .ifPresent(branches -> {
                    throw Problems.notFound(MemberService.ENTITY, member.id());
                });
        return member;
    }
}

package cn.city.party.org.organization;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.Role;
import cn.city.party.common.security.SecretaryBranches;
import cn.city.party.common.tenancy.ScopedMongo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The narrower scope of a caller below department level. A {@code BRANCH_SECRETARY} (without an admin role) acts
 * for the branches its token names ({@link SecretaryBranches}: those it was elected to) and their Party groups; the
 * department scope of {@link ScopedMongo} still applies on top.
 */
@Component
public class OrganizationScope {

    private final ScopedMongo store;

    public OrganizationScope(ScopedMongo store) {
        this.store = store;
    }

    /** Empty for callers who see their whole department scope; the branches the secretary serves otherwise. */
    public Optional<Set<String>> restrictedBranches() {
        Caller caller = CurrentCaller.get();
        if (caller.isSystem() || caller.hasAny(Role.WORK_COMMITTEE_ADMIN, Role.DEPT_ADMIN)) {
            return Optional.empty();
        }
        if (caller.has(Role.BRANCH_SECRETARY)) {
            return Optional.of(SecretaryBranches.of(caller));
        }
        throw Problems.forbidden("forbidden");
    }

    /** The criterion limiting {@code field} to the secretary's branches, or empty when unrestricted. */
    public Optional<Criteria> restriction(String field) {
        return restrictedBranches().map(branches -> Criteria.where(field).in(branches));
    }

    /** Empty when unrestricted; otherwise the secretary's branches and their Party groups. */
    public Optional<Set<String>> visibleOrganizations() {
        return restrictedBranches().map(branches -> {
            Set<String> ids = new LinkedHashSet<>(branches);
            store.find(Criteria.where("ancestors").in(branches), Organization.class).forEach(o -> ids.add(o.id()));
            return ids;
        });
    }
}

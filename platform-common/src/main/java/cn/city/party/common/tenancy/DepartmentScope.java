package cn.city.party.common.tenancy;

import cn.city.party.common.security.Caller;
import cn.city.party.common.security.EndpointAuthorization;
import cn.city.party.common.security.Role;
import org.springframework.data.mongodb.core.query.Criteria;

import java.util.Optional;
import java.util.Set;

/**
 * The departments a caller may see: all of them (work committee, city-jurisdiction inspectors, system jobs) or its
 * own. Only the roles the caller acts under at the endpoint count ({@link EndpointAuthorization#actingRoles}): a
 * department admin who is also a city inspector is a department admin in org-service, and a work-committee admin
 * who is also a department inspector reads only its department's leads. A service with stricter rules (discipline:
 * inspectors only) checks roles on the endpoint; scope is still this.
 */
public record DepartmentScope(Optional<Set<String>> departments) {

    public static final DepartmentScope ALL = new DepartmentScope(Optional.empty());

    public static DepartmentScope of(String department) {
        return new DepartmentScope(Optional.of(Set.of(department)));
    }

    public static DepartmentScope of(Caller caller) {
        return of(caller, EndpointAuthorization.actingRoles(caller));
    }

    public static DepartmentScope of(Caller caller, Set<Role> acting) {
        if (caller.isSystem() || acting.contains(Role.WORK_COMMITTEE_ADMIN)
                || (caller.cityJurisdiction() && acting.contains(Role.INSPECTOR))) {
            return ALL;
        }
        if (caller.department() == null || caller.department().isBlank()) {
            // a token without a department sees nothing rather than everything
            return new DepartmentScope(Optional.of(Set.of()));
        }
        return of(caller.department());
    }

    public boolean isAll() {
        return departments.isEmpty();
    }

    /** Whether a record of {@code department} is in scope; a city-wide record (no department) only for {@link #ALL}. */
    public boolean permits(String department) {
        return departments.map(d -> department != null && d.contains(department)).orElse(true);
    }

    /** The criterion every scoped query carries; empty for {@link #ALL}. */
    public Optional<Criteria> criteria() {
        return departments.map(d -> Criteria.where(DepartmentOwned.FIELD).in(d));
    }
}

package cn.city.party.org.role;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.Role;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.org.account.KeycloakAccounts;
import cn.city.party.org.member.Member;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * 工委授权: the work committee grants and withdraws {@code DEPT_ADMIN} (机关党委 staff) and {@code INSPECTOR}
 * (机关纪委 staff, department or city jurisdiction) to named members of a stated department. Keycloak applies the
 * change first; only what it applied is recorded, so an unreachable Keycloak (503) leaves neither.
 */
@Service
public class RoleGrantService {

    /** The roles the work committee hands out here; secretaries follow elections instead. */
    static final Set<Role> COMMITTEE_GRANTED = Set.of(Role.DEPT_ADMIN, Role.INSPECTOR);
    static final Set<String> JURISDICTIONS = Set.of("department", "city");

    private final ScopedMongo store;
    private final KeycloakAccounts keycloak;
    private final Clock clock;

    public RoleGrantService(ScopedMongo store, KeycloakAccounts keycloak, Clock clock) {
        this.store = store;
        this.keycloak = keycloak;
        this.clock = clock;
    }

    public RoleGrant grant(String memberId, String department, Role role, String jurisdiction, String reason) {
        requireCommitteeGranted(role);
        if (role != Role.INSPECTOR && jurisdiction != null) {
            throw Problems.rule("jurisdiction", "roleGrant.jurisdictionOnlyForInspector");
        }
        String scope = role == Role.INSPECTOR ? (jurisdiction == null ? "department" : jurisdiction) : department;
        if (!JURISDICTIONS.contains(scope) && role == Role.INSPECTOR) {
            throw Problems.rule("jurisdiction", "roleGrant.jurisdiction", scope);
        }
        Member member = holder(memberId, department);
        keycloak.grant(member.accountSubject(), role, role == Role.INSPECTOR ? scope : null);
        return record(member, role, scope, RoleGrant.Action.GRANTED, reason);
    }

    public RoleGrant withdraw(String memberId, String department, Role role, String reason) {
        requireCommitteeGranted(role);
        Member member = holder(memberId, department);
        if (!keycloak.roles(member.accountSubject()).contains(role)) {
            throw Problems.rule("role", "roleGrant.notHeld", member.name(), role.name());
        }
        keycloak.withdraw(member.accountSubject(), role);
        return record(member, role, role == Role.INSPECTOR ? null : department, RoleGrant.Action.WITHDRAWN, reason);
    }

    /** The record, newest first; of one department or member when asked. */
    public List<RoleGrant> list(String department, String memberId) {
        Criteria c = new Criteria();
        if (department != null) {
            c = c.and("department").is(department);
        }
        if (memberId != null) {
            c = c.and("memberId").is(memberId);
        }
        return store.find(c, Sort.by(Sort.Direction.DESC, "at"), RoleGrant.class);
    }

    private static void requireCommitteeGranted(Role role) {
        if (!COMMITTEE_GRANTED.contains(role)) {
            throw Problems.rule("role", "roleGrant.roleNotGranted", role.name());
        }
    }

    /** The member, of the stated department (else the problem names {@code member}), with an account. */
    private Member holder(String memberId, String department) {
        Member member = store.findById(memberId, Member.class)
                .orElseThrow(() -> Problems.rule("member", "roleGrant.unknownMember", memberId));
        if (!member.department().equals(department)) {
            throw Problems.rule("member", "roleGrant.otherDepartment", member.name(), department);
        }
        if (member.accountSubject() == null) {
            throw Problems.rule("member", "roleGrant.noAccount", member.name());
        }
        return member;
    }

    private RoleGrant record(Member member, Role role, String scope, RoleGrant.Action action, String reason) {
        return store.insert(new RoleGrant(UUID.randomUUID().toString(), member.department(), member.id(), member.name(),
                member.accountSubject(), role, scope, action, RoleGrant.Cause.WORK_COMMITTEE, reason,
                CurrentCaller.get().username(), clock.instant(), true));
    }
}

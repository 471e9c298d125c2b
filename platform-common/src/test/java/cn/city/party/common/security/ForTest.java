package cn.city.party.common.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.util.SimpleMethodInvocation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The role annotations are @PreAuthorize to the authorization manager EndpointAuthorization asks, on methods and types. */
class ForTest {

    static class Endpoints {
        @For.Secretary
        void secretary() {
        }

        @For.WorkCommitteeOrDeptAdmin
        void admins() {
        }

        @For.AnyRole
        void everyone() {
        }
    }

    @For.Inspector
    static class InspectorEndpoints {
        void cases() {
        }
    }

    private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

    @Test
    void a_method_lets_in_exactly_the_roles_its_annotation_names() {
        assertThat(allowed(new Endpoints(), "secretary")).containsExactly(Role.BRANCH_SECRETARY);
        assertThat(allowed(new Endpoints(), "admins")).containsExactly(Role.WORK_COMMITTEE_ADMIN, Role.DEPT_ADMIN);
        assertThat(allowed(new Endpoints(), "everyone")).containsExactlyElementsOf(EnumSet.allOf(Role.class));
    }

    @Test
    void a_type_annotation_holds_for_its_methods() {
        assertThat(allowed(new InspectorEndpoints(), "cases")).containsExactly(Role.INSPECTOR);
    }

    private Set<Role> allowed(Object target, String method) {
        Set<Role> allowed = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            var caller = UsernamePasswordAuthenticationToken.authenticated("caller", null,
                    List.of(new SimpleGrantedAuthority(role.authority())));
            try {
                AuthorizationResult result = manager.authorize(() -> caller,
                        new SimpleMethodInvocation(target, target.getClass().getDeclaredMethod(method)));
                if (result != null && result.isGranted()) {
                    allowed.add(role);
                }
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }
        return allowed;
    }
}

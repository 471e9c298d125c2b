package cn.city.party.common.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides an endpoint's {@code @PreAuthorize} before Spring binds and validates its arguments, so a caller who may
 * not call it gets 403 and never a 400 that names the parameters (method security alone runs only after binding).
 * It also records the roles the caller acts under there: those of its roles that alone satisfy the endpoint. A
 * department admin who is also a city inspector calls an org endpoint as department admin, so its department scope
 * is that of a department admin ({@link cn.city.party.common.tenancy.DepartmentScope}), not the union of its roles.
 */
public class EndpointAuthorization implements HandlerInterceptor {

    private static final String ACTING_ROLES = EndpointAuthorization.class.getName() + ".actingRoles";

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    public EndpointAuthorization(ApplicationContext context) {
        preAuthorize.setApplicationContext(context);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod endpoint)) {
            return true;
        }
        Caller caller = CurrentCaller.find().orElse(null);
        if (caller == null) {
            return true; // unauthenticated requests were refused by the filter chain; open paths have no caller
        }
        SimpleMethodInvocation invocation = new SimpleMethodInvocation(endpoint.getBean(), endpoint.getMethod());
        AuthorizationResult result = preAuthorize.authorize(
                () -> SecurityContextHolder.getContext().getAuthentication(), invocation);
        if (result == null) {
            return true; // no @PreAuthorize: the endpoint acts under every role of the caller
        }
        if (!result.isGranted()) {
            throw new AuthorizationDeniedException("endpoint not allowed for the caller's roles", result);
        }
        Set<Role> acting = EnumSet.noneOf(Role.class);
        for (Role role : caller.roles()) {
            var alone = UsernamePasswordAuthenticationToken.authenticated(caller, null,
                    List.of(new SimpleGrantedAuthority(role.authority())));
            AuthorizationResult single = preAuthorize.authorize(() -> alone, invocation);
            if (single != null && single.isGranted()) {
                acting.add(role);
            }
        }
        // an expression no single role satisfies (none today) keeps every role rather than none
        request.setAttribute(ACTING_ROLES, acting.isEmpty() ? caller.roles() : Set.copyOf(acting));
        return true;
    }

    /** The roles {@code caller} acts under in the current request: all of them outside an endpoint. */
    @SuppressWarnings("unchecked")
    public static Set<Role> actingRoles(Caller caller) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object acting = attributes == null ? null : attributes.getAttribute(ACTING_ROLES, RequestAttributes.SCOPE_REQUEST);
        return acting == null || caller.isSystem() ? caller.roles() : (Set<Role>) acting;
    }
}

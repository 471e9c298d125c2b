package cn.city.party.gateway.session;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/session}: who is signed in, for the app's menu and header. Answered by the gateway from the
 * signed-in user's claims (the ID token for a browser, the access token for an API client); never a token itself.
 */
@RestController
class SessionController {

    /** The realm roles the platform knows; Keycloak's own default roles are not the app's business. */
    static final Set<String> PLATFORM_ROLES = Set.of("WORK_COMMITTEE_ADMIN", "DEPT_ADMIN", "BRANCH_SECRETARY", "MEMBER", "INSPECTOR");

    record CurrentSession(String username, String name, String department, List<String> roles, String jurisdiction,
                          List<String> branches, Instant expiresAt) {
    }

    @GetMapping("/api/session")
    Mono<CurrentSession> session(Authentication authentication, ServerWebExchange exchange) {
        if (authentication instanceof OAuth2AuthenticationToken browser && browser.getPrincipal() instanceof OidcUser user) {
            // the browser's sign-in lasts as long as its gateway session stays in use
            return exchange.getSession().map(session -> of(user.getClaims(), session.getLastAccessTime().plus(session.getMaxIdleTime())));
        }
        if (authentication instanceof JwtAuthenticationToken client) {
            return Mono.just(of(client.getToken().getClaims(), client.getToken().getExpiresAt()));
        }
        return Mono.error(new IllegalStateException("unexpected authentication " + authentication.getClass()));
    }

    private static CurrentSession of(Map<String, Object> claims, Instant expiresAt) {
        return new CurrentSession(string(claims, "preferred_username"), displayName(claims), string(claims, "department"),
                strings(claims, "roles").stream().filter(PLATFORM_ROLES::contains).sorted().toList(),
                string(claims, "jurisdiction"), strings(claims, "branches"), expiresAt);
    }

    /**
     * The user's name as a Chinese reader writes it: family name first, no space (郑廉); Keycloak's {@code name}
     * claim puts the given name first (廉 郑). Names in Latin script keep Keycloak's order.
     */
    static String displayName(Map<String, Object> claims) {
        String family = string(claims, "family_name");
        String given = string(claims, "given_name");
        if (family != null && given != null && (han(family) || han(given))) {
            return family + given;
        }
        return string(claims, "name");
    }

    private static boolean han(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String string(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value == null ? null : value.toString();
    }

    private static List<String> strings(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof Collection<?> values ? values.stream().map(Object::toString).toList() : List.of();
    }
}

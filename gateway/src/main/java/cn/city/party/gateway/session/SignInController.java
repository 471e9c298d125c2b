package cn.city.party.gateway.session;

import cn.city.party.gateway.GatewaySecurity;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * {@code GET /sign-in?next=/member/checkin/abc}: the app sends the browser here when its session has ended. The
 * return path is remembered (only a local one), the browser signs in at Keycloak and lands on it; a browser that is
 * still signed in goes straight there.
 */
@RestController
class SignInController {

    private final ServerRequestCache requestCache;
    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    SignInController(ServerRequestCache requestCache) {
        this.requestCache = requestCache;
    }

    @GetMapping("/sign-in")
    Mono<Void> signIn(@RequestParam(required = false) String next, ServerWebExchange exchange) {
        String local = ReturnPath.orHome(next);
        return exchange.getPrincipal().filter(OAuth2AuthenticationToken.class::isInstance).hasElement()
                .flatMap(signedIn -> signedIn ? redirect.sendRedirect(exchange, URI.create(local))
                        : requestCache.saveRequest(exchange.mutate()
                                        .request(r -> r.method(HttpMethod.GET).uri(exchange.getRequest().getURI().resolve(local)))
                                        .build())
                                .then(redirect.sendRedirect(exchange, URI.create(GatewaySecurity.AUTHORIZATION))));
    }
}

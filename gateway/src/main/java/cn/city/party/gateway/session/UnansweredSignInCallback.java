package cn.city.party.gateway.session;

import cn.city.party.gateway.GatewaySecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;

/**
 * The sign-in callback ({@code /login/oauth2/code/keycloak}) never leaves the browser waiting: if it has not answered
 * within {@code platform.gateway.sign-in-callback-timeout}, the browser is sent to start the sign-in again. Keycloak,
 * where the user is already signed in, answers that at once with a fresh code, so the user lands where they were going
 * instead of facing a page that never loads.
 * <p>
 * Why: now and then (about 1 in 40 first sign-ins on a saturated machine) the callback got no answer at all, the
 * gateway's event loops idle, every call to Keycloak bounded by {@link cn.city.party.gateway.KeycloakClients}; the
 * step that never signals is not found. The warning names the request so that it can be.
 */
@Component
class UnansweredSignInCallback implements WebFilter, Ordered {

    static final String CALLBACK = "/login/oauth2/code/";
    private static final Logger log = LoggerFactory.getLogger(UnansweredSignInCallback.class);

    private final Duration limit;

    UnansweredSignInCallback(@Value("${platform.gateway.sign-in-callback-timeout}") Duration limit) {
        this.limit = limit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(CALLBACK)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).timeout(limit, Mono.defer(() -> signInAgain(exchange)));
    }

    private Mono<Void> signInAgain(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        log.warn("the sign-in callback {} (request {}) had no answer after {}; {}", exchange.getRequest().getPath(),
                exchange.getRequest().getId(), limit,
                response.isCommitted() ? "its answer had begun, left as it is" : "the browser starts the sign-in again");
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.FOUND);
        response.getHeaders().setLocation(URI.create(GatewaySecurity.AUTHORIZATION));
        return response.setComplete();
    }

    /** Around Spring Security's filter chain (order -100), which handles the callback. */
    @Override
    public int getOrder() {
        return -200;
    }
}

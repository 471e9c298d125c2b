package cn.city.party.gateway.protection;

import cn.city.party.gateway.GatewayProblems;
import cn.city.party.gateway.GatewaySecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.function.Function;

/**
 * Rate limits on {@code /api/**}, answered with a 429 problem and {@code Retry-After}: per client address before
 * anything else (also for callers without a valid token), and per signed-in user after authentication (a user behind
 * a shared office address is limited on its own). Sizes in {@code platform.gateway.rate-limit}.
 */
@Configuration
class ApiRateLimit {

    /** Before the security chain (order -100): refused callers are counted too. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 30)
    WebFilter perAddressRateLimit(GatewayLimits limits, GatewayProblems problems) {
        return limiter(new TokenBuckets(limits.rateLimit().perAddress(), System::nanoTime), problems,
                exchange -> Mono.justOrEmpty(exchange.getRequest().getRemoteAddress())
                        .map(InetSocketAddress::getAddress).map(address -> "address " + address.getHostAddress()));
    }

    /** After the security chain: the caller is known. */
    @Bean
    @Order(0)
    WebFilter perUserRateLimit(GatewayLimits limits, GatewayProblems problems) {
        return limiter(new TokenBuckets(limits.rateLimit().perUser(), System::nanoTime), problems,
                exchange -> exchange.getPrincipal().map(Principal::getName).map(user -> "user " + user));
    }

    private static WebFilter limiter(TokenBuckets buckets, GatewayProblems problems, Function<ServerWebExchange, Mono<String>> key) {
        return (exchange, chain) -> {
            if (!GatewaySecurity.isApi(exchange)) {
                return chain.filter(exchange);
            }
            return key.apply(exchange).map(buckets::take).defaultIfEmpty(0L).flatMap(wait -> {
                if (wait == 0) {
                    return chain.filter(exchange);
                }
                exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(wait));
                return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "tooManyRequests", wait);
            });
        };
    }
}

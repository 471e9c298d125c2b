package cn.city.party.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Browsers: OIDC login with Keycloak, a session cookie, CSRF protection on state-changing calls, the access token
 * relayed to the services. API clients: their bearer token is verified here (signature, issuer, audience, expiry,
 * RS256 only) before it is passed on; without one they get a 401 problem, not a login page.
 */
@Configuration
@EnableWebFluxSecurity
public class GatewaySecurity {

    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, GatewayProblems problems) {
        RedirectServerAuthenticationEntryPoint login = new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/keycloak");
        http.authorizeExchange(ex -> ex
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/fallback/**",
                                "/docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(o -> { })
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> isBrowser(exchange)
                                ? login.commence(exchange, e)
                                : problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated"))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden")))
                // a bearer token cannot be sent by a forged cross-site form; a session cookie can
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .requireCsrfProtectionMatcher(cookieSessionWrites()));
        return http.build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${platform.security.issuer-uri}") String issuer,
                                  @Value("${platform.security.jwk-set-uri:}") String jwkSetUri,
                                  @Value("${platform.security.audience}") String audience,
                                  @Value("${platform.security.clock-skew}") Duration clockSkew) {
        String keys = jwkSetUri.isBlank() ? issuer + "/protocol/openid-connect/certs" : jwkSetUri;
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<java.time.Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)))));
        return decoder;
    }

    private static boolean isBrowser(org.springframework.web.server.ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return headers.getAccept().stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith)
                && !headers.containsHeader(HttpHeaders.AUTHORIZATION);
    }

    private static ServerWebExchangeMatcher cookieSessionWrites() {
        return exchange -> {
            var request = exchange.getRequest();
            boolean write = !SAFE_METHODS.contains(request.getMethod());
            boolean bearer = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
            return write && !bearer ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }
}

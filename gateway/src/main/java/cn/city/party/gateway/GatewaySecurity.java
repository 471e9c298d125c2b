package cn.city.party.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Browsers (backend for frontend): OIDC login with Keycloak, the tokens stay in the gateway's session and are relayed
 * to the services, the browser holds only an HttpOnly session cookie and the CSRF cookie. API clients: their bearer
 * token is verified here (signature, issuer, audience, expiry, RS256 only) before it is passed on. {@code /api/**}
 * never redirects: without a session or token it is a 401 problem; a page is sent to sign-in and back.
 */
@Configuration
@EnableWebFluxSecurity
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public class GatewaySecurity {

    /** Where Spring Security starts the authorization code flow with Keycloak. */
    public static final String AUTHORIZATION = "/oauth2/authorization/keycloak";

    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final String[] DOCS = {"/docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/v3/api-docs/**", "/actuator/prometheus"};

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, GatewayProblems problems, ServerRequestCache requestCache,
                                               ReactiveClientRegistrationRepository registrations,
                                               @Value("${platform.gateway.public-docs}") boolean publicDocs,
                                               @Value("${server.reactive.session.cookie.secure}") boolean secureCookies) {
        RedirectServerAuthenticationEntryPoint signIn = new RedirectServerAuthenticationEntryPoint(AUTHORIZATION);
        signIn.setRequestCache(requestCache);
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated");

        OidcClientInitiatedServerLogoutSuccessHandler logout = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        // Keycloak ends its own session too and sends the browser back to the app, which asks it to sign in again
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        logout.setLogoutSuccessUrl(URI.create("/"));

        ServerSecurityContextRepository signedIn = new SessionUnlessBearer();
        CookieServerCsrfTokenRepository csrfCookie = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookie.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(secureCookies));

        http.authorizeExchange(ex -> {
                    ex.pathMatchers("/assets/**", "/favicon.ico", "/sign-in", "/actuator/health", "/actuator/health/**",
                            "/actuator/info").permitAll();
                    if (publicDocs) {
                        ex.pathMatchers(DOCS).permitAll();
                    }
                    ex.anyExchange().authenticated();
                })
                .securityContextRepository(signedIn)
                .requestCache(cache -> cache.requestCache(requestCache))
                .oauth2Login(login -> { })
                .logout(l -> l.logoutSuccessHandler(logout))
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> { }).authenticationEntryPoint(unauthenticated))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> isApi(exchange)
                                ? unauthenticated.commence(exchange, e) : signIn.commence(exchange, e))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden")))
                // a bearer token cannot be sent by a forged cross-site form; a session cookie can
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie)
                        // checked before authentication: a caller that is not signed in learns that first
                        .accessDeniedHandler((exchange, e) -> signedIn.load(exchange).hasElement().flatMap(session ->
                                session || !isApi(exchange) ? problems.write(exchange, HttpStatus.FORBIDDEN, "csrf")
                                        : unauthenticated.commence(exchange, null)))
                        // the app sends the cookie's value as it is (X-XSRF-TOKEN); the token never appears in a page
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(writesWithoutBearerToken()))
                .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF);
        return http.build();
    }

    /**
     * Remembers the page a browser asked for (GET, not the API) so that it lands there after signing in. An API call
     * never matches a saved page, so it is not looked up in a session (which would create one for every API client).
     */
    @Bean
    ServerRequestCache requestCache() {
        WebSessionServerRequestCache cache = new WebSessionServerRequestCache() {
            @Override
            public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
                return isApi(exchange) ? Mono.empty() : super.removeMatchingRequest(exchange);
            }
        };
        cache.setSaveRequestMatcher(exchange -> exchange.getRequest().getMethod() == HttpMethod.GET && !isApi(exchange)
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch());
        return cache;
    }

    /**
     * The client registration from the properties, plus Keycloak's end-session endpoint (the gateway does not read
     * Keycloak's discovery document, so that it starts without Keycloak), which RP-initiated logout needs.
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties,
                                                             @Value("${platform.security.issuer-uri}") String issuer) {
        List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().values().stream()
                .map(registration -> ClientRegistration.withClientRegistration(registration)
                        .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
                        .build())
                .toList();
        return new InMemoryReactiveClientRegistrationRepository(registrations);
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${platform.security.issuer-uri}") String issuer,
                                  @Value("${platform.security.jwk-set-uri:}") String jwkSetUri,
                                  @Value("${platform.security.audience}") String audience,
                                  @Value("${platform.security.clock-skew}") Duration clockSkew,
                                  @Value("${platform.security.clients}") List<String> clients,
                                  WebClient keycloakWebClient) {
        String keys = jwkSetUri.isBlank() ? issuer + "/protocol/openid-connect/certs" : jwkSetUri;
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256).webClient(keycloakWebClient).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<java.time.Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
                // only the clients the platform names: another client of the realm with the audience is refused
                new JwtClaimValidator<String>("azp", clients::contains))));
        return decoder;
    }

    /** The request firewall's refusals (an encoded NUL or slash in a path...) are problems like every other refusal. */
    @Bean
    ServerExchangeRejectedHandler firewallRefusal(GatewayProblems problems) {
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "badRequest");
    }

    public static boolean isApi(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.equals("/api") || path.startsWith("/api/");
    }

    /**
     * Subscribing to the deferred token makes the repository write the XSRF-TOKEN cookie on the very first response
     * (also the redirect to sign-in), so the app can send it with its first write. An API client (bearer token) needs
     * none.
     */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = bearer(exchange) ? null : exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }

    /** CSRF is checked on every write except those carrying {@code Authorization: Bearer …} (API clients). */
    private static ServerWebExchangeMatcher writesWithoutBearerToken() {
        return exchange -> !SAFE_METHODS.contains(exchange.getRequest().getMethod()) && !bearer(exchange)
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    private static boolean bearer(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /**
     * A browser's sign-in lives in its session; a call with a bearer token is stateless: its context is neither read
     * from nor written to a session, so no session is created for it. Creating one (the in-memory store) moves the
     * call to another thread and back, which was most of the gateway's latency for API clients (docs/benchmarks.md).
     */
    private static final class SessionUnlessBearer implements ServerSecurityContextRepository {

        private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

        @Override
        public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
            return bearer(exchange) ? Mono.empty() : sessions.save(exchange, context);
        }

        @Override
        public Mono<SecurityContext> load(ServerWebExchange exchange) {
            return bearer(exchange) ? Mono.empty() : sessions.load(exchange);
        }
    }
}

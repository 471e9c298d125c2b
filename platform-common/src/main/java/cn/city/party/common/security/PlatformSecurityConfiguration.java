package cn.city.party.common.security;

import cn.city.party.common.error.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Collection;
import java.util.List;

/**
 * Every service is a resource server: a request to {@code /api/**} needs an access token whose signature (RS256
 * from the realm's keys), issuer, audience and expiry all check out. Health, metrics and API docs stay open.
 * Endpoints state their roles with {@code @PreAuthorize}; department scope is enforced in the data layer
 * ({@link cn.city.party.common.tenancy.ScopedMongo}).
 */
@AutoConfiguration
@EnableMethodSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityConfiguration {

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        http.csrf(csrf -> csrf.disable()) // stateless bearer-token API: no cookies to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerTokenConverter()))
                        .authenticationEntryPoint((request, response, e) -> {
                            bearer.commence(request, response, e); // keeps the WWW-Authenticate header
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
                        }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden")));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithms(algs -> properties.algorithms().forEach(a -> algs.add(SignatureAlgorithm.from(a))))
                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(PlatformSecurityProperties properties) {
        JwtClaimValidator<Collection<String>> audience = new JwtClaimValidator<>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<java.time.Instant>(JwtClaimNames.EXP, java.util.Objects::nonNull),
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuerUri()),
                audience,
                // only the clients this service names: a token the realm issued to any other client is refused
                new JwtClaimValidator<String>(CallerTokenConverter.AZP, azp -> azp != null && properties.clients().contains(azp))));
    }
}

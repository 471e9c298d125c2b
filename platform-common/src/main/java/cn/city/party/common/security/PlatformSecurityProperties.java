package cn.city.party.common.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * How access tokens are verified. Defaults suit the local platform; the environment variables in
 * {@code platform-defaults.yml} ({@code KEYCLOAK_ISSUER_URI}, {@code KEYCLOAK_JWK_SET_URI}) override them.
 *
 * @param issuerUri         the only accepted {@code iss}
 * @param jwkSetUri         where the signing keys are fetched (defaults to the issuer's certs endpoint)
 * @param audience          an access token must name this audience in {@code aud}
 * @param algorithms        accepted signature algorithms; {@code none} and HMAC are never accepted
 * @param clockSkew         tolerance for {@code exp}/{@code nbf} between the services' and Keycloak's clocks
 * @param clients           the only clients ({@code azp}) whose tokens are accepted: the gateway in production
 *                          ({@code PLATFORM_SECURITY_CLIENTS}); the local runner and the tests add the command-line
 *                          clients of the local realm
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(String issuerUri, String jwkSetUri, String audience, List<String> algorithms,
                                         Duration clockSkew, List<String> clients) {

    public PlatformSecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalArgumentException("platform.security.issuer-uri must be set");
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri + "/protocol/openid-connect/certs";
        }
        if (audience == null || audience.isBlank()) {
            audience = "party-platform";
        }
        if (algorithms == null || algorithms.isEmpty()) {
            algorithms = List.of("RS256");
        }
        if (clockSkew == null) {
            clockSkew = Duration.ofSeconds(30);
        }
        if (clients == null || clients.isEmpty()) {
            clients = List.of("gateway");
        }
        if (clients.contains(Caller.SYSTEM_CLIENT)) {
            throw new IllegalArgumentException("platform.security.clients may not name " + Caller.SYSTEM_CLIENT);
        }
        clients = List.copyOf(clients);
    }
}

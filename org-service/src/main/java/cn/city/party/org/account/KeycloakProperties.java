package cn.city.party.org.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How org-service reaches Keycloak's admin API: as the confidential client {@code org-service} with its service
 * account (client credentials). {@code url} and {@code realm} default to those of the token issuer.
 *
 * @param url          Keycloak's base URL, e.g. {@code http://localhost:8180}; empty: taken from the issuer URI
 * @param realm        the realm; empty: taken from the issuer URI
 * @param clientId     the service-account client
 * @param clientSecret its secret ({@code ORG_KEYCLOAK_CLIENT_SECRET})
 * @param memberRole   the realm role every provisioned member gets
 */
@ConfigurationProperties("org.keycloak")
public record KeycloakProperties(String url, String realm, String clientId, String clientSecret, String memberRole) {
}

package cn.city.party.org.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How org-service reaches Keycloak's admin API: as the confidential client {@code org-service} with its service
 * account, authenticated by a JWT signed with its own private key ({@code private_key_jwt}); no shared secret exists.
 * {@code url} is the back channel (in-cluster) address; it and {@code realm} default to those of the token issuer.
 *
 * @param url       Keycloak's base URL as this service reaches it ({@code ORG_KEYCLOAK_URL}, else {@code KEYCLOAK_URL})
 * @param realm     the realm; empty: taken from the issuer URI
 * @param clientId  the service-account client
 * @param clientKey its RSA private key, PKCS#8 PEM ({@code ORG_KEYCLOAK_CLIENT_KEY}, from a Secret; the local
 *                  runner generates one); Keycloak holds only the public half
 */
@ConfigurationProperties("org.keycloak")
public record KeycloakProperties(String url, String realm, String clientId, String clientKey) {
}

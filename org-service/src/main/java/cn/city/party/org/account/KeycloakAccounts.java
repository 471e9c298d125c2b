package cn.city.party.org.account;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.security.PlatformSecurityProperties;
import cn.city.party.common.security.Role;
import cn.city.party.org.member.AccountDirectory;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates a member's Keycloak account through the admin API, as the {@code org-service} service account: the user
 * (with its department attribute and a temporary password it must change at first login), the {@code MEMBER} realm
 * role, and the membership of the department's Keycloak Organization (matched by its {@code department}
 * attribute). When a later step fails the user is deleted again, so no half-provisioned account remains.
 * <p>
 * The service account can grant any realm role, so the role granted here is fixed in code ({@link Role#MEMBER}),
 * not configuration. The client authenticates with a JWT signed by its private key (RFC 7523, Keycloak's
 * {@code client-jwt}): a short-lived, single-use assertion for the issuer as audience, sent over the back channel.
 */
@Component
public class KeycloakAccounts implements AccountDirectory {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);

    private final KeycloakProperties properties;
    private final String base;
    private final String realm;
    private final String issuer;
    private final JsonMapper json;
    private final RSAKey clientKey;

    public KeycloakAccounts(KeycloakProperties properties, PlatformSecurityProperties security, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.issuer = security.issuerUri();
        this.clientKey = blank(properties.clientKey()) ? null : clientKey(properties.clientKey());
        int realms = issuer.indexOf("/realms/");
        if (realms < 0 && (blank(properties.url()) || blank(properties.realm()))) {
            throw new IllegalStateException("set org.keycloak.url and org.keycloak.realm: the issuer " + issuer
                    + " does not name them");
        }
        this.base = blank(properties.url()) ? issuer.substring(0, realms) : properties.url();
        this.realm = blank(properties.realm()) ? issuer.substring(realms + "/realms/".length()) : properties.realm();
    }

    /** A new account: who it is, for the department's organization. */
    public record NewAccount(String username, String email, String firstName, String lastName, String department,
                             String temporaryPassword) {
    }

    /** Creates the account and returns its Keycloak id (the token {@code sub}). */
    public String provision(NewAccount account) {
        String token = token();
        String userId = createUser(token, account);
        try {
            grantMemberRole(token, userId);
            joinOrganization(token, userId, account.department());
            return userId;
        } catch (RuntimeException e) {
            send(token, "DELETE", admin("/users/" + userId), null);
            throw e;
        }
    }

    @Override
    public Optional<String> departmentOf(String subject) {
        HttpResponse<String> user = send(token(), "GET", admin("/users/" + enc(subject)), null);
        if (user.statusCode() == 404) {
            return Optional.empty();
        }
        expect(user, 200, "findUser");
        JsonNode department = json.readTree(user.body()).path("attributes").path("department").path(0);
        return department.isString() ? Optional.of(department.asString()) : Optional.empty();
    }

    private String createUser(String token, NewAccount a) {
        Map<String, Object> user = Map.of("username", a.username(), "email", a.email(), "firstName", a.firstName(),
                "lastName", a.lastName(), "enabled", true, "emailVerified", false,
                "attributes", Map.of("department", List.of(a.department())),
                "requiredActions", List.of("UPDATE_PASSWORD"),
                "credentials", List.of(Map.of("type", "password", "value", a.temporaryPassword(), "temporary", true)));
        HttpResponse<String> created = send(token, "POST", admin("/users"), user);
        if (created.statusCode() == 409) {
            throw new DomainProblem(HttpStatus.CONFLICT, "account.exists", new Object[]{a.username()}, List.of());
        }
        expect(created, 201, "createUser");
        String location = created.headers().firstValue("Location").orElseThrow(() -> failed("createUser", created));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void grantMemberRole(String token, String userId) {
        String mappings = admin("/users/" + userId + "/role-mappings/realm");
        HttpResponse<String> available = send(token, "GET", mappings + "/available", null);
        expect(available, 200, "availableRoles");
        JsonNode role = json.readTree(available.body()).valueStream()
                .filter(r -> Role.MEMBER.name().equals(r.path("name").asString())).findFirst()
                .orElseThrow(() -> failed("availableRoles", available));
        expect(send(token, "POST", mappings, List.of(json.treeToValue(role, Map.class))), 204, "grantRole");
    }

    private void joinOrganization(String token, String userId, String department) {
        HttpResponse<String> found = send(token, "GET", admin("/organizations?q="
                + URLEncoder.encode("department:" + department, StandardCharsets.UTF_8)), null);
        expect(found, 200, "findOrganization");
        String organization = json.readTree(found.body()).valueStream().map(o -> o.path("id").asString()).findFirst()
                .orElseThrow(() -> failed("findOrganization", found));
        expect(send(token, "POST", admin("/organizations/" + organization + "/members"), userId), 201, "joinOrganization");
    }

    private String token() {
        if (clientKey == null) {
            log.error("org.keycloak.client-key (ORG_KEYCLOAK_CLIENT_KEY) is not set: accounts cannot be provisioned");
            throw unavailable();
        }
        String form = "grant_type=client_credentials&client_id=" + enc(properties.clientId())
                + "&client_assertion_type=" + enc(ASSERTION_TYPE) + "&client_assertion=" + enc(clientAssertion());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = call(request);
        expect(response, 200, "token");
        return json.readTree(response.body()).path("access_token").asString();
    }

    /** RFC 7523 §3: issuer and subject the client, audience the realm's issuer, a unique id against replay. */
    private String clientAssertion() {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(properties.clientId()).subject(properties.clientId())
                .audience(issuer).jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(clientKey.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(clientKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing the client assertion", e);
        }
        return jwt.serialize();
    }

    /** The PKCS#8 PEM private key, with the RFC 7638 thumbprint as key id (the id Keycloak's JWKS names it by). */
    private static RSAKey clientKey(String pem) {
        try {
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(key).build();
            return new RSAKey.Builder(jwk).keyID(jwk.computeThumbprint().toString()).build();
        } catch (GeneralSecurityException | IllegalArgumentException | JOSEException e) {
            throw new IllegalStateException("org.keycloak.client-key is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    private String admin(String path) {
        return base + "/admin/realms/" + realm + path;
    }

    private HttpResponse<String> send(String token, String method, String url, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return call(request.build());
    }

    private static HttpResponse<String> call(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static void expect(HttpResponse<String> response, int status, String step) {
        if (response.statusCode() != status) {
            throw failed(step, response);
        }
    }

    /** The step and Keycloak's status go into the problem (never the password or the token). */
    private static DomainProblem failed(String step, HttpResponse<String> response) {
        return new DomainProblem(HttpStatus.BAD_GATEWAY, "account.keycloakRefused",
                new Object[]{step, response.statusCode()}, List.of());
    }

    private static DomainProblem unavailable() {
        return new DomainProblem(HttpStatus.SERVICE_UNAVAILABLE, "account.keycloakUnavailable", new Object[0], List.of());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

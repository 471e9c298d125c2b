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
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates a member's Keycloak account through the admin API, as the {@code org-service} service account: the user
 * (with its department attribute and a temporary password it must change at first login), the {@code MEMBER} realm
 * role, and the membership of the department's Keycloak Organization (matched by its {@code department}
 * attribute). When a later step fails the user is deleted again, so no half-provisioned account remains.
 * Also grants and withdraws the roles that follow posts and the work committee's decisions, and keeps the
 * {@code branches} attribute (the token's {@code branches} claim) of secretaries.
 * <p>
 * The service account can grant any realm role, so the roles granted here are fixed in code ({@link #GRANTABLE}),
 * not configuration. The client authenticates with a JWT signed by its private key (RFC 7523, Keycloak's
 * {@code client-jwt}): a short-lived, single-use assertion for the issuer as audience, sent over the back channel.
 */
@Component
public class KeycloakAccounts implements AccountDirectory {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);
    /** The roles this service ever maps; never {@code WORK_COMMITTEE_ADMIN}. */
    static final Set<Role> GRANTABLE = EnumSet.of(Role.MEMBER, Role.BRANCH_SECRETARY, Role.DEPT_ADMIN, Role.INSPECTOR);
    static final String BRANCHES = "branches";
    static final String JURISDICTION = "jurisdiction";
    private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";

    private final KeycloakProperties properties;
    private final String base;
    private final String realm;
    private final String issuer;
    private final JsonMapper json;
    private final RSAKey clientKey;
    private String token;
    private Instant tokenExpires = Instant.MIN;

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

    /** An existing account: its id, department and whether it still waits for its first password change. */
    public record Account(String id, String username, String department, boolean neverSignedIn) {
    }

    /** 503 now when Keycloak cannot be reached (or this service has no key), before anything is changed. */
    public void requireReachable() {
        expect(send(token(), "GET", admin("/roles/" + Role.MEMBER.name()), null), 200, "findRole");
    }

    /** Creates the account and returns its Keycloak id (the token {@code sub}). */
    public String provision(NewAccount account) {
        String token = token();
        String userId = createUser(token, account);
        try {
            grant(token, userId, Role.MEMBER);
            joinOrganization(token, userId, account.department());
            return userId;
        } catch (RuntimeException e) {
            send(token, "DELETE", admin("/users/" + userId), null);
            throw e;
        }
    }

    public Optional<Account> find(String username) {
        HttpResponse<String> found = send(token(), "GET", admin("/users?exact=true&username=" + enc(username)), null);
        expect(found, 200, "findUser");
        return json.readTree(found.body()).valueStream().filter(u -> username.equalsIgnoreCase(u.path("username").asString()))
                .findFirst().map(u -> new Account(u.path("id").asString(), u.path("username").asString(),
                        u.path("attributes").path("department").path(0).asString(null),
                        u.path("requiredActions").valueStream().anyMatch(a -> UPDATE_PASSWORD.equals(a.asString()))));
    }

    /**
     * An account left by an earlier, interrupted run: a new temporary password (still to be changed at first login),
     * and the member role and the department's organization it may lack.
     */
    public void reissue(String userId, String department, String temporaryPassword) {
        String token = token();
        expect(send(token, "PUT", admin("/users/" + userId + "/reset-password"),
                Map.of("type", "password", "value", temporaryPassword, "temporary", true)), 204, "resetPassword");
        grant(token, userId, Role.MEMBER);
        joinOrganization(token, userId, department);
    }

    /** The accounts whose {@code branches} attribute names {@code branchId}. */
    public Set<String> serving(String branchId) {
        HttpResponse<String> found = send(token(), "GET", admin("/users?max=1000&briefRepresentation=false&q="
                + enc(BRANCHES + ":" + branchId)), null);
        expect(found, 200, "findSecretaries");
        Set<String> ids = new java.util.LinkedHashSet<>();
        json.readTree(found.body()).valueStream()
                .filter(u -> u.path("attributes").path(BRANCHES).valueStream().anyMatch(b -> branchId.equals(b.asString())))
                .forEach(u -> ids.add(u.path("id").asString()));
        return ids;
    }

    /**
     * Adds {@code branchId} to (or takes it from) the account's {@code branches}; the {@code BRANCH_SECRETARY} role
     * follows: held while it serves any branch. Idempotent.
     */
    public void serve(String userId, String branchId, boolean serves) {
        String token = token();
        Set<String> branches = new java.util.LinkedHashSet<>();
        updateAttributes(token, userId, attributes -> {
            @SuppressWarnings("unchecked")
            List<String> held = (List<String>) attributes.getOrDefault(BRANCHES, List.of());
            branches.addAll(held);
            if (serves ? branches.add(branchId) : branches.remove(branchId)) {
                attributes.put(BRANCHES, List.copyOf(branches));
                return true;
            }
            return false;
        });
        if (branches.isEmpty()) {
            withdraw(token, userId, Role.BRANCH_SECRETARY);
        } else {
            grant(token, userId, Role.BRANCH_SECRETARY);
        }
    }

    /** Maps {@code role} (one of {@link #GRANTABLE}); for an inspector also its jurisdiction ({@code department}/{@code city}). */
    public void grant(String userId, Role role, String jurisdiction) {
        String token = token();
        if (jurisdiction != null) {
            updateAttributes(token, userId, attributes -> !List.of(jurisdiction).equals(attributes.put(JURISDICTION, List.of(jurisdiction))));
        }
        grant(token, userId, role);
    }

    public void withdraw(String userId, Role role) {
        withdraw(token(), userId, role);
    }

    /** The platform roles the account holds directly. */
    public Set<Role> roles(String userId) {
        HttpResponse<String> mapped = send(token(), "GET", admin("/users/" + userId + "/role-mappings/realm"), null);
        expect(mapped, 200, "roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        json.readTree(mapped.body()).valueStream().map(r -> r.path("name").asString())
                .filter(n -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(n))).map(Role::valueOf).forEach(roles::add);
        return roles;
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

    private Optional<String> organizationOf(String token, String department) {
        HttpResponse<String> found = send(token, "GET", admin("/organizations?briefRepresentation=false&q="
                + URLEncoder.encode("department:" + department, StandardCharsets.UTF_8)), null);
        expect(found, 200, "findOrganization");
        return json.readTree(found.body()).valueStream()
                .filter(o -> o.path("attributes").path("department").valueStream().anyMatch(d -> department.equals(d.asString())))
                .map(o -> o.path("id").asString()).findFirst();
    }

    /**
     * Changes the user's attributes with {@code change} (true: something changed). The update names only the profile
     * and the attributes, never {@code requiredActions} or credentials, which Keycloak then leaves as they are: a
     * stale copy must not give back the password change the user has just made at its first login.
     */
    private void updateAttributes(String token, String userId, java.util.function.Predicate<Map<String, Object>> change) {
        HttpResponse<String> found = send(token, "GET", admin("/users/" + enc(userId)), null);
        expect(found, 200, "findUser");
        @SuppressWarnings("unchecked")
        Map<String, Object> user = json.readValue(found.body(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new java.util.LinkedHashMap<>((Map<String, Object>) user.getOrDefault("attributes", Map.of()));
        if (change.test(attributes)) {
            Map<String, Object> update = new java.util.LinkedHashMap<>();
            for (String field : List.of("username", "email", "firstName", "lastName", "enabled", "emailVerified")) {
                if (user.get(field) != null) {
                    update.put(field, user.get(field));
                }
            }
            update.put("attributes", attributes);
            expect(send(token, "PUT", admin("/users/" + userId), update), 204, "updateUser");
        }
    }

    /** Idempotent: a role already mapped is mapped again without change. */
    private void grant(String token, String userId, Role role) {
        requireGrantable(role);
        String mappings = admin("/users/" + userId + "/role-mappings/realm");
        expect(send(token, "POST", mappings, List.of(realmRole(token, role))), 204, "grantRole");
    }

    private void withdraw(String token, String userId, Role role) {
        requireGrantable(role);
        String mappings = admin("/users/" + userId + "/role-mappings/realm");
        expect(send(token, "DELETE", mappings, List.of(realmRole(token, role))), 204, "withdrawRole");
    }

    private static void requireGrantable(Role role) {
        if (!GRANTABLE.contains(role)) {
            throw new IllegalArgumentException(role + " is never granted by this service");
        }
    }

    private Map<?, ?> realmRole(String token, Role role) {
        HttpResponse<String> found = send(token, "GET", admin("/roles/" + role.name()), null);
        expect(found, 200, "findRole");
        return json.readValue(found.body(), Map.class);
    }

    /** Joins the department's organization; already a member is fine (a retried run). */
    private void joinOrganization(String token, String userId, String department) {
        String organization = organizationOf(token, department).orElseGet(() -> {
            // a department registered after the realm import: its Organization comes with its first account
            HttpResponse<String> created = send(token, "POST", admin("/organizations"), Map.of("name", department,
                    "alias", department, "enabled", true, "description", "部门 " + department,
                    "attributes", Map.of("department", List.of(department))));
            if (created.statusCode() != 409) {
                expect(created, 201, "createOrganization");
            }
            return organizationOf(token, department).orElseThrow(() -> failed("findOrganization", created));
        });
        HttpResponse<String> joined = send(token, "POST", admin("/organizations/" + organization + "/members"), userId);
        if (joined.statusCode() != 409) {
            expect(joined, 201, "joinOrganization");
        }
    }

    /** The service account's token, reused until shortly before it expires (a bulk run makes many calls). */
    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
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
        JsonNode answer = json.readTree(response.body());
        token = answer.path("access_token").asString();
        tokenExpires = Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong() - 30));
        return token;
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
        HttpResponse<String> response = call(request.build());
        if (response.statusCode() == 401) {
            forgetToken(); // e.g. Keycloak restarted: the next call asks for a new one
        }
        return response;
    }

    private synchronized void forgetToken() {
        token = null;
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

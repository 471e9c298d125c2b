package cn.city.party.infra.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production realm, imported alone (as Compose and Kubernetes do) into the real Keycloak: it imports with its
 * placeholders resolved, has no password-grant client, refuses weak passwords, and makes the privileged roles set up
 * and use a one-time password at login while a member signs in with its password.
 */
class ProductionRealmIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private static PlatformSettings settings;
    private static ManagedProcess keycloak;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        settings = PlatformSettings.forTests(root, Files.createTempDirectory("production-realm"), Map.of());
        keycloak = new KeycloakServer(settings).start(List.of(root.resolve(RealmFiles.PRODUCTION)));
        base = settings.effectiveKeycloakUrl();
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.stop(Duration.ofSeconds(15));
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return send(HTTP, request);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> form(String url, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private static String adminToken() throws Exception {
        HttpResponse<String> token = form(base + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin", null);
        return JSON.readTree(token.body()).path("access_token").asString();
    }

    /** Creates a user with the realm role through the admin API; the answer's status. */
    private static int createUser(String username, String password, String role) throws Exception {
        String admin = adminToken();
        String user = JSON.writeValueAsString(Map.of("username", username, "email", username + "@example.gov.cn",
                "firstName", "测", "lastName", "试", "enabled", true, "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/city/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)));
        if (created.statusCode() != 201) {
            return created.statusCode();
        }
        String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        JsonNode roleRep = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/city/roles/" + role))
                .header("Authorization", "Bearer " + admin).GET()).body());
        send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/city/users/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + JSON.writeValueAsString(roleRep) + "]")));
        return 201;
    }

    /**
     * Signs in through the gateway client's browser flow, as a fresh browser; the answer to the password form. The
     * login session's cookies are sent back by hand: they are {@code Secure}, which Java's cookie manager keeps from
     * plain-HTTP localhost.
     */
    private static HttpResponse<String> signIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String redirect = "http://localhost:" + settings.gatewayPort() + "/login/oauth2/code/keycloak";
        HttpResponse<String> login = send(browser, HttpRequest.newBuilder(URI.create(base + "/realms/city/protocol/openid-connect/auth"
                + "?client_id=gateway&response_type=code&scope=openid&redirect_uri=" + enc(redirect)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")).GET());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(login.body());
        assertThat(action.find()).as("a login form").isTrue();
        String cookies = String.join("; ", login.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).toList());
        return send(browser, HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password))));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void there_is_no_password_grant_and_no_demo_user() throws Exception {
        HttpResponse<String> cli = form(base + "/realms/city/protocol/openid-connect/token",
                "grant_type=password&client_id=party-cli&username=caizheng-admin&password=demo-pass", null);

        assertThat(cli.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(cli.body()).path("error").asString()).isEqualTo("invalid_client");
        HttpResponse<String> users = send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/city/users?briefRepresentation=true"))
                .header("Authorization", "Bearer " + adminToken()).GET());
        assertThat(JSON.readTree(users.body()).valueStream().map(u -> u.path("username").asString())).as("no demo user")
                .doesNotContain("work-committee", "city-inspector", "caizheng-admin", "caizheng-member", "jiaoyu-inspector");
    }

    @Test
    void a_weak_password_is_refused_by_the_policy() throws Exception {
        assertThat(createUser("weak-password-user", "demo-pass", "MEMBER")).isEqualTo(400);
    }

    @Test
    void a_department_admin_must_set_up_a_one_time_password_and_a_member_signs_in_with_its_password() throws Exception {
        assertThat(createUser("prod-dept-admin", "Strong-Passw0rd-1", "DEPT_ADMIN")).isEqualTo(201);
        assertThat(createUser("prod-member", "Strong-Passw0rd-2", "MEMBER")).isEqualTo(201);

        HttpResponse<String> admin = signIn("prod-dept-admin", "Strong-Passw0rd-1");
        HttpResponse<String> member = signIn("prod-member", "Strong-Passw0rd-2");

        String adminNext = admin.headers().firstValue("Location").orElse("");
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(adminNext).as("no code yet: sent to set up the one-time password")
                .startsWith(base + "/realms/city/login-actions/required-action").contains("execution=CONFIGURE_TOTP")
                .doesNotContain("code=");
        assertThat(member.statusCode()).isEqualTo(302);
        assertThat(member.headers().firstValue("Location").orElseThrow())
                .startsWith("http://localhost:" + settings.gatewayPort() + "/login/oauth2/code/keycloak?").contains("code=");
    }
}

package cn.city.party.e2e;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.HttpBrowser;
import cn.city.party.common.test.TestInfrastructure;
import cn.city.party.common.test.Tokens;
import cn.city.party.infra.local.LocalPlatform;
import cn.city.party.infra.local.PlatformService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Single sign-on and department isolation through the gateway, with real tokens from the real Keycloak, against
 * the whole platform running as separate processes. The slice is org-service's departments and organizations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewaySecurityE2EIT {

    protected LocalPlatform platform;
    private Api api;
    private String keycloak;

    protected TestInfrastructure.Kind infrastructure() {
        return TestInfrastructure.Kind.EMBEDDED;
    }

    @BeforeAll
    void startPlatform() {
        platform = RunningPlatform.get(infrastructure());
        keycloak = platform.settings().effectiveKeycloakUrl();
        Tokens tokens = new Tokens(keycloak);
        api = new Api(platform.settings().gatewayUrl(), tokens::of);
        Api committee = api.as("work-committee");
        for (var department : List.of(Map.of("code", "caizheng", "name", "市财政局", "staffHeadcount", 200),
                Map.of("code", "jiaoyu", "name", "市教育局", "staffHeadcount", 150))) {
            int status = committee.post("/api/org/departments", department).status();
            assertThat(status).as("registering %s", department).isIn(201, 409);
        }
    }

    @Test
    @Order(1)
    void the_right_user_with_a_real_token_gets_200_through_the_gateway() {
        Api.Response response = api.as("caizheng-admin").get("/api/org/departments/caizheng");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("name").asString()).isEqualTo("市财政局");
    }

    @Test
    @Order(2)
    void no_token_is_a_401_problem_on_the_api_whatever_it_accepts_and_a_page_is_sent_to_sign_in() throws Exception {
        Api.Response response = api.anonymous().get("/api/org/departments");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("type").asString()).isEqualTo("urn:party-platform:problem:unauthenticated");

        HttpResponse<String> browserOnApi = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(platform.settings().gatewayUrl() + "/api/org/departments"))
                        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(browserOnApi.statusCode()).isEqualTo(401);
        assertThat(browserOnApi.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(platform.settings().gatewayUrl() + "/member/home"))
                        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/oauth2/authorization/keycloak"));
    }

    @Test
    @Order(2)
    void a_browser_signs_in_through_keycloak_and_the_gateway_relays_its_token() {
        HttpBrowser browser = new HttpBrowser();
        String gateway = platform.settings().gatewayUrl();

        HttpResponse<String> loginPage = browser.open(gateway + "/sign-in?next=/member/home");
        assertThat(loginPage.uri().toString()).as("sent to Keycloak's login page").startsWith(keycloak + "/realms/city/");
        HttpResponse<String> signedIn = browser.signIn(loginPage, "caizheng-admin");

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.uri().toString()).as("back at the page first asked for").isEqualTo(gateway + "/member/home");
        HttpResponse<String> department = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/api/org/departments/caizheng")).GET().build());
        assertThat(Api.JSON.readTree(department.body()).path("name").asString()).isEqualTo("市财政局");

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/api/org/organizations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"department\":\"caizheng\",\"type\":\"BRANCH\",\"name\":\"跨站伪造\"}"))
                .build());
        assertThat(forged.statusCode()).as("a cookie-authenticated write without the CSRF token").isEqualTo(403);
    }

    @Test
    @Order(3)
    void an_expired_token_is_refused() {
        String shortLived = Tokens.request(keycloak, "party-cli-short-lived", "caizheng-admin").get("access_token").asString();
        assertThat(api.withToken(shortLived).get("/api/org/departments/caizheng").status())
                .as("valid while fresh").isEqualTo(200);

        await().atMost(Duration.ofSeconds(2 + 1 + 2)) // lifespan + clock skew + margin
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(api.withToken(shortLived).get("/api/org/departments/caizheng").status())
                        .isEqualTo(401));
    }

    @Test
    @Order(4)
    void a_token_with_a_tampered_payload_or_signature_is_refused() {
        String token = new Tokens(keycloak).of("caizheng-admin");
        String[] parts = token.split("\\.");

        String otherDepartment = payloadWith(parts[1], "\"department\":\"caizheng\"", "\"department\":\"jiaoyu\"");
        assertThat(api.withToken(parts[0] + "." + otherDepartment + "." + parts[2]).get("/api/org/departments/jiaoyu").status())
                .isEqualTo(401);

        char last = parts[2].charAt(10);
        String badSignature = parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);
        assertThat(api.withToken(parts[0] + "." + parts[1] + "." + badSignature).get("/api/org/departments/caizheng").status())
                .isEqualTo(401);
    }

    @Test
    @Order(5)
    void an_unsigned_alg_none_token_is_refused() {
        String token = new Tokens(keycloak).of("work-committee");
        String payload = token.split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(api.withToken(header + "." + payload + ".").get("/api/org/departments").status()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void a_token_of_another_issuer_is_refused_even_when_signed_by_the_same_keys() {
        // Keycloak names the issuer after the host it was asked through: 127.0.0.1 instead of localhost
        String foreignIssuer = keycloak.replace("localhost", "127.0.0.1");
        JsonNode response = Tokens.request(foreignIssuer, "party-cli", "caizheng-admin");
        String token = response.get("access_token").asString();
        assertThat(claims(token).path("iss").asString()).startsWith("http://127.0.0.1:");

        assertThat(api.withToken(token).get("/api/org/departments/caizheng").status()).isEqualTo(401);
    }

    @Test
    @Order(7)
    void a_token_for_another_audience_is_refused() {
        String token = Tokens.request(keycloak, "other-app", "caizheng-admin").get("access_token").asString();
        assertThat(claims(token).path("aud").toString()).doesNotContain("party-platform");

        assertThat(api.withToken(token).get("/api/org/departments/caizheng").status()).isEqualTo(401);
    }

    @Test
    @Order(8)
    void a_role_that_may_not_do_it_gets_403() {
        Api.Response response = api.as("caizheng-member").post("/api/org/departments",
                Map.of("code", "waiban", "name", "市外办", "staffHeadcount", 30));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("type").asString()).isEqualTo("urn:party-platform:problem:forbidden");
        assertThat(api.as("caizheng-admin").post("/api/org/organizations",
                Map.of("department", "caizheng", "type", "BRANCH", "name", "第三党支部")).status())
                .as("a department admin may create organizations").isEqualTo(201);
        assertThat(api.as("caizheng-member").post("/api/org/organizations",
                Map.of("department", "caizheng", "type", "BRANCH", "name", "党员不能成立组织")).status()).isEqualTo(403);
    }

    @Test
    @Order(8)
    void a_role_that_may_not_call_an_endpoint_gets_403_before_its_parameters_are_checked() {
        Api member = api.as("caizheng-member");
        for (String path : List.of("/api/discipline/audit/entries", "/api/compliance/city", "/api/org/dues/report")) {
            Api.Response refused = member.get(path);
            assertThat(refused.status()).as(path + " " + refused).isEqualTo(403);
            assertThat(refused.json().path("errors").size()).as("no parameter named").isZero();
        }
        Api.Response otherDepartment = api.as("jiaoyu-admin").get("/api/org/dues/report?department=caizheng&month=2026-01");
        assertThat(otherDepartment.status()).as("never a report of zeros under another department's name").isEqualTo(403);
    }

    @Test
    @Order(9)
    void department_a_can_neither_list_read_change_nor_delete_department_b_data() {
        Api caizheng = api.as("caizheng-admin");
        Api jiaoyu = api.as("jiaoyu-admin");
        String name = "财政局第" + UUID.randomUUID().toString().substring(0, 4) + "党支部";
        Api.Response created = caizheng.post("/api/org/organizations", Map.of("department", "caizheng", "type", "BRANCH", "name", name));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();

        assertThat(jiaoyu.get("/api/org/organizations").json().valueStream().map(o -> o.path("id").asString()))
                .doesNotContain(id);
        assertThat(jiaoyu.get("/api/org/organizations?department=caizheng").json().valueStream().toList()).isEmpty();
        assertThat(jiaoyu.get("/api/org/organizations/" + id).status()).isEqualTo(404);
        assertThat(jiaoyu.put("/api/org/organizations/" + id + "/name", Map.of("name", "被改名")).status()).isEqualTo(404);
        assertThat(jiaoyu.delete("/api/org/organizations/" + id).status()).isEqualTo(404);
        assertThat(jiaoyu.post("/api/org/organizations", Map.of("department", "caizheng", "type", "BRANCH", "name", "越权")).status())
                .isIn(403, 404);
        assertThat(jiaoyu.get("/api/org/departments/caizheng").status()).isEqualTo(404);

        Api.Response unchanged = caizheng.get("/api/org/organizations/" + id);
        assertThat(unchanged.json().path("name").asString()).isEqualTo(name);
        assertThat(unchanged.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.as("work-committee").get("/api/org/organizations/" + id).status())
                .as("the work committee reads every department").isEqualTo(200);
    }

    @Test
    @Order(10)
    void problems_come_in_the_callers_language() {
        Api.Response chinese = api.as("work-committee").post("/api/org/departments", Map.of("code", "x", "name", ""));
        Api.Response english = api.as("work-committee").inLanguage("en").post("/api/org/departments", Map.of("code", "x", "name", ""));

        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.json().path("title").asString()).isEqualTo("请求有误");
        assertThat(english.json().path("title").asString()).isEqualTo("Bad request");
        assertThat(english.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .contains("code", "name", "staffHeadcount");
    }

    @Test
    @Order(11)
    void the_request_id_is_kept_and_reaches_the_service_log() throws Exception {
        String requestId = "e2e-" + UUID.randomUUID();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.settings().gatewayUrl() + "/api/org/organizations/no-such-id"))
                .header("Authorization", "Bearer " + new Tokens(keycloak).of("caizheng-admin"))
                .header("X-Request-Id", requestId).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Request-Id")).contains(requestId);
        var orgLog = platform.settings().logDir().resolve("org-service.log");
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(Files.readString(orgLog)).contains(requestId));
    }

    @Test
    @Order(12)
    void the_gateway_shows_every_services_api_docs() {
        for (String service : List.of("org-service", "activity-service", "study-service", "discipline-service")) {
            Api.Response docs = api.anonymous().get("/docs/" + service + "/v3/api-docs");
            assertThat(docs.status()).as(service).isEqualTo(200);
            assertThat(docs.json().path("openapi").asString()).as(service).startsWith("3.");
        }
        assertThat(api.anonymous().get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    @Order(13)
    void a_member_signing_in_on_phone_and_desktop_at_the_same_moment_gets_in_on_both() throws Exception {
        List<Thread> devices = new java.util.ArrayList<>();
        List<Object> answers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int device = 0; device < 4; device++) {
            Thread signIn = new Thread(() -> {
                try {
                    answers.add(Tokens.request(keycloak, Tokens.CLI_CLIENT, "caizheng-member").path("token_type").asString());
                } catch (IllegalStateException refused) {
                    answers.add(refused.getMessage());
                }
            });
            signIn.start();
            devices.add(signIn);
        }
        for (Thread device : devices) {
            device.join();
        }

        assertThat(answers).containsExactly("Bearer", "Bearer", "Bearer", "Bearer");
    }

    @Test
    @Order(99)
    void a_service_that_is_down_gives_503_problems_quickly_and_opens_only_its_own_breaker() throws InterruptedException {
        Api admin = api.as("caizheng-admin");
        List<String> others = List.of("/api/org/departments/caizheng", "/api/compliance/rules?year=2026", "/api/study/materials");
        others.forEach(path -> assertThat(admin.get(path).status()).as("before: " + path).isEqualTo(200));
        platform.stop("discipline-service");
        try {
            Api inspector = api.as("city-inspector");
            for (int i = 0; i < 40; i++) {
                Instant start = Instant.now();
                Api.Response response = inspector.get("/api/discipline/leads");

                assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.json().path("type").asString()).isEqualTo("urn:party-platform:problem:serviceUnavailable");
            }

            others.forEach(path -> assertThat(admin.get(path).status())
                    .as("with discipline-service's breaker open: " + path).isEqualTo(200));
        } finally {
            // the platform is shared by the other end-to-end tests in this JVM
            platform.restart(PlatformService.DISCIPLINE);
        }
        // the open breaker lets a trial call through after its wait (10 s) and closes when it succeeds
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(api.as("city-inspector").get("/api/discipline/leads").status())
                        .as("discipline-service answers again after its restart").isEqualTo(200));
    }

    private static String payloadWith(String payload, String from, String to) {
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        assertThat(json).contains(from);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode claims(String token) {
        return Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}

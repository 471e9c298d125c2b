package cn.city.party.gateway;

import cn.city.party.common.test.HttpBrowser;
import cn.city.party.common.test.Tokens;
import cn.city.party.infra.local.RealmFiles;
import cn.city.party.infra.local.KeycloakServer;
import cn.city.party.infra.local.ManagedProcess;
import cn.city.party.infra.local.PlatformSettings;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway with the real Keycloak: a browser's sign-in, session, CSRF and sign-out (through Keycloak's real
 * pages), and API clients with real tokens through the routes to a small upstream HTTP server that stands in for
 * the services (it records what reached it). activity-service has a second instance (a second upstream), and
 * discipline-service's route points at a port nothing listens on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class GatewayRoutesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What the upstream received, by path. */
    private static final Map<String, com.sun.net.httpserver.Headers> RECEIVED = new ConcurrentHashMap<>();
    private static PlatformSettings keycloakSettings;
    private static ManagedProcess keycloak;
    private static HttpServer upstream;
    private static HttpServer secondActivityInstance;
    /** study-service's second instance, killed by one test. */
    private static HttpServer secondStudyInstance;
    /** org-service's only instance, too busy to answer its readiness check within the gateway's second. */
    private static HttpServer busyOrgInstance;
    /** Calls each upstream answered, by its port. */
    private static final Map<Integer, java.util.concurrent.atomic.AtomicInteger> SERVED = new ConcurrentHashMap<>();

    @Autowired
    private WebTestClient web;

    @Autowired
    private LoadBalancerClientFactory balancers;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) throws IOException {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        keycloakSettings = PlatformSettings.forTests(root, Files.createTempDirectory("gateway-it-keycloak"), Map.of());
        keycloak = new KeycloakServer(keycloakSettings).start(RealmFiles.local(root));
        upstream = upstream(Duration.ZERO);
        secondActivityInstance = upstream(Duration.ZERO);
        secondStudyInstance = upstream(Duration.ZERO);
        busyOrgInstance = upstream(Duration.ofMillis(1500));
        String service = "http://127.0.0.1:" + upstream.getAddress().getPort();
        registry.add("KEYCLOAK_ISSUER_URI", keycloakSettings::issuerUri);
        registry.add("PLATFORM_SECURITY_CLIENTS", () -> RealmFiles.LOCAL_API_CLIENTS);
        registry.add(KeycloakServer.GATEWAY_SECRET, () -> KeycloakServer.gatewaySecret(keycloakSettings));
        registry.add("ORG_SERVICE_URL", () -> "http://127.0.0.1:" + busyOrgInstance.getAddress().getPort());
        registry.add("STUDY_SERVICE_URL", () -> service + ",http://127.0.0.1:" + secondStudyInstance.getAddress().getPort());
        registry.add("GATEWAY_INSTANCE_CHECK_INTERVAL", () -> "1s");
        registry.add("ACTIVITY_SERVICE_URL", () -> service + ",http://127.0.0.1:" + secondActivityInstance.getAddress().getPort());
        registry.add("DISCIPLINE_SERVICE_URL", () -> "http://127.0.0.1:9");
        registry.add("GATEWAY_TIMEOUT", () -> "2s");
        registry.add("GATEWAY_RATE_LIMIT_USER_CAPACITY", () -> "60");
        registry.add("GATEWAY_RATE_LIMIT_USER_PER_SECOND", () -> "0.01");
    }

    /**
     * Stands in for a service: answers every path with it, records what reached it and counts its calls; its readiness
     * after {@code readinessDelay}, as a service whose request threads are all busy.
     */
    private static HttpServer upstream(Duration readinessDelay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            // the gateway's health checks of its instances are not calls anybody made
            if (!path.startsWith("/actuator/health")) {
                RECEIVED.put(exchange.getRequestMethod() + " " + path, exchange.getRequestHeaders());
                SERVED.computeIfAbsent(server.getAddress().getPort(), p -> new java.util.concurrent.atomic.AtomicInteger())
                        .incrementAndGet();
            }
            if (path.equals("/actuator/health/readiness")) {
                sleep(readinessDelay);
            }
            if (path.endsWith("/export") || path.endsWith("/import") || path.endsWith("/slow")) {
                sleep(Duration.ofSeconds(3));
            }
            byte[] body = ("{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // a service answers with the request id it was given (platform-common's RequestIdFilter)
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Request-Id"))
                    .ifPresent(id -> exchange.getResponseHeaders().set("X-Request-Id", id));
            // like a service on the MongoDB substitute (which knows no 'hello'): the whole health DOWN, ready all the same
            exchange.sendResponseHeaders(path.equals("/actuator/health") ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        upstream.stop(0);
        secondActivityInstance.stop(0);
        secondStudyInstance.stop(0);
        busyOrgInstance.stop(0);
        keycloak.stop(Duration.ofSeconds(15));
    }

    private String gateway() {
        return "http://localhost:" + port;
    }

    private String token(String user) {
        return new Tokens(keycloakSettings.effectiveKeycloakUrl()).of(user);
    }

    @Test
    void a_token_of_a_client_the_platform_does_not_name_is_refused_before_any_service() {
        String token = Tokens.request(keycloakSettings.effectiveKeycloakUrl(), "unlisted-app", "caizheng-admin")
                .get("access_token").asString();
        RECEIVED.clear();

        web.get().uri("/api/org/departments/caizheng").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:party-platform:problem:unauthenticated");
        assertThat(RECEIVED).as("nothing reached a service").isEmpty();
    }

    @Test
    void a_bearer_call_reaches_the_service_with_its_token_and_without_the_browsers_cookies() {
        String token = token("caizheng-secretary");
        web.get().uri("/api/org/departments/caizheng").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.COOKIE, "SESSION=s3ss10n; XSRF-TOKEN=t0k3n")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                // stateless: no session and no CSRF cookie are made for an API client
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectHeader().valuesMatch("X-Request-Id", "[0-9a-f-]{36}")
                .expectBody().jsonPath("$.path").isEqualTo("/api/org/departments/caizheng");

        var received = RECEIVED.get("GET /api/org/departments/caizheng");
        assertThat(received.getFirst("Authorization")).isEqualTo("Bearer " + token);
        assertThat(received.containsKey("Cookie")).as("cookies stay at the gateway").isFalse();
    }

    @Test
    void api_session_for_an_api_client_tells_who_it_is_and_never_the_token() {
        String token = token("caizheng-secretary");
        byte[] body = web.get().uri("/api/session").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody().jsonPath("$.username").isEqualTo("caizheng-secretary")
                .jsonPath("$.name").isEqualTo("孙红梅")
                .jsonPath("$.department").isEqualTo("caizheng")
                .jsonPath("$.roles").isEqualTo(List.of("BRANCH_SECRETARY", "MEMBER"))
                .jsonPath("$.jurisdiction").isEqualTo("department")
                // the local realm's demo secretary carries her branch (city-realm-local.json)
                .jsonPath("$.branches").isEqualTo(List.of("caizheng-branch-1"))
                .jsonPath("$.expiresAt").isEqualTo(Instant.ofEpochSecond(claims(token).path("exp").asLong()).toString())
                .returnResult().getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain(token.substring(0, 30));
    }

    @Test
    void csrf_is_skipped_for_a_bearer_token_only() {
        web.post().uri("/api/study/progress").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("caizheng-member"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        assertThat(RECEIVED).containsKey("POST /api/study/progress");

        HttpBrowser browser = signedIn("caizheng-member", "/");
        HttpResponse<String> basic = browser.send(HttpRequest.newBuilder(URI.create(gateway() + "/api/study/plans"))
                .header("Authorization", "Basic Y2FpemhlbmctbWVtYmVyOmRlbW8tcGFzcw==").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(basic.statusCode()).as("a session's write with another Authorization scheme still needs the token").isEqualTo(403);
        assertThat(body(basic).path("type").asString()).isEqualTo("urn:party-platform:problem:csrf");
        assertThat(RECEIVED).doesNotContainKey("POST /api/study/plans");

        HttpResponse<String> withToken = browser.send(HttpRequest.newBuilder(URI.create(gateway() + "/api/study/plans"))
                .header("X-XSRF-TOKEN", browser.cookie(gateway(), "XSRF-TOKEN")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(RECEIVED.get("POST /api/study/plans").getFirst("Authorization")).as("the session's token relayed").startsWith("Bearer ey");
    }

    @Test
    void a_browser_signs_in_with_a_return_path_sees_its_session_and_signs_out_of_keycloak_too() {
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> loginPage = browser.open(gateway() + "/sign-in?next=/member/checkin/abc%3Fx%3D1");
        assertThat(loginPage.uri().toString()).startsWith(keycloakSettings.issuerUri() + "/protocol/openid-connect/auth");

        HttpResponse<String> landed = browser.signIn(loginPage, "caizheng-secretary");

        assertThat(landed.uri().toString()).isEqualTo(gateway() + "/member/checkin/abc?x=1");
        assertThat(landed.body()).as("the web app's index.html").contains("test index.html");
        assertThat(landed.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> session = browser.send(HttpRequest.newBuilder(URI.create(gateway() + "/api/session")).GET().build());
        JsonNode me = body(session);
        assertThat(me.path("username").asString()).isEqualTo("caizheng-secretary");
        assertThat(me.path("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("BRANCH_SECRETARY", "MEMBER");
        assertThat(Instant.parse(me.path("expiresAt").asString()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(session.body()).doesNotContain("access_token", "id_token", "eyJ");

        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(gateway() + "/logout"))
                .header("X-XSRF-TOKEN", browser.cookie(gateway(), "XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = logout.headers().firstValue("Location").orElseThrow();
        assertThat(endSession).startsWith(keycloakSettings.issuerUri() + "/protocol/openid-connect/logout?").contains("id_token_hint=");
        assertThat(URLDecoder.decode(endSession, StandardCharsets.UTF_8)).contains("post_logout_redirect_uri=" + gateway() + "/");

        HttpResponse<String> afterLogout = browser.open(endSession);
        assertThat(afterLogout.uri().toString()).as("Keycloak's session ended too: its sign-in page again")
                .startsWith(keycloakSettings.issuerUri() + "/protocol/openid-connect/auth");
        assertThat(afterLogout.body()).contains("kc-form-login");
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(gateway() + "/api/session")).GET().build()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void a_return_path_to_another_site_lands_on_the_home_page() {
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> landed = browser.signIn(browser.open(gateway() + "/sign-in?next=//evil.example/phish"), "caizheng-member");

        assertThat(landed.uri().toString()).isEqualTo(gateway() + "/");
    }

    @Test
    void a_failing_service_opens_only_its_own_breaker() {
        String token = token("city-inspector");
        for (int i = 0; i < 25; i++) {
            web.get().uri("/api/discipline/leads").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:party-platform:problem:serviceUnavailable");
        }

        for (String other : new String[]{"/api/org/departments", "/api/study/materials", "/api/activities", "/api/compliance/city"}) {
            web.get().uri(other).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectStatus().isOk();
        }
    }

    @Test
    void an_export_or_a_whole_departments_import_may_take_longer_than_the_time_limit_of_a_list() {
        String token = token("caizheng-admin");
        web.get().uri("/api/org/slow").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").isEqualTo("urn:party-platform:problem:serviceUnavailable");

        web.get().uri("/api/org/members/export").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/org/members/export");
        for (String imported : new String[]{"/api/org/members/import", "/api/org/organizations/import", "/api/org/dues/bases/import"}) {
            web.post().uri(imported).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[]{1})
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.path").isEqualTo(imported);
        }
    }

    @Test
    void a_user_past_its_burst_gets_429_while_other_users_go_on() {
        String token = token("jiaoyu-member");
        for (int i = 0; i < 60; i++) {
            web.get().uri("/api/study/materials").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectStatus().isOk();
        }

        web.get().uri("/api/study/materials").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("urn:party-platform:problem:tooManyRequests");
        web.get().uri("/api/study/materials").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("jiaoyu-secretary"))
                .exchange().expectStatus().isOk();
    }

    /**
     * The caller's W3C trace continues to the service in a span of the gateway's own (same trace, new parent), and the
     * call counts in the route's latency metric, which the operators' dashboards read (infra/observability).
     */
    @Test
    void the_callers_trace_continues_to_the_service_and_the_call_counts_for_its_route() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String token = token("caizheng-admin");
        double before = routeCalls("activity-service", "200");

        web.get().uri("/api/activities/traced").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isOk();

        String traceparent = RECEIVED.get("GET /api/activities/traced").getFirst("traceparent");
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(routeCalls("activity-service", "200")).isEqualTo(before + 1);
        assertThat(prometheus().lines().filter(l -> l.startsWith("spring_cloud_gateway_requests_seconds_bucket{")
                && l.contains("routeId=\"activity-service\"") && l.contains("le=\"+Inf\"")))
                .as("latency buckets per route, for the percentiles").isNotEmpty();
        assertThat(prometheus()).as("the route's breaker state").contains(
                "resilience4j_circuitbreaker_state{group=\"none\",name=\"activity-service\",state=\"closed\"} 1.0");
    }

    @Test
    void calls_to_a_service_with_two_instances_are_taken_in_turn() {
        String token = token("jiaoyu-admin");
        ServiceInstanceListSupplier inTurn = balancers.getInstance("activity-service", ServiceInstanceListSupplier.class);
        // judged over four calls made while both instances were in the turn throughout: on a loaded machine a health
        // check that takes longer than its interval drops an instance for one round, which is the check's business
        // (the next test), not the balancer's
        int[] servedEach = null;
        for (int attempt = 0; attempt < 10 && servedEach == null; attempt++) {
            List<Integer> listSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
            Disposable watch = inTurn.get().subscribe(list -> listSizes.add(list.size()));
            int first = served(upstream);
            int second = served(secondActivityInstance);
            for (int i = 0; i < 4; i++) {
                web.get().uri("/api/compliance/balanced").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange().expectStatus().isOk();
            }
            watch.dispose();
            if (!listSizes.isEmpty() && listSizes.stream().allMatch(size -> size == 2)) {
                servedEach = new int[] {served(upstream) - first, served(secondActivityInstance) - second};
            }
        }

        assertThat(servedEach).as("four calls with both instances in the turn").containsExactly(2, 2);
    }

    @Test
    void a_service_too_busy_to_answer_its_health_check_in_time_still_takes_calls() {
        String token = token("caizheng-admin");
        var checked = (HealthCheckedInstances.AnsweringOrAll) balancers.getInstance("org-service",
                ServiceInstanceListSupplier.class);
        // its only instance never answers the check within the second, so none is in the checked list
        Awaitility.await("org-service's check has run").atMost(Duration.ofSeconds(10))
                .until(() -> checked.getDelegate().get().blockFirst(Duration.ofSeconds(5)).isEmpty());
        int before = served(busyOrgInstance);

        for (int i = 0; i < 5; i++) {
            web.post().uri("/api/org/departments").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectStatus().isOk();
        }
        assertThat(served(busyOrgInstance) - before).isEqualTo(5);
    }

    @Test
    void a_killed_instance_leaves_the_turn_within_the_health_check_interval_and_gets_are_answered_meanwhile() {
        String token = token("jiaoyu-admin");
        Awaitility.await("both study-service instances take calls").atMost(Duration.ofSeconds(10))
                .until(() -> call("GET", token) == 200 && served(secondStudyInstance) > 0);

        secondStudyInstance.stop(0);
        Instant killed = Instant.now();

        // a GET sent to the dead instance is asked again of the live one (the route's retry)
        for (int i = 0; i < 6; i++) {
            assertThat(call("GET", token)).isEqualTo(200);
        }
        // the next health check (every second here) takes the dead instance out of the turn: from then on every write
        // reaches the live one
        Awaitility.await("the dead instance leaves the turn").atMost(Duration.ofSeconds(10))
                .until(() -> call("POST", token) == 200 && call("POST", token) == 200);
        Duration outage = Duration.between(killed, Instant.now());
        int live = served(upstream);
        for (int i = 0; i < 10; i++) {
            assertThat(call("POST", token)).isEqualTo(200);
        }
        assertThat(served(upstream) - live).isEqualTo(10);
        assertThat(outage).isLessThan(Duration.ofSeconds(5));
    }

    private int call(String method, String token) {
        return web.method(org.springframework.http.HttpMethod.valueOf(method)).uri("/api/study/instances")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().returnResult(String.class)
                .getStatus().value();
    }

    private static int served(HttpServer server) {
        var count = SERVED.get(server.getAddress().getPort());
        return count == null ? 0 : count.get();
    }

    /** spring_cloud_gateway_requests_seconds_count of a route and status, 0 before the first call. */
    private double routeCalls(String route, String status) {
        return prometheus().lines().filter(l -> l.startsWith("spring_cloud_gateway_requests_seconds_count{")
                        && l.contains("routeId=\"" + route + "\"") && l.contains("httpStatusCode=\"" + status + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private String prometheus() {
        return web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void a_deep_link_of_the_web_app_is_answered_with_index_html_for_a_signed_in_browser() {
        HttpBrowser browser = signedIn("caizheng-member", "/");

        HttpResponse<String> page = browser.open(gateway() + "/member/study/m-1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().toString()).isEqualTo(gateway() + "/member/study/m-1");
        assertThat(page.body()).contains("test index.html");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    }

    private HttpBrowser signedIn(String user, String next) {
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> landed = browser.signIn(browser.open(gateway() + "/sign-in?next=" + next), user);
        assertThat(landed.uri().toString()).startsWith(gateway());
        return browser;
    }

    private static JsonNode body(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

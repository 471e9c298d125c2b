package cn.city.party.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on its own, without Keycloak or services: what a caller that is not signed in gets. The flows with
 * real tokens are in {@link GatewayRoutesIT}, the browser's sign-in and sign-out in e2e-tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "KEYCLOAK_ISSUER_URI=http://localhost:1/realms/city", "GATEWAY_MAX_REQUEST_SIZE=1KB"})
@AutoConfigureWebTestClient
class GatewayApplicationTest {

    private static final String LONG_SEGMENT = "x".repeat(3000);

    /**
     * Stands in for a Keycloak that accepts connections and never answers: the operating system completes the
     * connection (the backlog), nothing ever reads or writes. The gateway's back channel to Keycloak points here.
     */
    private static final ServerSocket SILENT_KEYCLOAK = silentServer();

    @DynamicPropertySource
    static void silentKeycloak(DynamicPropertyRegistry registry) {
        registry.add("KEYCLOAK_BACKCHANNEL_ISSUER_URI", () -> "http://127.0.0.1:" + SILENT_KEYCLOAK.getLocalPort() + "/realms/city");
        registry.add("GATEWAY_KEYCLOAK_RESPONSE_TIMEOUT", () -> "1s");
    }

    @AfterAll
    static void closeSilentKeycloak() throws IOException {
        SILENT_KEYCLOAK.close();
    }

    @Autowired
    private WebTestClient web;

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Test
    void starts_and_reports_ready() {
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void an_api_call_without_a_session_or_token_is_a_401_problem_whatever_it_accepts() {
        for (String accept : new String[]{"application/json", "text/html", "text/html,application/xhtml+xml,*/*;q=0.8", "*/*"}) {
            web.get().uri("/api/org/departments").header(HttpHeaders.ACCEPT, accept).header("Accept-Language", "en")
                    .exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                    .expectBody().jsonPath("$.type").isEqualTo("urn:party-platform:problem:unauthenticated")
                    .jsonPath("$.title").isEqualTo("Not signed in or token invalid");
        }
        web.get().uri("/api/session").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.title").isEqualTo("未登录或令牌无效");
    }

    @Test
    void a_write_without_a_session_is_401_not_a_csrf_refusal() {
        web.post().uri("/api/org/organizations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:party-platform:problem:unauthenticated");
    }

    @Test
    void a_page_without_a_session_is_sent_to_sign_in_and_index_html_is_not_served() {
        for (String page : new String[]{"/", "/member/checkin/abc", "/index.html"}) {
            web.get().uri(page).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isFound()
                    .expectHeader().location(GatewaySecurity.AUTHORIZATION);
        }
    }

    @Test
    void sign_in_with_a_return_path_starts_the_keycloak_login() {
        web.get().uri("/sign-in?next=/member/checkin/abc").exchange()
                .expectStatus().isFound()
                .expectHeader().location(GatewaySecurity.AUTHORIZATION)
                .expectCookie().exists("SESSION");
        web.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().isFound()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                        .startsWith("http://localhost:1/realms/city/protocol/openid-connect/auth?")
                        .contains("client_id=gateway", "code_challenge_method=S256"));
    }

    /** The sign-in callback's code exchange gets no answer from Keycloak: the browser gets one after the timeout. */
    @Test
    void a_sign_in_callback_whose_keycloak_never_answers_ends_after_the_response_timeout() {
        var started = web.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().isFound().returnResult(Void.class);
        String session = started.getResponseCookies().getFirst("SESSION").getValue();
        String state = UriComponentsBuilder.fromUri(started.getResponseHeaders().getLocation()).build()
                .getQueryParams().getFirst("state");
        state = URLDecoder.decode(state, StandardCharsets.UTF_8);

        long start = System.nanoTime();
        web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/login/oauth2/code/keycloak?code=abc&state={state}", state).cookie("SESSION", session)
                .accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(500);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
    }

    @Test
    void hashed_assets_are_public_and_cached_for_a_year() {
        web.get().uri("/assets/app-3f9a1c.js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .expectBody(String.class).isEqualTo("console.log(\"app\");\n");
    }

    @Test
    void the_csrf_cookie_is_issued_on_the_first_page_load_readable_by_the_app() {
        web.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectCookie().exists("XSRF-TOKEN")
                .expectCookie().httpOnly("XSRF-TOKEN", false)
                .expectCookie().sameSite("XSRF-TOKEN", "Lax")
                .expectCookie().secure("XSRF-TOKEN", false);
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax() {
        web.get().uri("/member/home").accept(MediaType.TEXT_HTML).exchange()
                .expectCookie().httpOnly("SESSION", true)
                .expectCookie().sameSite("SESSION", "Lax")
                .expectCookie().secure("SESSION", false);
    }

    @Test
    void the_firewall_refuses_an_encoded_nul_or_slash_with_a_problem() {
        for (String path : new String[]{"/api/org/members/a%00b", "/api/org/members/a%2Fb", "/assets/a%2F..%2Fb.js"}) {
            web.get().uri(URI.create("http://localhost:" + port + path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:party-platform:problem:badRequest");
        }
    }

    @Test
    void no_problem_echoes_a_long_path_back() {
        byte[] unauthenticated = web.get().uri("/api/org/" + LONG_SEGMENT).exchange()
                .expectStatus().isUnauthorized().expectBody().returnResult().getResponseBody();
        byte[] notFound = web.get().uri("/assets/" + LONG_SEGMENT + ".js").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();

        for (byte[] body : new byte[][]{unauthenticated, notFound}) {
            assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("xxxxxxxxxx").hasSizeLessThan(600);
        }
        web.get().uri("/api/org/short").exchange().expectBody().jsonPath("$.instance").isEqualTo("/api/org/short");
    }

    @Test
    void a_body_above_the_limit_is_a_413_problem_before_anything_else() {
        web.post().uri("/api/org/members/import").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[1025]).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("urn:party-platform:problem:payloadTooLarge")
                .jsonPath("$.detail").isEqualTo("请求内容超过了 1024 字节的上限。");
        web.post().uri("/api/org/members/import").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[1024]).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void api_docs_and_metrics_are_public_outside_production() {
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).contains("swagger-ui"));
    }

    /** Traces are recorded, but without a collector's endpoint there is no exporter: nothing leaves the process. */
    @Test
    void without_an_otlp_endpoint_no_span_or_metric_is_sent_anywhere() {
        assertThat(context.getBean(Tracer.class).getClass().getSimpleName()).isEqualTo("OtelTracer");
        assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
        assertThat(context.getBeansOfType(MeterRegistry.class).values())
                .allMatch(r -> r instanceof PrometheusMeterRegistry || r instanceof CompositeMeterRegistry);
    }

    private static ServerSocket silentServer() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

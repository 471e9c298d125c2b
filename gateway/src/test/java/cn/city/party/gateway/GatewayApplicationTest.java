package cn.city.party.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/**
 * The gateway on its own, with every service down: it starts without Keycloak, answers API clients without a
 * token with a 401 problem, and an unreachable service with a 503 problem at once (the full behaviour with real
 * tokens is in e2e-tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "KEYCLOAK_ISSUER_URI=http://localhost:1/realms/city",
        "ORG_SERVICE_URL=http://localhost:" + GatewayApplicationTest.CLOSED_PORT,
        "GATEWAY_TIMEOUT=3s"})
@AutoConfigureWebTestClient
class GatewayApplicationTest {

    /** A port nothing listens on (the services are not started in this test). */
    static final int CLOSED_PORT = 9;

    @Autowired
    private WebTestClient web;

    @Test
    void starts_and_reports_ready() {
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void an_api_call_without_a_token_is_a_401_problem_in_the_callers_language() {
        web.get().uri("/api/org/departments").accept(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:party-platform:problem:unauthenticated")
                .jsonPath("$.title").isEqualTo("Not signed in or token invalid");
    }

    @Test
    void a_browser_without_a_session_is_sent_to_the_login() {
        web.get().uri("/api/org/departments").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/oauth2/authorization/keycloak");
    }

    @Test
    void the_fallback_is_a_503_problem_naming_the_service() {
        web.mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/fallback/org-service").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail).contains("org-service"));
    }
}

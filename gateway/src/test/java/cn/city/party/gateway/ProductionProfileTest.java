package cn.city.party.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The production profile: cookies only over TLS, no public API documents or metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "KEYCLOAK_ISSUER_URI=http://localhost:1/realms/city")
@AutoConfigureWebTestClient
@ActiveProfiles("production")
class ProductionProfileTest {

    @Autowired
    private WebTestClient web;

    @Test
    void swagger_api_docs_and_prometheus_need_a_signed_in_caller() {
        for (String path : new String[]{"/actuator/prometheus", "/swagger-ui.html", "/v3/api-docs", "/docs/org-service/v3/api-docs"}) {
            web.get().uri(path).exchange()
                    .expectStatus().isFound()
                    .expectHeader().location(GatewaySecurity.AUTHORIZATION);
        }
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void session_and_csrf_cookies_are_secure() {
        web.get().uri("/member/home").accept(MediaType.TEXT_HTML).exchange()
                .expectCookie().secure("SESSION", true)
                .expectCookie().httpOnly("SESSION", true)
                .expectCookie().sameSite("SESSION", "Lax")
                .expectCookie().secure("XSRF-TOKEN", true);
    }
}

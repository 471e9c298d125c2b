package cn.city.party.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The per-address bucket counts every {@code /api/**} call from an address, also the ones without a token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "KEYCLOAK_ISSUER_URI=http://localhost:1/realms/city",
        "GATEWAY_RATE_LIMIT_ADDRESS_CAPACITY=5", "GATEWAY_RATE_LIMIT_ADDRESS_PER_SECOND=0.01"})
@AutoConfigureWebTestClient
class AddressRateLimitTest {

    @Autowired
    private WebTestClient web;

    @Test
    void after_its_burst_an_address_gets_a_429_problem_with_retry_after_and_pages_still_answer() {
        for (int i = 0; i < 5; i++) {
            web.get().uri("/api/org/departments").exchange().expectStatus().isUnauthorized();
        }

        web.get().uri("/api/org/departments").header("Accept-Language", "en").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "100")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:party-platform:problem:tooManyRequests")
                .jsonPath("$.detail").isEqualTo("Too many requests; try again in 100 seconds.");
        web.get().uri("/assets/app-3f9a1c.js").exchange().expectStatus().isOk();
    }
}

package cn.city.party.org.security;

import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.common.test.Tokens;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A service accepts tokens only from the clients it names ({@code azp}), even with the platform's audience. */
@PlatformIntegrationTest
class TokenClientsIT extends OrgApiTest {

    @Test
    void a_token_of_a_client_the_service_does_not_name_is_refused_though_it_carries_the_platform_audience() {
        String unlisted = Tokens.request(keycloakUrl, "unlisted-app", "caizheng-admin").get("access_token").asString();
        String listed = Tokens.request(keycloakUrl, "party-cli", "caizheng-admin").get("access_token").asString();

        var refused = api().withToken(unlisted).get("/api/org/departments");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("code").asString()).isEqualTo("unauthenticated");
        assertThat(api().withToken(listed).get("/api/org/departments").status()).isEqualTo(200);
    }
}

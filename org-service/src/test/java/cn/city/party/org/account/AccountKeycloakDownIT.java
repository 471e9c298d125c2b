package cn.city.party.org.account;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak's admin API unreachable (nothing listens on its port): provisioning answers 503, elections still work. */
@PlatformIntegrationTest
@TestPropertySource(properties = "org.keycloak.url=http://127.0.0.1:9")
class AccountKeycloakDownIT extends OrgApiTest {

    @Test
    void bulk_provisioning_answers_503_and_changes_nothing() {
        String branch = newBranch("caizheng-admin", "caizheng");
        Map<String, Object> admission = new HashMap<>(admission(branch, "FULL", profile("庚七", LocalDate.of(1990, 5, 6), LocalDate.of(2016, 7, 1))));
        admission.put("contact", Map.of("email", "geng7@caizheng.demo.city.gov.cn"));
        String member = admit("caizheng-admin", admission);

        Api.Response answer = api().as("caizheng-admin").post("/api/org/accounts/provision", Map.of("organization", branch));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asString()).isEqualTo("暂时无法连接 Keycloak，请稍后重试。");
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + member).json().path("accountSubject").isNull()).isTrue();
        assertThat(keycloak("/users?exact=true&username=" + AccountProvisioning.usernameOf("caizheng", member)).size()).isZero();
    }

    @Test
    void an_election_is_recorded_while_keycloak_is_down_and_its_roles_wait() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String secretary = admit("caizheng-admin", branch, "辛八");

        Api.Response elected = api().as("caizheng-admin").put("/api/org/organizations/" + branch + "/committee",
                election(today().minusDays(1), "SECRETARY", secretary));

        assertThat(elected.status()).isEqualTo(200);
        assertThat(elected.json().path("current").path("posts").get(0).path("memberId").asString()).isEqualTo(secretary);
    }
}

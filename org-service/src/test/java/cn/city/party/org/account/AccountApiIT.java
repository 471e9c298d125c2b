package cn.city.party.org.account;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class AccountApiIT extends OrgApiTest {

    /** Reads Keycloak's admin API as the org-service service account, to see what provisioning really did. */
    private JsonNode keycloak(String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/city/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=org-service&client_secret=org-service-dev-secret"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String bearer = Api.JSON.readTree(token.body()).path("access_token").asString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/city" + path))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        return Api.JSON.readTree(response.body());
    }

    /**
     * The realm grants the org-service service account only manage-users, view-users, query-users and query-groups.
     * With those, Keycloak creates the user and maps the MEMBER role, but refuses (403) to look up or change the
     * department's Organization, which needs the realm-management role manage-realm. Provisioning is all or nothing:
     * the user created in the first step is deleted again and the member stays unlinked.
     */
    @Test
    void with_the_realms_current_service_account_rights_provisioning_stops_at_the_organization_and_leaves_no_account() throws Exception {
        String branch = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", admission(branch, "FULL", profile("开通者", LocalDate.of(1990, 1, 1), LocalDate.of(2015, 7, 1))));
        String username = "cz-" + member.substring(0, 8);

        Api.Response refused = api().as("caizheng-admin").post("/api/org/members/" + member + "/account",
                Map.of("username", username, "email", username + "@caizheng.demo.city.gov.cn"));

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().path("code").asString()).isEqualTo("account.keycloakRefused");
        assertThat(refused.json().path("detail").asString()).contains("findOrganization").contains("403");
        assertThat(keycloak("/users?exact=true&username=" + username).size()).as("the created user was removed again").isZero();
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + member).json().path("accountSubject").isNull()).isTrue();
    }

    @Test
    void another_department_and_lower_roles_cannot_provision() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", branch, "无账号");
        Map<String, String> body = Map.of("username", "nobody-" + member.substring(0, 8), "email", "n@caizheng.demo.city.gov.cn");

        assertThat(api().as("jiaoyu-admin").post("/api/org/members/" + member + "/account", body).status()).isEqualTo(404);
        assertThat(api().as("caizheng-secretary").post("/api/org/members/" + member + "/account", body).status()).isEqualTo(403);
        assertThat(api().as("work-committee").post("/api/org/members/" + member + "/account", body).status()).isEqualTo(403);
        assertThat(fields(api().as("caizheng-admin").post("/api/org/members/" + member + "/account",
                Map.of("username", "Bad Name!")))).containsExactly("username");
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + member).json().path("accountSubject").isNull()).isTrue();
    }
}

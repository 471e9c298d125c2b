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

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A token request to the realm's token endpoint with the given form; the answer as it comes. */
    private HttpResponse<String> tokenRequest(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/city/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The secret the repository used to hold gets no token: org-service authenticates only with a JWT signed by its
     * private key, which no file of the repository contains (the local runner and the tests generate one).
     */
    @Test
    void the_org_service_client_gives_no_token_for_a_secret() throws Exception {
        HttpResponse<String> withOldSecret = tokenRequest("grant_type=client_credentials&client_id=org-service&client_secret=org-service-dev-secret");
        HttpResponse<String> withoutCredential = tokenRequest("grant_type=client_credentials&client_id=org-service");

        assertThat(withOldSecret.statusCode()).as(withOldSecret.body()).isEqualTo(400);
        assertThat(Api.JSON.readTree(withOldSecret.body()).path("error").asString()).isEqualTo("invalid_client");
        assertThat(Api.JSON.readTree(withOldSecret.body()).has("access_token")).isFalse();
        assertThat(withoutCredential.statusCode()).as(withoutCredential.body()).isEqualTo(400);
        assertThat(keycloak("/clients?clientId=org-service").get(0).path("clientAuthenticatorType").asString())
                .isEqualTo("client-jwt");
    }

    /**
     * The service account holds manage-users and manage-realm of realm-management (Keycloak 26 has no narrower role
     * for Organization membership than manage-realm; see docs/security.md); what it grants is fixed in code.
     */
    @Test
    void the_provisioning_service_account_holds_only_the_roles_it_needs() throws Exception {
        String serviceAccount = keycloak("/users?exact=true&username=service-account-org-service").get(0).path("id").asString();
        String realmManagement = keycloak("/clients?clientId=realm-management").get(0).path("id").asString();

        assertThat(keycloak("/users/" + serviceAccount + "/role-mappings/clients/" + realmManagement).valueStream()
                .map(r -> r.path("name").asString())).containsExactlyInAnyOrder("manage-users", "manage-realm");
        assertThat(keycloak("/users/" + serviceAccount + "/role-mappings/realm").valueStream()
                .map(r -> r.path("name").asString())).containsExactly("default-roles-city");
    }

    @Test
    void a_department_admin_provisions_a_members_account_with_the_member_role_and_the_departments_organization() throws Exception {
        String branch = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", admission(branch, "FULL", profile("开通者", LocalDate.of(1990, 1, 1), LocalDate.of(2015, 7, 1))));
        String username = "cz-" + member.substring(0, 8);

        Api.Response provisioned = api().as("caizheng-admin").post("/api/org/members/" + member + "/account",
                Map.of("username", username, "email", username + "@caizheng.demo.city.gov.cn"));

        assertThat(provisioned.status()).isEqualTo(201);
        assertThat(provisioned.json().path("temporaryPassword").asString()).hasSizeGreaterThanOrEqualTo(12);
        JsonNode users = keycloak("/users?exact=true&username=" + username);
        assertThat(users.size()).isEqualTo(1);
        String subject = users.get(0).path("id").asString();
        assertThat(provisioned.json().path("accountSubject").asString()).isEqualTo(subject);
        assertThat(users.get(0).path("attributes").path("department").get(0).asString()).isEqualTo("caizheng");
        assertThat(users.get(0).path("requiredActions").toString()).as("the temporary password must be changed").contains("UPDATE_PASSWORD");
        assertThat(keycloak("/users/" + subject + "/role-mappings/realm").valueStream().map(r -> r.path("name").asString()))
                .as("MEMBER and nothing the platform does not mean").containsExactlyInAnyOrder("MEMBER", "default-roles-city");
        assertThat(keycloak("/organizations/members/" + subject + "/organizations").valueStream()
                .map(o -> o.path("alias").asString())).as("the department's Keycloak Organization").containsExactly("caizheng");
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + member).json().path("accountSubject").asString()).isEqualTo(subject);

        Api.Response again = api().as("caizheng-admin").post("/api/org/members/" + member + "/account",
                Map.of("username", username + "-2", "email", username + "@caizheng.demo.city.gov.cn"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(keycloak("/users?exact=true&username=" + username + "-2").size()).as("no second account").isZero();
    }

    @Test
    void another_department_and_lower_roles_cannot_provision() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", branch, "无账号");
        Map<String, String> body = Map.of("username", "nobody-" + member.substring(0, 8), "email", "n@caizheng.demo.city.gov.cn");

        assertThat(api().as("jiaoyu-admin").post("/api/org/members/" + member + "/account", body).status()).isEqualTo(404);
        assertThat(api().as("caizheng-secretary").post("/api/org/members/" + member + "/account", body).status()).isEqualTo(403);
        assertThat(api().as("caizheng-member").post("/api/org/members/" + member + "/account", body).status()).isEqualTo(403);
        // the work committee may open an account (a new department's first admin): RoleGrantApiIT
        assertThat(fields(api().as("caizheng-admin").post("/api/org/members/" + member + "/account",
                Map.of("username", "Bad Name!")))).containsExactly("username");
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + member).json().path("accountSubject").isNull()).isTrue();
    }
}

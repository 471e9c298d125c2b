package cn.city.party.e2e.web;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out in a real Chromium, through Keycloak's real (themed) pages; no app page needed. */
class SignInBrowserIT extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void the_sign_in_page_is_the_platforms_and_after_sign_in_the_browser_is_at_the_gateways_home() {
        open("/");
        assertThat(page.url()).as("an anonymous page load goes to Keycloak").startsWith(keycloak + "/realms/city/protocol/openid-connect/auth");
        assertThat(text()).contains("机关党建平台", "登录您的账户");
        screenshot("sign-in");

        typeCredentials("caizheng-secretary");
        page.waitForURL(gateway + "/");

        Response session = open("/api/session");
        assertThat(session.status()).isEqualTo(200);
        JsonNode me = JSON.readTree(session.text());
        assertThat(me.path("username").asString()).isEqualTo("caizheng-secretary");
        assertThat(me.path("department").asString()).isEqualTo("caizheng");
        assertThat(me.path("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("BRANCH_SECRETARY", "MEMBER");
        assertThat(session.text()).doesNotContain("eyJ");
    }

    @Test
    void sign_in_with_a_return_path_lands_on_it() {
        signIn("caizheng-member", "/member/checkin/s-1?from=qr");

        assertThat(page.url()).isEqualTo(gateway + "/member/checkin/s-1?from=qr");
    }

    @Test
    void sign_out_ends_on_the_sign_in_page_and_back_shows_no_data() {
        signIn("caizheng-secretary");
        open("/api/session");
        assertThat(text()).contains("caizheng-secretary");

        // what the app's sign-out button does: POST /logout with the CSRF token (here as the form field)
        page.evaluate("() => { const form = document.createElement('form'); form.method = 'post'; form.action = '/logout';"
                + " const csrf = document.createElement('input'); csrf.type = 'hidden'; csrf.name = '_csrf';"
                + " csrf.value = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)[1]);"
                + " form.appendChild(csrf); document.body.appendChild(form); form.submit(); }");
        page.waitForURL(url -> url.startsWith(keycloak + "/realms/city/protocol/openid-connect/auth"));
        assertThat(page.locator("#username").isVisible()).as("Keycloak's sign-in page").isTrue();

        page.goBack();

        assertThat(text()).doesNotContain("caizheng-secretary", "红梅").contains("unauthenticated");
    }

    @Test
    void the_api_without_a_session_answers_a_401_problem_not_a_page() {
        Response response = open("/api/org/departments");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headerValue("content-type")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.text()).path("type").asString()).isEqualTo("urn:party-platform:problem:unauthenticated");
        assertThat(page.url()).isEqualTo(gateway + "/api/org/departments");
    }
}

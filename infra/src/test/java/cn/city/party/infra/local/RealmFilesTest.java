package cn.city.party.infra.local;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Compose and Kubernetes import (the production realm) holds no credential, no demo user and no password-grant
 * client; the local runner and the tests add those from the local overlay only.
 */
class RealmFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final JsonNode PRODUCTION = RealmFiles.merge(List.of(ROOT.resolve(RealmFiles.PRODUCTION)));
    private static final JsonNode LOCAL = RealmFiles.merge(RealmFiles.local(ROOT));

    @Test
    void the_production_realm_holds_no_secret_and_org_service_signs_its_requests_with_a_key_of_the_deployment() {
        PRODUCTION.path("clients").valueStream().filter(c -> c.has("secret")).forEach(client ->
                assertThat(client.path("secret").asString()).as(client.path("clientId").asString()).matches("\\$\\{[A-Z_]+}"));
        JsonNode orgService = client(PRODUCTION, "org-service");
        assertThat(orgService.path("clientAuthenticatorType").asString()).isEqualTo("client-jwt");
        assertThat(orgService.path("secret").isMissingNode()).isTrue();
        assertThat(orgService.path("attributes").path("jwks.string").asString()).isEqualTo("${ORG_SERVICE_CLIENT_JWKS}");
        assertThat(PRODUCTION.path("users").valueStream().map(u -> u.path("username").asString()))
                .containsExactly("service-account-org-service");
        assertThat(PRODUCTION.path("users").get(0).path("credentials").isMissingNode()).isTrue();
    }

    @Test
    void no_deployment_file_or_service_default_carries_a_secret() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Stream.of("infra/compose", "infra/k8s", "org-service/src/main/resources",
                "gateway/src/main/resources", "platform-common/src/main/resources").map(ROOT::resolve)
                .flatMap(RealmFilesTest::walk)) {
            files = all.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path file : files) {
            assertThat(Files.readString(file)).as(ROOT.relativize(file).toString())
                    .doesNotContain("dev-secret").doesNotContainPattern("(?i)(secret|key):\\s*\\$\\{[A-Z_]+:[^}?]");
        }
    }

    @Test
    void the_production_realm_asks_for_tls_strong_passwords_lockouts_and_exact_redirects() {
        assertThat(PRODUCTION.path("sslRequired").asString()).isEqualTo("external");
        assertThat(PRODUCTION.path("passwordPolicy").asString()).contains("length(12)", "digits(1)", "passwordHistory(5)");
        assertThat(PRODUCTION.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(PRODUCTION.path("failureFactor").asInt()).isEqualTo(5);
        assertThat(PRODUCTION.path("clients").valueStream().filter(c -> c.path("directAccessGrantsEnabled").asBoolean()))
                .as("no password-grant client").isEmpty();
        assertThat(client(PRODUCTION, "gateway").path("redirectUris").valueStream().map(JsonNode::asString))
                .containsExactly("${PLATFORM_PUBLIC_URL}/login/oauth2/code/keycloak");
    }

    @Test
    void the_privileged_roles_need_a_one_time_password_in_production_and_the_demo_logins_do_not() {
        assertThat(PRODUCTION.path("browserFlow").asString()).isEqualTo("platform browser");
        assertThat(PRODUCTION.path("roles").path("realm").valueStream()
                .filter(r -> r.path("composites").path("realm").toString().contains("MFA_REQUIRED"))
                .map(r -> r.path("name").asString())).containsExactly("WORK_COMMITTEE_ADMIN", "DEPT_ADMIN", "INSPECTOR");
        assertThat(LOCAL.path("browserFlow").asString()).isEqualTo("browser");
    }

    @Test
    void the_local_overlay_adds_the_demo_users_and_command_line_clients_and_keeps_the_production_clients() {
        assertThat(LOCAL.path("clients").valueStream().map(c -> c.path("clientId").asString()))
                .containsExactly("gateway", "org-service", "party-cli", "party-cli-short-lived", "other-app", "unlisted-app");
        assertThat(client(LOCAL, "gateway").path("secret").asString()).isEqualTo("${GATEWAY_CLIENT_SECRET}");
        assertThat(client(LOCAL, "gateway").path("protocolMappers").size())
                .isEqualTo(client(PRODUCTION, "gateway").path("protocolMappers").size());
        assertThat(LOCAL.path("users").valueStream().map(u -> u.path("username").asString()))
                .contains("service-account-org-service", "work-committee", "caizheng-admin", "jiaoyu-member");
        assertThat(LOCAL.path("organizations").valueStream().map(o -> o.path("alias").asString()))
                .containsExactly("gongwei", "caizheng", "jiaoyu");
        assertThat(LOCAL.path("organizations").get(0).path("name").asString()).isEqualTo("市直机关工委");
        assertThat(LOCAL.path("organizations").get(0).path("members").size()).isEqualTo(2);
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return realm.path("clients").valueStream().filter(c -> c.path("clientId").asString().equals(clientId))
                .findFirst().orElseThrow();
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.city.party.infra.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm's login theme reaches Keycloak the same way everywhere: the local runner copies it, Compose mounts the
 * folder, and Kubernetes mounts every one of its files from ConfigMaps.
 */
class LoginThemeTest {

    private static final Path INFRA = Path.of("").toAbsolutePath();
    private static final Path THEME = INFRA.resolve("keycloak/themes/party");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    void the_realm_uses_the_party_theme_which_extends_keycloaks_own() throws IOException {
        JsonNode realm = JsonMapper.builder().build().readTree(INFRA.resolve("keycloak/city-realm.json").toFile());

        assertThat(realm.path("loginTheme").asString()).isEqualTo("party");
        assertThat(Files.readString(THEME.resolve("login/theme.properties"))).contains("parent=keycloak.v2");
        assertThat(Files.readString(THEME.resolve("login/messages/messages_zh_CN.properties"))).contains("机关党建平台");
    }

    @Test
    void the_local_runner_copies_every_file_of_the_theme(@TempDir Path home) throws IOException {
        KeycloakServer.installThemes(INFRA.resolve("keycloak/themes"), home);

        for (Path file : themeFiles()) {
            assertThat(home.resolve("party").resolve(THEME.relativize(file).toString())).hasSameTextualContentAs(file);
        }
    }

    @Test
    void compose_mounts_the_theme_folder() throws IOException {
        JsonNode volumes = YAML.readTree(INFRA.resolve("compose/compose.yaml").toFile()).path("services").path("keycloak").path("volumes");

        assertThat(volumes.valueStream().map(JsonNode::asString).toList())
                .contains("../keycloak/themes/party:/opt/keycloak/themes/party:ro");
    }

    @Test
    void kubernetes_mounts_every_file_of_the_theme() throws IOException {
        JsonNode generators = YAML.readTree(THEME.resolveSibling("kustomization.yaml").toFile()).path("configMapGenerator");
        List<String> generated = generators.valueStream().flatMap(g -> g.path("files").valueStream()).map(JsonNode::asString).toList();
        String keycloak = Files.readString(INFRA.resolve("k8s/keycloak/keycloak.yaml"));

        for (Path file : themeFiles()) {
            String relative = THEME.getParent().relativize(file).toString();
            assertThat(generated).as("a ConfigMap holds " + relative).contains(relative);
            assertThat(keycloak).as("mounted: " + relative).contains("/opt/keycloak/themes/" + THEME.getParent().relativize(file.getParent()));
        }
        generators.valueStream().forEach(g -> assertThat(keycloak).contains("configMap: {name: " + g.path("name").asString() + "}"));
    }

    private static List<Path> themeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(THEME)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}

package cn.city.party.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The end-to-end tests start only from jars built after the last change of their sources. */
class RunningPlatformTest {

    private static final Instant BUILT = Instant.parse("2026-11-30T22:02:53Z");

    @TempDir
    Path root;

    @BeforeEach
    void aTreeBuiltAtTwoMinutesPastTen() throws IOException {
        for (String module : List.of("org-service", "activity-service", "study-service", "discipline-service", "gateway")) {
            file(module + "/target/" + module + "-0.1.0-SNAPSHOT-exec.jar", BUILT);
            file(module + "/src/main/java/App.java", BUILT.minusSeconds(600));
        }
        file("platform-common/src/main/java/Caller.java", BUILT.minusSeconds(600));
        file("web/src/pages/inspector/LeadPage.vue", BUILT.minusSeconds(60));
        file("web/index.html", BUILT.minusSeconds(600));
        file("web/package-lock.json", BUILT.minusSeconds(600));
    }

    @Test
    void jars_built_after_every_source_are_used() {
        assertThatCode(() -> RunningPlatform.requireFreshBuild(root)).doesNotThrowAnyException();
    }

    @Test
    void a_page_changed_after_the_gateway_was_built_stops_the_run_with_the_command_to_rebuild() throws IOException {
        // a merge brings a newer lead page; the gateway's jar still holds the old one
        file("web/src/pages/inspector/LeadPage.vue", BUILT.plusSeconds(1700));

        assertThatThrownBy(() -> RunningPlatform.requireFreshBuild(root))
                .hasMessage(root.resolve("gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar") + " is older than "
                        + root.resolve("web/src/pages/inspector/LeadPage.vue") + ": rebuild the jars first "
                        + "(./mvnw -o -q package -DskipTests -pl '!e2e-tests', or the whole build)");
    }

    @Test
    void a_shared_library_changed_after_a_service_was_built_stops_the_run() throws IOException {
        file("platform-common/src/main/java/Caller.java", BUILT.plusSeconds(1));

        assertThatThrownBy(() -> RunningPlatform.requireFreshBuild(root))
                .hasMessageContaining("-exec.jar is older than " + root.resolve("platform-common/src/main/java/Caller.java"));
    }

    private void file(String path, Instant modified) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, path);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}

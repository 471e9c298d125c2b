package cn.city.party.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each consumer tests against its own copy of a producer's event schema ({@code src/test/resources/contracts});
 * this keeps every copy identical to the schema its producer publishes against ({@code src/main/resources/events}),
 * so a producer cannot change a contract without the consumers' tests seeing the change.
 */
class ContractCopiesTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("org-service", "activity-service", "study-service", "discipline-service");

    @Test
    void every_consumer_copy_equals_the_producers_schema() throws IOException {
        Map<String, Path> published = new HashMap<>();
        for (String service : SERVICES) {
            for (Path schema : list(ROOT.resolve(service).resolve("src/main/resources/events"))) {
                published.put(schema.getFileName().toString(), schema);
            }
        }
        List<Path> copies = new ArrayList<>();
        for (String service : SERVICES) {
            copies.addAll(list(ROOT.resolve(service).resolve("src/test/resources/contracts")));
        }

        assertThat(copies).as("consumers keep contract copies").isNotEmpty();
        for (Path copy : copies) {
            Path original = published.get(copy.getFileName().toString());
            assertThat(original).as("%s is published by some service", ROOT.relativize(copy)).isNotNull();
            assertThat(Files.readString(copy)).as("%s equals %s", ROOT.relativize(copy), ROOT.relativize(original))
                    .isEqualTo(Files.readString(original));
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).toList();
        }
    }
}

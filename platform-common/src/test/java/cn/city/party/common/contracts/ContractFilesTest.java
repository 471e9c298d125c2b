package cn.city.party.common.contracts;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractFilesTest {

    @Test
    void every_schema_has_a_sample_that_fits_it_and_every_sample_a_schema() throws IOException, URISyntaxException {
        List<String> schemas = typesOf(".schema.json");
        List<String> samples = typesOf(".sample.json");

        assertThat(schemas).hasSize(32).containsExactlyInAnyOrderElementsOf(samples);
        for (String type : schemas) {
            EventContracts.assertFits(EventContracts.sample(type), EventContracts.schemaResource(type));
        }
    }

    @Test
    void a_field_the_schema_does_not_name_is_allowed_a_missing_one_is_not() {
        // docs/events.md: adding an optional field is not a breaking change, so no schema forbids unknown fields
        ObjectNode member = EventContracts.sample("party.org.member.admitted.v1");
        member.put("nickname", "小孙");
        EventContracts.assertFits(member, EventContracts.schemaResource("party.org.member.admitted.v1"));

        member.remove("branchId");
        assertThatThrownBy(() -> EventContracts.assertFits(member, EventContracts.schemaResource("party.org.member.admitted.v1")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("branchId");
    }

    @Test
    void a_sample_is_a_fresh_copy_each_time() {
        EventContracts.sample("party.org.member.admitted.v1").put("name", "改过的");

        assertThat(EventContracts.sample("party.org.member.admitted.v1").get("name").asString()).isEqualTo("孙红梅");
    }

    /** The types whose files with {@code suffix} are in events/ (cloudevent.schema.json is the envelope's). */
    private static List<String> typesOf(String suffix) throws IOException, URISyntaxException {
        Path events = Path.of(EventContracts.class.getClassLoader().getResource("events").toURI());
        try (Stream<Path> files = Files.list(events)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("party.") && n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).toList();
        }
    }
}

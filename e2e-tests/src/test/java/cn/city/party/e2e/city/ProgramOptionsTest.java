package cn.city.party.e2e.city;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramOptionsTest {

    private final ProgramOptions load = ProgramOptions.of("Load").option("gateway", "http://localhost:8080")
            .option("seconds", "300").option("rate", "20").option("seed", "2026").option("cast", "cast.tsv")
            .optional("kill", "service").flag("add");

    @Test
    void what_is_not_given_is_its_default() {
        ProgramOptions options = load.parse();
        assertThat(options.text("gateway")).isEqualTo("http://localhost:8080");
        assertThat(options.integer("seconds")).isEqualTo(300);
        assertThat(options.decimal("rate")).isEqualTo(20.0);
        assertThat(options.longInteger("seed")).isEqualTo(2026L);
        assertThat(options.path("cast")).isEqualTo(Path.of("cast.tsv"));
        assertThat(options.text("kill")).isNull();
        assertThat(options.isSet("add")).isFalse();
    }

    @Test
    void options_take_the_next_argument_and_flags_none() {
        ProgramOptions options = load.parse("--add", "--seconds", "60", "--kill", "activity-service", "--rate", "2.5",
                "--seconds", "90");
        assertThat(options.isSet("add")).isTrue();
        assertThat(options.integer("seconds")).isEqualTo(90);
        assertThat(options.decimal("rate")).isEqualTo(2.5);
        assertThat(options.text("kill")).isEqualTo("activity-service");
    }

    @Test
    void an_unknown_option_is_refused_naming_the_known_ones() {
        assertThatThrownBy(() -> load.parse("--bogus", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Load: unknown option --bogus\nusage: Load [--gateway http://localhost:8080] [--seconds 300] "
                        + "[--rate 20] [--seed 2026] [--cast cast.tsv] [--kill service] [--add]");
    }

    @Test
    void a_stray_argument_a_missing_value_a_wrong_or_negative_number_are_refused() {
        assertThatThrownBy(() -> load.parse("300")).hasMessageStartingWith("Load: unexpected argument 300\nusage: Load ");
        assertThatThrownBy(() -> load.parse("--seconds")).hasMessageStartingWith("Load: --seconds needs a value\n");
        assertThatThrownBy(() -> load.parse("--seconds", "--add")).hasMessageStartingWith("Load: --seconds needs a value\n");
        assertThatThrownBy(() -> load.parse("--seconds", "ten").integer("seconds"))
                .hasMessageStartingWith("Load: --seconds takes a whole number, not ten\n");
        assertThatThrownBy(() -> load.parse("--seconds", "-5").integer("seconds"))
                .hasMessageStartingWith("Load: --seconds takes 0 or more, not -5\n");
        assertThatThrownBy(() -> load.parse("--rate", "-0.5").decimal("rate"))
                .hasMessageStartingWith("Load: --rate takes 0 or more, not -0.5\n");
        assertThat(load.parse("--seed", "-7").longInteger("seed")).isEqualTo(-7L);
    }
}

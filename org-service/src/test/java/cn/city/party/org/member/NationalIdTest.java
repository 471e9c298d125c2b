package cn.city.party.org.member;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NationalIdTest {

    @Test
    void a_number_with_the_right_check_character_and_a_real_birth_date_is_valid() {
        String id = NationalId.withCheckCharacter("11010519491231002");
        assertThat(id).isEqualTo("11010519491231002X"); // the standard's own example
        assertThat(NationalId.isValid(id)).isTrue();
        assertThat(NationalId.birthDate(id)).contains(LocalDate.of(1949, 12, 31));
    }

    @Test
    void a_wrong_check_character_a_wrong_length_or_an_impossible_date_is_invalid() {
        assertThat(NationalId.isValid("110105194912310021")).isFalse();
        assertThat(NationalId.isValid("11010519491231002")).isFalse();
        assertThat(NationalId.isValid(NationalId.withCheckCharacter("11010519490231002"))).as("31 February").isFalse();
        assertThat(NationalId.isValid(null)).isFalse();
    }

    @Test
    void masking_shows_the_last_four_characters_only_and_nothing_of_region_or_birth_date() {
        assertThat(NationalId.mask("110105194912311234")).isEqualTo("**************1234");
        assertThat(NationalId.mask("11010549123112X")).as("a 15-character number: same length of stars")
                .isEqualTo("**************112X");
        assertThat(NationalId.mask("short")).isEqualTo("********");
        assertThat(NationalId.mask(null)).isNull();
    }
}

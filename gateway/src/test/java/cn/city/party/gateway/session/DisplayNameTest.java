package cn.city.party.gateway.session;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayNameTest {

    @Test
    void a_chinese_name_is_shown_family_name_first_without_a_space() {
        assertThat(SessionController.displayName(Map.of("name", "廉 郑", "given_name", "廉", "family_name", "郑")))
                .isEqualTo("郑廉");
        assertThat(SessionController.displayName(Map.of("name", "建国 周", "given_name", "建国", "family_name", "周")))
                .isEqualTo("周建国");
    }

    @Test
    void a_latin_name_keeps_keycloaks_order_and_a_missing_part_falls_back_to_the_name_claim() {
        assertThat(SessionController.displayName(Map.of("name", "Anna Li", "given_name", "Anna", "family_name", "Li")))
                .isEqualTo("Anna Li");
        assertThat(SessionController.displayName(Map.of("name", "郑廉", "given_name", "廉"))).isEqualTo("郑廉");
    }
}

package cn.city.party.org.scorecard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 双百分考核: business places beside Party-building places, and how far apart they are. */
class DoubleHundredTest {

    @Test
    void equal_scores_share_a_place_and_the_next_place_is_skipped() {
        assertThat(DoubleHundred.ranks(Map.of("a", new BigDecimal("95"), "b", new BigDecimal("95.00"), "c", new BigDecimal("80"))))
                .isEqualTo(Map.of("a", 1, "b", 1, "c", 3));
    }

    @Test
    void the_difference_is_the_business_place_less_the_party_building_place() {
        assertThat(DoubleHundred.rankDifference(1, 1)).isZero();
        assertThat(DoubleHundred.rankDifference(1, 3)).isEqualTo(2);
        assertThat(DoubleHundred.rankDifference(3, 1)).isEqualTo(-2);
        assertThat(DoubleHundred.rankDifference(2, null)).isNull();
    }
}

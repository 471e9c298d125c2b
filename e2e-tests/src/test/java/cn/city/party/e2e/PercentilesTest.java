package cn.city.party.e2e;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentilesTest {

    private static final List<Long> ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).boxed().toList();

    @Test
    void of_1_to_100_the_pth_percentile_is_p() {
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 95)).isEqualTo(95);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 7)).isEqualTo(7);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 100)).isEqualTo(100);
    }

    @Test
    void between_ranks_it_takes_the_sample_above() {
        List<Long> ten = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
        assertThat(Percentiles.nearestRank(ten, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(ten, 95)).isEqualTo(100);
        assertThat(Percentiles.nearestRank(ten, 11)).isEqualTo(20);
    }

    @Test
    void of_one_sample_every_percentile_is_that_sample() {
        assertThat(Percentiles.nearestRank(List.of(42L), 50)).isEqualTo(42);
        assertThat(Percentiles.nearestRank(List.of(42L), 95)).isEqualTo(42);
        assertThat(Percentiles.nearestRank(List.of(42L), 99)).isEqualTo(42);
    }

    @Test
    void no_samples_or_a_percentile_out_of_range_is_refused() {
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(), 50)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no samples");
        assertThatThrownBy(() -> Percentiles.nearestRank(ONE_TO_HUNDRED, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(ONE_TO_HUNDRED, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}

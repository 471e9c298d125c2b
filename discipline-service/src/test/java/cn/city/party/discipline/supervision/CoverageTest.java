package cn.city.party.discipline.supervision;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 覆盖率 against the 100% target. */
class CoverageTest {

    private static SupervisionRecord talk(LocalDate on, String... members) {
        return new SupervisionRecord("r", "caizheng", SupervisionRecord.Kind.INTEGRITY_TALK, on, on.getYear(),
                List.of(members), null, "inspector", Instant.now());
    }

    @Test
    void each_member_counts_once_in_the_year_and_leavers_do_not_count() {
        List<String> members = List.of("m1", "m2", "m3");
        List<SupervisionRecord> records = List.of(
                talk(LocalDate.of(2026, 3, 1), "m1", "m2"),
                talk(LocalDate.of(2026, 4, 1), "m1"),
                talk(LocalDate.of(2026, 5, 1), "gone-m9"),
                talk(LocalDate.of(2025, 12, 1), "m3"));

        Coverage coverage = Coverage.of("caizheng", SupervisionRecord.Kind.INTEGRITY_TALK, 2026, members, records);

        assertThat(coverage.target()).isEqualTo(3);
        assertThat(coverage.covered()).isEqualTo(2);
        assertThat(coverage.ratePercent()).isEqualByComparingTo(new BigDecimal("66.6"));
        assertThat(coverage.targetMet()).isFalse();
        assertThat(Coverage.of("caizheng", SupervisionRecord.Kind.SUPERVISION_CARD, 2026, members, records).covered())
                .as("talks do not count as cards").isZero();
    }

    @Test
    void full_coverage_meets_the_target() {
        Coverage coverage = Coverage.of("caizheng", SupervisionRecord.Kind.INTEGRITY_TALK, 2026, List.of("m1", "m2"),
                List.of(talk(LocalDate.of(2026, 1, 5), "m1", "m2")));
        assertThat(coverage.ratePercent()).isEqualByComparingTo("100");
        assertThat(coverage.targetMet()).isTrue();
    }
}

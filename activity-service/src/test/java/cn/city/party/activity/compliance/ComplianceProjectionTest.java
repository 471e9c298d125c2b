package cn.city.party.activity.compliance;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceProjectionTest {

    @Test
    void results_are_announced_for_the_year_and_each_quarter_that_has_begun() {
        assertThat(ComplianceProjection.announced(2026, Instant.parse("2026-05-20T00:00:00Z")))
                .extracting(Object::toString).containsExactly("2026", "2026-Q1", "2026-Q2");
        // 2026-09-30T16:00Z is October 1st, 00:00 in Shanghai
        assertThat(ComplianceProjection.announced(2026, Instant.parse("2026-09-30T16:00:00Z")))
                .extracting(Object::toString).containsExactly("2026", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
        assertThat(ComplianceProjection.announced(2025, Instant.parse("2026-05-20T00:00:00Z"))).hasSize(5);
    }
}

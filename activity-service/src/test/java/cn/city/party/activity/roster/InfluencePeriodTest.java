package cn.city.party.activity.roster;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class InfluencePeriodTest {

    private final InfluencePeriod seriousWarning = new InfluencePeriod("s1", "m05", "caizheng", "SERIOUS_WARNING",
            LocalDate.parse("2026-03-10"), LocalDate.parse("2027-09-09"), null);

    @Test
    void a_member_is_inside_the_influence_period_from_the_decision_to_its_last_day_inclusive() {
        assertThat(seriousWarning.covers(LocalDate.parse("2026-03-09"))).isFalse();
        assertThat(seriousWarning.covers(LocalDate.parse("2026-03-10"))).isTrue();
        assertThat(seriousWarning.covers(LocalDate.parse("2027-09-09"))).isTrue();
        assertThat(seriousWarning.covers(LocalDate.parse("2027-09-10"))).isFalse();
    }

    @Test
    void a_revoked_sanction_no_longer_counts_from_the_day_of_revocation() {
        InfluencePeriod revoked = new InfluencePeriod("s1", "m05", "caizheng", "SERIOUS_WARNING",
                LocalDate.parse("2026-03-10"), LocalDate.parse("2027-09-09"), LocalDate.parse("2026-06-01"));
        assertThat(revoked.covers(LocalDate.parse("2026-05-31"))).isTrue();
        assertThat(revoked.covers(LocalDate.parse("2026-06-01"))).isFalse();
    }

    @Test
    void a_revocation_known_before_its_sanction_covers_nothing() {
        assertThat(new InfluencePeriod("s2", "m05", "caizheng", null, null, null, LocalDate.parse("2026-06-01"))
                .covers(LocalDate.parse("2026-06-01"))).isFalse();
    }
}

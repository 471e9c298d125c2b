package cn.city.party.discipline.sanction;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.discipline.DisciplineRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** 影响期 from the rule set's defaults: the last day inside the period is the day before the same date n months on. */
class InfluencePeriodsTest {

    static final DisciplineRules DEFAULTS = new DisciplineRules(15, Map.of(
            SanctionType.ADMONISHMENT, 6, SanctionType.WARNING, 12, SanctionType.SERIOUS_WARNING, 18,
            SanctionType.REMOVAL_FROM_POSTS, 24, SanctionType.EXPULSION, 60), List.of(12, 24), 30, 12);
    final InfluencePeriods periods = new InfluencePeriods(DEFAULTS);
    static final LocalDate DECIDED = LocalDate.of(2026, 3, 10);

    @Test
    void the_defaults_of_the_regulation() {
        assertThat(periods.of(SanctionType.SERIOUS_WARNING, DECIDED, null))
                .as("the example of docs/events.md")
                .isEqualTo(new InfluencePeriods.Period(DECIDED, LocalDate.of(2027, 9, 9)));
        assertThat(periods.of(SanctionType.ADMONISHMENT, DECIDED, null).until()).isEqualTo(LocalDate.of(2026, 9, 9));
        assertThat(periods.of(SanctionType.WARNING, DECIDED, null).until()).isEqualTo(LocalDate.of(2027, 3, 9));
        assertThat(periods.of(SanctionType.REMOVAL_FROM_POSTS, DECIDED, null).until()).isEqualTo(LocalDate.of(2028, 3, 9));
        assertThat(periods.of(SanctionType.EXPULSION, DECIDED, null).until()).as("no readmission for 5 years")
                .isEqualTo(LocalDate.of(2031, 3, 9));
    }

    @Test
    void probation_lasts_the_twelve_or_twenty_four_months_decided() {
        assertThat(periods.of(SanctionType.PROBATION, DECIDED, 12).until()).isEqualTo(LocalDate.of(2027, 3, 9));
        assertThat(periods.of(SanctionType.PROBATION, DECIDED, 24).until()).isEqualTo(LocalDate.of(2028, 3, 9));
        assertThat(catchThrowableOfType(DomainProblem.class, () -> periods.of(SanctionType.PROBATION, DECIDED, 18))
                .violations().get(0).field()).isEqualTo("probationMonths");
        assertThat(catchThrowableOfType(DomainProblem.class, () -> periods.of(SanctionType.PROBATION, DECIDED, null))
                .code()).isEqualTo("sanction.probationMonths");
        assertThat(catchThrowableOfType(DomainProblem.class, () -> periods.of(SanctionType.WARNING, DECIDED, 12))
                .code()).isEqualTo("sanction.probationMonthsOnlyForProbation");
    }

    @Test
    void month_ends_and_leap_days() {
        assertThat(periods.of(SanctionType.ADMONISHMENT, LocalDate.of(2026, 8, 31), null).until())
                .as("Aug 31 + 6 months = Feb 28, minus a day").isEqualTo(LocalDate.of(2027, 2, 27));
        assertThat(periods.of(SanctionType.WARNING, LocalDate.of(2028, 2, 29), null).until())
                .isEqualTo(LocalDate.of(2029, 2, 27));
    }

    @Test
    void a_changed_rule_set_changes_the_period() {
        DisciplineRules longer = new DisciplineRules(15, Map.of(SanctionType.WARNING, 18), List.of(12, 24), 30, 12);
        assertThat(new InfluencePeriods(longer).of(SanctionType.WARNING, DECIDED, null).until())
                .isEqualTo(LocalDate.of(2027, 9, 9));
    }

    @Test
    void the_sanction_is_in_force_inside_its_period_and_not_from_its_revocation_on() {
        Sanction sanction = new Sanction("s-1", "caizheng", "caizheng-m05", "caizheng-branch-1", SanctionType.WARNING,
                null, DECIDED, periods.of(SanctionType.WARNING, DECIDED, null), null, "inspector", java.time.Instant.now());
        assertThat(sanction.inForce(DECIDED.minusDays(1))).isFalse();
        assertThat(sanction.inForce(DECIDED)).isTrue();
        assertThat(sanction.inForce(LocalDate.of(2027, 3, 9))).isTrue();
        assertThat(sanction.inForce(LocalDate.of(2027, 3, 10))).isFalse();
        sanction.revoke(LocalDate.of(2026, 6, 1), "复查撤销", "inspector", java.time.Instant.now());
        assertThat(sanction.inForce(LocalDate.of(2026, 5, 31))).isTrue();
        assertThat(sanction.inForce(LocalDate.of(2026, 6, 1))).isFalse();
        assertThat(sanction.inForce(LocalDate.of(2026, 6, 2))).isFalse();
        assertThat(catchThrowableOfType(DomainProblem.class, () -> sanction.revoke(LocalDate.of(2026, 6, 1), "再次",
                "inspector", java.time.Instant.now())).code()).isEqualTo("sanction.revoked");
    }
}

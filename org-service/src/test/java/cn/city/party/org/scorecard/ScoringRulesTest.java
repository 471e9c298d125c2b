package cn.city.party.org.scorecard;

import cn.city.party.common.error.DomainProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringRulesTest {

    private static ScoringRules withThresholds(List<BigDecimal> thresholds) {
        ScoringRules d = ScoringRules.cityDefault(2026);
        return new ScoringRules(2026, 0, d.complianceWeight(), d.qualityWeight(), d.studyWeight(), d.termOnTimeWeight(),
                d.committeeCompleteWeight(), d.duesWeight(), d.duesArrearsDeduction(), d.sanctionDeduction(),
                d.accountabilityDeduction(), d.lateEntryDeduction(), thresholds, null);
    }

    private static List<String> fields(ScoringRules rules) {
        return rules.violations().stream().map(DomainProblem.Violation::field).toList();
    }

    @Test
    void rulesSetWithoutWeakBranchCriteriaTakeTheDefaults() {
        assertThat(withThresholds(ScoringRules.cityDefault(2026).starThresholds()).weakBranch())
                .isEqualTo(new ScoringRules.WeakBranchCriteria(3, 2, true, true));
    }

    @Test
    void theCityDefaultIsUsableAndWorthOneHundredPoints() {
        ScoringRules rules = ScoringRules.cityDefault(2026);
        assertThat(rules.violations()).isEmpty();
        assertThat(rules.maxTotal()).isEqualByComparingTo("100");
        assertThat(rules.version()).isZero();
    }

    @Test
    void eachThresholdReachedIsOneStar() {
        ScoringRules rules = ScoringRules.cityDefault(2026);
        assertThat(rules.stars(new BigDecimal("59.99"))).isZero();
        assertThat(rules.stars(new BigDecimal("60"))).isEqualTo(1);
        assertThat(rules.stars(new BigDecimal("89.5"))).isEqualTo(3);
        assertThat(rules.stars(new BigDecimal("95"))).isEqualTo(5);
    }

    @Test
    void thresholdsMustBeFiveRisingAndReachable() {
        assertThat(fields(withThresholds(List.of(new BigDecimal("60"))))).containsExactly("starThresholds");
        assertThat(fields(withThresholds(List.of(new BigDecimal("60"), new BigDecimal("70"), new BigDecimal("70"),
                new BigDecimal("90"), new BigDecimal("95"))))).containsExactly("starThresholds[2]");
        assertThat(fields(withThresholds(List.of(new BigDecimal("60"), new BigDecimal("70"), new BigDecimal("80"),
                new BigDecimal("90"), new BigDecimal("101"))))).containsExactly("starThresholds[4]");
    }

    @Test
    void pointsMustBeGivenNonNegativeAndInHundredths() {
        ScoringRules d = ScoringRules.cityDefault(2026);
        ScoringRules bad = new ScoringRules(2026, 0, null, new BigDecimal("-1"), new BigDecimal("25.125"),
                d.termOnTimeWeight(), d.committeeCompleteWeight(), d.duesWeight(), d.duesArrearsDeduction(),
                d.sanctionDeduction(), d.accountabilityDeduction(), d.lateEntryDeduction(), List.of(
                new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("30"), new BigDecimal("40"), new BigDecimal("50")),
                new ScoringRules.WeakBranchCriteria(0, 5, true, true));
        assertThat(fields(bad)).containsExactly("complianceWeight", "qualityWeight", "studyWeight",
                "weakBranch.secretaryVacantMonths", "weakBranch.consecutiveQuartersMissed");
    }

    @Test
    void aNewSettingBecomesTheNextVersionOfItsYear() {
        ScoringRuleSet set = new ScoringRuleSet(2026);
        assertThat(set.current().version()).isZero();
        set.set(ScoringRules.cityDefault(2026), java.time.Instant.EPOCH, "work-committee");
        ScoringRules second = set.set(ScoringRules.cityDefault(2026), java.time.Instant.EPOCH, "work-committee");
        assertThat(second.version()).isEqualTo(2);
        assertThat(set.versions()).hasSize(2);
    }
}

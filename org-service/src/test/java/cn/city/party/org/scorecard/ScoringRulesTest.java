package cn.city.party.org.scorecard;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.rules.RuleBook;
import cn.city.party.common.rules.RuleVersion;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringRulesTest {

    private static ScoringRules withThresholds(List<BigDecimal> thresholds) {
        ScoringRules d = ScoringRules.cityDefault();
        return new ScoringRules(d.complianceWeight(), d.qualityWeight(), d.studyWeight(), d.termOnTimeWeight(),
                d.committeeCompleteWeight(), d.duesWeight(), d.duesArrearsDeduction(), d.sanctionDeduction(),
                d.accountabilityDeduction(), d.lateEntryDeduction(), thresholds, null);
    }

    private static List<String> fields(ScoringRules rules) {
        return rules.violations().stream().map(DomainProblem.Violation::field).toList();
    }

    @Test
    void rulesSetWithoutWeakBranchCriteriaTakeTheDefaults() {
        assertThat(withThresholds(ScoringRules.cityDefault().starThresholds()).weakBranch())
                .isEqualTo(new ScoringRules.WeakBranchCriteria(3, 2, true, true));
    }

    @Test
    void theCityDefaultIsUsableAndWorthOneHundredPoints() {
        ScoringRules rules = ScoringRules.cityDefault();
        assertThat(rules.violations()).isEmpty();
        assertThat(rules.maxTotal()).isEqualByComparingTo("100");
        assertThat(ScoringRules.RULE_KIND.defaultsVersion()).as("the default is version 0 of a year").isZero();
    }

    @Test
    void eachThresholdReachedIsOneStar() {
        ScoringRules rules = ScoringRules.cityDefault();
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
        ScoringRules d = ScoringRules.cityDefault();
        ScoringRules bad = new ScoringRules(null, new BigDecimal("-1"), new BigDecimal("25.125"),
                d.termOnTimeWeight(), d.committeeCompleteWeight(), d.duesWeight(), d.duesArrearsDeduction(),
                d.sanctionDeduction(), d.accountabilityDeduction(), d.lateEntryDeduction(), List.of(
                new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("30"), new BigDecimal("40"), new BigDecimal("50")),
                new ScoringRules.WeakBranchCriteria(0, 5, true, true));
        assertThat(fields(bad)).containsExactly("complianceWeight", "qualityWeight", "studyWeight",
                "weakBranch.secretaryVacantMonths", "weakBranch.consecutiveQuartersMissed");
    }

    @Test
    void aNewSettingBecomesTheNextVersionOfItsYear() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            RuleBook book = new RuleBook(new MongoTemplate(client, "scoring"), Clock.fixed(Instant.parse(
                    "2026-12-01T02:00:00Z"), ZoneOffset.UTC), JsonMapper.builder().build(), List.of(ScoringRules.RULE_KIND));
            assertThat(ScoringRules.OfYear.of(book.current(ScoringRules.RULE_KIND, 2026)).version()).isZero();
            book.publish(ScoringRules.RULE_KIND, null, 2026, ScoringRules.cityDefault(), "首次设定", null, "work-committee");
            ScoringRules.OfYear second = ScoringRules.OfYear.of(book.publish(ScoringRules.RULE_KIND, null, 2026,
                    ScoringRules.cityDefault(), "再次设定", null, "work-committee"));
            assertThat(second.version()).isEqualTo(2);
            assertThat(second.rules()).isEqualTo(ScoringRules.cityDefault());
            assertThat(book.history(ScoringRules.RULE_KIND, 2026)).as("the default and two settings")
                    .extracting(RuleVersion::version).containsExactly(0, 1, 2);
        } finally {
            server.shutdownNow();
        }
    }
}

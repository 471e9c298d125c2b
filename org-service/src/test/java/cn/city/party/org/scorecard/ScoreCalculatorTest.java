package cn.city.party.org.scorecard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreCalculatorTest {

    private static final LocalDate MID_YEAR = LocalDate.of(2026, 6, 30);
    private static final ScoringRules.OfYear RULES = new ScoringRules.OfYear(2026, 0, ScoringRules.cityDefault());

    private static final ScoreCalculator.Roll NO_ROLL = new ScoreCalculator.Roll(Set.of(), Set.of(), false);

    private static Scorecard score(BranchFacts facts) {
        return score(facts, MID_YEAR);
    }

    private static Scorecard score(BranchFacts facts, LocalDate day) {
        return ScoreCalculator.score("b1", "第一党支部", "caizheng", facts, NO_ROLL, RULES, day);
    }

    private static BranchFacts complianceOnly(List<BranchFacts.Compliance> periods) {
        return new BranchFacts(periods, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A rule's result in a period: met or missed at the end, or the status under way with nothing held yet. */
    static BranchFacts.RuleResult rule(String type, String status, double weight) {
        double score = "MET".equals(status) ? 1 : 0;
        return new BranchFacts.RuleResult(type + "/RULE", type, status, 1, score, score, weight);
    }

    static BranchFacts.Compliance quarter(int q, String status, boolean frozen, Double attendance, List<String> activities,
                                          BranchFacts.RuleResult... rules) {
        LocalDate start = LocalDate.of(2026, 3 * q - 2, 1);
        return new BranchFacts.Compliance("2026-Q" + q, "QUARTER", start, start.plusMonths(3).minusDays(1),
                status, frozen, List.of(rules), activities.size(), attendance, activities);
    }

    static BranchFacts.Compliance month(int m, String status, boolean frozen) {
        LocalDate start = LocalDate.of(2026, m, 1);
        return new BranchFacts.Compliance("2026-%02d".formatted(m), "MONTH", start, start.plusMonths(1).minusDays(1),
                status, frozen, List.of(rule("BRANCH_COMMITTEE_MEETING", status, 1.0 / 12)), 0, null, List.of());
    }

    /** 支委会 held every month from January to June, each month frozen. */
    private static List<BranchFacts.Compliance> januaryToJuneMet() {
        List<BranchFacts.Compliance> periods = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            periods.add(month(m, "MET", true));
        }
        return periods;
    }

    private static BranchFacts perfect() {
        return new BranchFacts(
                List.of(quarter(1, "MET", true, 1.0, List.of("a1", "a2"), rule("GENERAL_MEETING", "MET", 0.25)),
                        quarter(2, "MET", false, 1.0, List.of("a3"), rule("GENERAL_MEETING", "MET", 0.25))),
                List.of(new BranchFacts.Activity("a1", "支部党员大会", "HELD", false, Instant.parse("2026-02-01T02:00:00Z"))),
                List.of(new BranchFacts.Credits("m1", 3, 3, 40, 32)),
                List.of(new BranchFacts.Completion("m1", "mat1", true, Instant.parse("2026-03-01T02:00:00Z"))),
                List.of(), List.of(),
                List.of(new BranchFacts.Term(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), List.of("SECRETARY", "ORGANIZATION"), null)),
                List.of(), List.of());
    }

    @Test
    void aBranchThatDidEverythingEarnsFullMarksAndFiveStars() {
        Scorecard card = score(perfect());
        assertThat(card.total()).isEqualByComparingTo("100");
        assertThat(card.maxTotal()).isEqualByComparingTo("100");
        assertThat(card.stars()).isEqualTo(5);
        assertThat(card.item(ScoreItem.COMPLIANCE).facts().get("activities")).containsExactly("a1", "a2", "a3");
        assertThat(card.item(ScoreItem.STUDY).facts().get("requiredCompletions")).containsExactly("m1:mat1");
    }

    @Test
    void complianceEarnsItsShareOfTheRequiredSittingsHeld() {
        BranchFacts facts = complianceOnly(List.of(quarter(1, "MISSED", true, 0.5, List.of("a1"),
                rule("GENERAL_MEETING", "MET", 0.25), rule("PARTY_LECTURE", "MET", 0.25),
                rule("THEME_DAY", "MET", 0.25), rule("GROUP_MEETING", "MISSED", 0.25))));
        Scorecard card = score(facts);
        assertThat(card.item(ScoreItem.COMPLIANCE).points()).isEqualByComparingTo("26.25"); // 35 × 0.75 / 1
        assertThat(card.item(ScoreItem.COMPLIANCE).basis()).isEqualTo("0.75/1.00");
        assertThat(card.item(ScoreItem.COMPLIANCE).facts().get("missed")).containsExactly("2026-Q1:GROUP_MEETING");
        assertThat(card.item(ScoreItem.QUALITY).points()).isEqualByComparingTo("5.00");     // 10 × 0.5
    }

    @Test
    void aBranchOnTrackInTheMonthUnderWayIsNotScoredAsFailing() {
        List<BranchFacts.Compliance> periods = januaryToJuneMet();
        periods.add(month(7, "ON_TRACK", false));
        periods.add(month(8, "UPCOMING", false));
        Scorecard card = score(complianceOnly(periods), LocalDate.of(2026, 7, 10));
        assertThat(card.item(ScoreItem.COMPLIANCE).points()).isEqualByComparingTo("35.00");
    }

    @Test
    void aBranchThatRecordsNothingAfterJuneHasJulyMissedInAugustAndItsScoreFalls() {
        List<BranchFacts.Compliance> periods = januaryToJuneMet();
        periods.add(month(7, "MISSED", true));
        periods.add(month(8, "ON_TRACK", false));
        Scorecard card = score(complianceOnly(periods), LocalDate.of(2026, 8, 10));
        // due by 10 August: 7 months + 10/31 of August; earned: 6 months + August's 10/31 on track, July missed:
        // 35 × (6 + 10/31) / (7 + 10/31) = 35 × 196/227
        assertThat(card.item(ScoreItem.COMPLIANCE).points()).isEqualByComparingTo("30.22");
        assertThat(card.item(ScoreItem.COMPLIANCE).facts().get("missed")).containsExactly("2026-07:BRANCH_COMMITTEE_MEETING");
    }

    @Test
    void aPeriodAtRiskCountsWhatItHasSoFar() {
        List<BranchFacts.Compliance> periods = januaryToJuneMet();
        periods.add(month(7, "AT_RISK", false));
        Scorecard card = score(complianceOnly(periods), LocalDate.of(2026, 7, 28));
        // 35 × 6 / (6 + 28/31) = 35 × 186/214
        assertThat(card.item(ScoreItem.COMPLIANCE).points()).isEqualByComparingTo("30.42");
    }

    @Test
    void theYearAndItsQuartersDoNotCountARuleTwice() {
        BranchFacts.Compliance year = new BranchFacts.Compliance("2026", "YEAR", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), "MET", true, List.of(rule("ORGANIZATIONAL_LIFE_MEETING", "MET", 1)),
                0, null, List.of());
        BranchFacts facts = complianceOnly(List.of(year,
                quarter(1, "MET", true, null, List.of(), rule("GENERAL_MEETING", "MET", 0.25)),
                quarter(2, "MET", true, null, List.of(), rule("GENERAL_MEETING", "MET", 0.25)),
                quarter(3, "MET", true, null, List.of(), rule("GENERAL_MEETING", "MET", 0.25)),
                quarter(4, "MISSED", true, null, List.of(), rule("GENERAL_MEETING", "MISSED", 0.25))));
        Scorecard card = score(facts, LocalDate.of(2026, 12, 31));
        assertThat(card.item(ScoreItem.COMPLIANCE).basis()).isEqualTo("1.75/2.00");
        assertThat(card.item(ScoreItem.COMPLIANCE).points()).isEqualByComparingTo("30.63"); // 35 × 1.75/2
    }

    @Test
    void oneOfTwentyMembersStudyingEarnsOneTwentiethOfTheStudyPoints() {
        Set<String> twenty = new java.util.TreeSet<>();
        for (int i = 1; i <= 20; i++) {
            twenty.add("m%02d".formatted(i));
        }
        BranchFacts facts = new BranchFacts(List.of(), List.of(), List.of(new BranchFacts.Credits("m01", 3, 3, 12, 32)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Scorecard.Item study = ScoreCalculator.score("b1", "支部", "caizheng", facts,
                new ScoreCalculator.Roll(twenty, twenty, false), RULES, MID_YEAR).item(ScoreItem.STUDY);
        assertThat(study.points()).isEqualByComparingTo("1.25"); // 25 × 1/20
        assertThat(study.basis()).isEqualTo("1/20");
        assertThat(study.facts().get("membersIncomplete")).hasSize(19).doesNotContain("m01");
    }

    @Test
    void aMemberWhoLeftTheRollNoLongerCountsInTheBranchesStudy() {
        BranchFacts facts = new BranchFacts(List.of(), List.of(), List.of(new BranchFacts.Credits("m01", 3, 3, 12, 32),
                new BranchFacts.Credits("expelled", 3, 3, 12, 32), new BranchFacts.Credits("m02", 0, 3, 0, 32)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        ScoreCalculator.Roll roll = new ScoreCalculator.Roll(Set.of("m01", "m02"), Set.of("m01", "m02", "expelled"), false);
        Scorecard.Item study = ScoreCalculator.score("b1", "支部", "caizheng", facts, roll, RULES, MID_YEAR).item(ScoreItem.STUDY);
        assertThat(study.basis()).isEqualTo("1/2");
        assertThat(study.points()).isEqualByComparingTo("12.50");
    }

    @Test
    void withoutAnyFactsABranchEarnsOnlyTheUnflaggedDues() {
        Scorecard card = score(BranchFacts.none());
        assertThat(card.total()).isEqualByComparingTo("15");
        assertThat(card.stars()).isZero();
    }

    @Test
    void studyCountsTheMembersWhoCompletedAllTheirRequiredStudy() {
        BranchFacts facts = new BranchFacts(List.of(), List.of(),
                List.of(new BranchFacts.Credits("m1", 3, 3, 10, 32), new BranchFacts.Credits("m2", 1, 3, 4, 32)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Scorecard.Item study = score(facts).item(ScoreItem.STUDY);
        assertThat(study.points()).isEqualByComparingTo("12.50");
        assertThat(study.facts().get("membersCompleted")).containsExactly("m1");
        assertThat(study.facts().get("membersIncomplete")).containsExactly("m2");
    }

    @Test
    void sanctionsAccountabilityAndLateEntriesAreDeductedOneByOneButARevokedSanctionIsNot() {
        BranchFacts facts = new BranchFacts(List.of(),
                List.of(new BranchFacts.Activity("late", "补录的党课", "HELD", true, null),
                        new BranchFacts.Activity("gone", "取消的会", "CANCELLED", true, null)),
                List.of(), List.of(),
                List.of(new BranchFacts.Sanction("s1", "m1", "WARNING", 1, LocalDate.of(2026, 3, 1), null),
                        new BranchFacts.Sanction("s2", "m2", "WARNING", 1, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1))),
                List.of(new BranchFacts.Accountability("acc1", "CIRCULATED_CRITICISM", LocalDate.of(2026, 5, 1))),
                List.of(), List.of(new BranchFacts.Arrears("m3", 4, "WARNING")), List.of());
        Scorecard card = score(facts);
        assertThat(card.item(ScoreItem.SANCTIONS).points()).isEqualByComparingTo("-5");
        assertThat(card.item(ScoreItem.SANCTIONS).facts().get("sanctions")).containsExactly("s1");
        assertThat(card.item(ScoreItem.SANCTIONS).facts().get("revoked")).containsExactly("s2");
        assertThat(card.item(ScoreItem.ACCOUNTABILITY).points()).isEqualByComparingTo("-10");
        assertThat(card.item(ScoreItem.LATE_ENTRY).points()).isEqualByComparingTo("-1");
        assertThat(card.item(ScoreItem.LATE_ENTRY).facts().get("activities")).containsExactly("late");
        assertThat(card.item(ScoreItem.DUES).points()).isEqualByComparingTo("12");
        assertThat(card.total()).isEqualByComparingTo("0"); // 12 − 16 is floored at zero
    }

    @Test
    void organizationHealthNeedsATermCoveringTheReferenceDateWithASecretary() {
        BranchFacts expired = new BranchFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new BranchFacts.Term(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31), List.of("SECRETARY"), null)), List.of(), List.of());
        assertThat(score(expired).item(ScoreItem.TERM_ON_TIME).points()).isEqualByComparingTo("0");
        assertThat(score(expired).item(ScoreItem.COMMITTEE_COMPLETE).points()).isEqualByComparingTo("0");

        BranchFacts noSecretary = new BranchFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new BranchFacts.Term(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 12, 31), List.of("ORGANIZATION"), null)), List.of(), List.of());
        assertThat(score(noSecretary).item(ScoreItem.TERM_ON_TIME).points()).isEqualByComparingTo("10");
        assertThat(score(noSecretary).item(ScoreItem.COMMITTEE_COMPLETE).points()).isEqualByComparingTo("0");
    }

    @Test
    void theOrderOfTheFactsDoesNotChangeTheScorecard() {
        BranchFacts facts = perfect();
        List<BranchFacts.Compliance> reversed = new ArrayList<>(facts.compliance());
        Collections.reverse(reversed);
        BranchFacts shuffled = new BranchFacts(reversed, facts.activities(), facts.credits(), facts.completions(),
                facts.sanctions(), facts.accountabilities(), facts.terms(), facts.arrears(), List.of());
        assertThat(score(shuffled)).isEqualTo(score(facts));
    }

    @Test
    void aRuleChangeRecomputesTheSameFacts() {
        ScoringRules.OfYear heavierStudy = new ScoringRules.OfYear(2026, 2, new ScoringRules(new BigDecimal("30"),
                new BigDecimal("10"), new BigDecimal("30"), new BigDecimal("10"), new BigDecimal("5"), new BigDecimal("15"),
                new BigDecimal("3"), new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("1"),
                List.of(new BigDecimal("50"), new BigDecimal("60"), new BigDecimal("70"), new BigDecimal("80"), new BigDecimal("100")),
                null));
        BranchFacts facts = complianceOnly(List.of(quarter(1, "MISSED", true, null, List.of(),
                rule("GENERAL_MEETING", "MET", 0.25), rule("PARTY_LECTURE", "MISSED", 0.25))));
        Scorecard card = ScoreCalculator.score("b1", "支部", "caizheng", facts, NO_ROLL, heavierStudy, MID_YEAR);
        assertThat(card.rulesVersion()).isEqualTo(2);
        assertThat(card.item(ScoreItem.COMPLIANCE).points()).isEqualByComparingTo("15");
        assertThat(card.total()).isEqualByComparingTo("30");
        assertThat(card.stars()).isZero();
    }
}

package cn.city.party.org.scorecard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreCalculatorTest {

    private static final LocalDate MID_YEAR = LocalDate.of(2026, 6, 30);
    private static final ScoringRules RULES = ScoringRules.cityDefault(2026);

    private static Scorecard score(BranchFacts facts) {
        return ScoreCalculator.score("b1", "第一党支部", "caizheng", facts, RULES, MID_YEAR);
    }

    private static BranchFacts perfect() {
        return new BranchFacts(
                List.of(new BranchFacts.Compliance("2026-Q1", 4, 4, 1.0, List.of("a1", "a2")),
                        new BranchFacts.Compliance("2026-Q2", 4, 4, 1.0, List.of("a3"))),
                List.of(new BranchFacts.Activity("a1", "支部党员大会", "HELD", false, Instant.parse("2026-02-01T02:00:00Z"))),
                List.of(new BranchFacts.Credits("m1", 3, 3, 40, 32)),
                List.of(new BranchFacts.Completion("m1", "mat1", true, Instant.parse("2026-03-01T02:00:00Z"))),
                List.of(), List.of(),
                List.of(new BranchFacts.Term(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), List.of("SECRETARY", "ORGANIZATION"))),
                List.of());
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
        BranchFacts facts = new BranchFacts(List.of(new BranchFacts.Compliance("2026-Q1", 4, 3, 0.5, List.of("a1"))),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Scorecard card = score(facts);
        assertThat(card.item(ScoreItem.COMPLIANCE).points()).isEqualByComparingTo("26.25"); // 35 × 3/4
        assertThat(card.item(ScoreItem.COMPLIANCE).basis()).isEqualTo("3/4");
        assertThat(card.item(ScoreItem.QUALITY).points()).isEqualByComparingTo("5.00");     // 10 × 0.5
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
                List.of(), List.of(), List.of(), List.of(), List.of());
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
                List.of(), List.of(new BranchFacts.Arrears("m3", 4, "WARNING")));
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
                List.of(new BranchFacts.Term(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31), List.of("SECRETARY"))), List.of());
        assertThat(score(expired).item(ScoreItem.TERM_ON_TIME).points()).isEqualByComparingTo("0");
        assertThat(score(expired).item(ScoreItem.COMMITTEE_COMPLETE).points()).isEqualByComparingTo("0");

        BranchFacts noSecretary = new BranchFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new BranchFacts.Term(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 12, 31), List.of("ORGANIZATION"))), List.of());
        assertThat(score(noSecretary).item(ScoreItem.TERM_ON_TIME).points()).isEqualByComparingTo("10");
        assertThat(score(noSecretary).item(ScoreItem.COMMITTEE_COMPLETE).points()).isEqualByComparingTo("0");
    }

    @Test
    void theOrderOfTheFactsDoesNotChangeTheScorecard() {
        BranchFacts facts = perfect();
        List<BranchFacts.Compliance> reversed = new ArrayList<>(facts.compliance());
        Collections.reverse(reversed);
        BranchFacts shuffled = new BranchFacts(reversed, facts.activities(), facts.credits(), facts.completions(),
                facts.sanctions(), facts.accountabilities(), facts.terms(), facts.arrears());
        assertThat(score(shuffled)).isEqualTo(score(facts));
    }

    @Test
    void aRuleChangeRecomputesTheSameFacts() {
        ScoringRules heavierStudy = new ScoringRules(2026, 2, new BigDecimal("30"), new BigDecimal("10"),
                new BigDecimal("30"), new BigDecimal("10"), new BigDecimal("5"), new BigDecimal("15"), new BigDecimal("3"),
                new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("1"),
                List.of(new BigDecimal("50"), new BigDecimal("60"), new BigDecimal("70"), new BigDecimal("80"), new BigDecimal("100")));
        BranchFacts facts = new BranchFacts(List.of(new BranchFacts.Compliance("2026-Q1", 2, 1, null, List.of())),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Scorecard card = ScoreCalculator.score("b1", "支部", "caizheng", facts, heavierStudy, MID_YEAR);
        assertThat(card.rulesVersion()).isEqualTo(2);
        assertThat(card.item(ScoreItem.COMPLIANCE).points()).isEqualByComparingTo("15");
        assertThat(card.total()).isEqualByComparingTo("30");
        assertThat(card.stars()).isZero();
    }
}

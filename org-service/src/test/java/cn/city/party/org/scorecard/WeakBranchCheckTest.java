package cn.city.party.org.scorecard;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.city.party.org.scorecard.ScoreCalculatorTest.quarter;
import static cn.city.party.org.scorecard.ScoreCalculatorTest.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** 软弱涣散基层党组织: each criterion on its own flags a branch; the limits are the year's rules. */
class WeakBranchCheckTest {

    private static final ScoringRules.WeakBranchCriteria DEFAULT = ScoringRules.WeakBranchCriteria.DEFAULT;
    private static final BranchFacts.Term WITH_SECRETARY =
            new BranchFacts.Term(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), List.of("SECRETARY"), null);

    private static BranchFacts facts(List<BranchFacts.Compliance> compliance, List<BranchFacts.Term> terms) {
        return new BranchFacts(compliance, List.of(), List.of(), List.of(), List.of(), List.of(), terms, List.of(), List.of());
    }

    private static List<WeakBranchCheck.Criterion> criteria(BranchFacts facts, boolean tooFew, LocalDate day) {
        return WeakBranchCheck.reasons(facts, DEFAULT, 2026, tooFew, day).stream()
                .map(WeakBranchCheck.Reason::criterion).toList();
    }

    @Test
    void a_branch_with_a_secretary_full_members_and_its_sittings_held_is_not_weak() {
        assertThat(criteria(facts(List.of(), List.of(WITH_SECRETARY)), false, LocalDate.of(2026, 11, 30))).isEmpty();
    }

    @Test
    void a_secretary_post_vacant_for_more_than_three_months_flags_the_branch() {
        BranchFacts.Term vacated = new BranchFacts.Term(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31),
                List.of("ORGANIZATION"), LocalDate.of(2026, 5, 10));
        BranchFacts facts = facts(List.of(), List.of(vacated));

        assertThat(criteria(facts, false, LocalDate.of(2026, 8, 10))).isEmpty();
        assertThat(criteria(facts, false, LocalDate.of(2026, 8, 11))).containsExactly(WeakBranchCheck.Criterion.SECRETARY_VACANT);
        assertThat(WeakBranchCheck.reasons(facts, DEFAULT, 2026, false, LocalDate.of(2026, 8, 11)).get(0).detail())
                .isEqualTo("2026-05-10");
    }

    @Test
    void a_term_that_ended_leaves_the_post_vacant_from_the_next_day() {
        BranchFacts.Term ended = new BranchFacts.Term(LocalDate.of(2023, 1, 1), LocalDate.of(2026, 3, 31), List.of("SECRETARY"), null);
        assertThat(WeakBranchCheck.secretaryVacantSince(facts(List.of(), List.of(ended)), 2026, LocalDate.of(2026, 9, 1)))
                .contains(LocalDate.of(2026, 4, 1));
    }

    @Test
    void two_consecutive_quarters_missed_flag_the_branch_but_two_apart_do_not() {
        BranchFacts apart = facts(List.of(
                quarter(1, "MISSED", true, null, List.of(), rule("GENERAL_MEETING", "MISSED", 0.25)),
                quarter(2, "MET", true, null, List.of(), rule("GENERAL_MEETING", "MET", 0.25)),
                quarter(3, "MISSED", true, null, List.of(), rule("GENERAL_MEETING", "MISSED", 0.25))), List.of(WITH_SECRETARY));
        assertThat(criteria(apart, false, LocalDate.of(2026, 11, 30))).isEmpty();

        BranchFacts inARow = facts(List.of(
                quarter(2, "MISSED", true, null, List.of(), rule("PARTY_LECTURE", "MISSED", 0.25)),
                quarter(3, "MISSED", true, null, List.of(), rule("GENERAL_MEETING", "MISSED", 0.25))), List.of(WITH_SECRETARY));
        List<WeakBranchCheck.Reason> reasons = WeakBranchCheck.reasons(inARow, DEFAULT, 2026, false, LocalDate.of(2026, 11, 30));
        assertThat(reasons).extracting(WeakBranchCheck.Reason::criterion).containsExactly(WeakBranchCheck.Criterion.QUARTERS_MISSED);
        assertThat(reasons.get(0).detail()).isEqualTo("2026-Q2,2026-Q3");
        assertThat(reasons.get(0).label()).isEqualTo("连续多个季度未落实组织生活");
    }

    @Test
    void a_year_closed_without_its_organizational_life_meeting_flags_the_branch() {
        BranchFacts.Compliance year = new BranchFacts.Compliance("2026", "YEAR", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), "MISSED", true, List.of(rule("ORGANIZATIONAL_LIFE_MEETING", "MISSED", 1)),
                0, null, List.of());
        assertThat(criteria(facts(List.of(year), List.of(WITH_SECRETARY)), false, LocalDate.of(2026, 12, 31)))
                .containsExactly(WeakBranchCheck.Criterion.NO_ORGANIZATIONAL_LIFE_MEETING);
    }

    @Test
    void too_few_full_members_flag_the_branch_unless_the_year_s_rules_turn_the_criterion_off() {
        BranchFacts facts = facts(List.of(), List.of(WITH_SECRETARY));
        assertThat(criteria(facts, true, LocalDate.of(2026, 11, 30))).containsExactly(WeakBranchCheck.Criterion.TOO_FEW_FULL_MEMBERS);
        assertThat(WeakBranchCheck.reasons(facts, new ScoringRules.WeakBranchCriteria(3, 2, true, false), 2026, true,
                LocalDate.of(2026, 11, 30))).isEmpty();
    }

    @Test
    void a_longer_limit_in_the_year_s_rules_spares_a_shorter_vacancy() {
        BranchFacts.Term vacated = new BranchFacts.Term(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31),
                List.of("ORGANIZATION"), LocalDate.of(2026, 5, 10));
        assertThat(WeakBranchCheck.reasons(facts(List.of(), List.of(vacated)), new ScoringRules.WeakBranchCriteria(6, 2, true, true),
                2026, false, LocalDate.of(2026, 9, 1))).isEmpty();
    }
}

package cn.city.party.org;

import cn.city.party.common.error.DomainProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static cn.city.party.org.TestRules.bracket;
import static org.assertj.core.api.Assertions.assertThat;

/** What the work committee may publish as a new version of the dues, arrears, committee, branch-size, probation and cadre rules. */
class OrgRulesTest {

    static final OrgRules DEFAULTS = TestRules.defaults();

    static List<String> fields(List<DomainProblem.Violation> violations) {
        return violations.stream().map(DomainProblem.Violation::field).toList();
    }

    static List<String> reasons(List<DomainProblem.Violation> violations) {
        return violations.stream().map(DomainProblem.Violation::code).toList();
    }

    static OrgRules.Dues employed(OrgRules.Bracket... brackets) {
        return new OrgRules.Dues(List.of(brackets), DEFAULTS.dues().retired(), new BigDecimal("0.20"));
    }

    @Test
    void the_configured_defaults_pass_every_check() {
        assertThat(DEFAULTS.dues().violations()).isEmpty();
        assertThat(DEFAULTS.arrears().violations()).isEmpty();
        assertThat(DEFAULTS.committee().violations()).isEmpty();
        assertThat(DEFAULTS.branchSize().violations()).isEmpty();
        assertThat(DEFAULTS.probation()).isEqualTo(new OrgRules.Probation(1, 12));
        assertThat(DEFAULTS.probation().violations()).isEmpty();
        assertThat(DEFAULTS.cadres().partyAffairsPercent()).isEqualByComparingTo("2");
        assertThat(DEFAULTS.cadres().violations()).isEmpty();
    }

    @Test
    void dues_brackets_rise_from_one_to_the_next() {
        var v = employed(bracket("5000", "0.5"), bracket("3000", "1"), bracket(null, "2")).violations();
        assertThat(fields(v)).containsExactly("employed[1].upTo");
        assertThat(reasons(v)).containsExactly("dues.rules.ascending");
        assertThat(employed(bracket("3000", "0.5"), bracket("3000", "1"), bracket(null, "2")).violations())
                .as("an equal limit is no bracket at all").extracting(DomainProblem.Violation::field)
                .containsExactly("employed[1].upTo");
    }

    @Test
    void only_the_last_bracket_is_open_ended() {
        assertThat(fields(employed(bracket("3000", "0.5"), bracket("10000", "1")).violations()))
                .containsExactly("employed[1].upTo");
        assertThat(fields(employed(bracket(null, "0.5"), bracket(null, "1")).violations()))
                .containsExactly("employed[0].upTo");
        assertThat(fields(employed().violations())).containsExactly("employed");
    }

    @Test
    void a_rate_is_a_percentage_from_zero_to_a_hundred_with_two_decimals_at_most() {
        assertThat(fields(employed(bracket("3000", "-0.5"), bracket(null, "2")).violations()))
                .containsExactly("employed[0].percent");
        assertThat(fields(employed(bracket("3000", "100.5"), bracket(null, "2")).violations()))
                .containsExactly("employed[0].percent");
        assertThat(fields(employed(bracket("3000", "0.125"), new OrgRules.Bracket(null, null)).violations()))
                .containsExactly("employed[0].percent", "employed[1].percent");
        assertThat(employed(bracket("3000", "0.25"), bracket(null, "0")).violations()).isEmpty();
    }

    @Test
    void the_fixed_amount_is_to_the_fen_and_not_negative() {
        assertThat(fields(new OrgRules.Dues(DEFAULTS.dues().employed(), DEFAULTS.dues().retired(),
                new BigDecimal("-0.20")).violations())).containsExactly("fixedAmount");
        assertThat(fields(new OrgRules.Dues(DEFAULTS.dues().employed(), DEFAULTS.dues().retired(),
                new BigDecimal("0.205")).violations())).containsExactly("fixedAmount");
    }

    @Test
    void the_lapse_review_comes_after_the_warning() {
        assertThat(new OrgRules.Arrears(2, 4).violations()).isEmpty();
        assertThat(fields(new OrgRules.Arrears(6, 6).violations())).containsExactly("lapseReviewMonths");
        assertThat(fields(new OrgRules.Arrears(0, 6).violations())).containsExactly("warningMonths");
    }

    @Test
    void terms_last_one_to_ten_years_and_a_committee_is_not_larger_than_its_largest_size() {
        assertThat(fields(new OrgRules.Committee(7, 3, 7, 90, 0, 3, 5, false).violations())).containsExactly("branchTermYears");
        assertThat(fields(new OrgRules.Committee(7, 5, 3, 90, 3, 3, 5, false).violations())).containsExactly("maxSize");
        assertThat(fields(new OrgRules.Committee(2, 3, 7, 90, 3, 3, 5, false).violations())).containsExactly("membersForCommittee");
        assertThat(fields(new OrgRules.Committee(7, 3, 7, 0, 3, 3, 5, false).violations())).as("a reminder window of 0 days")
                .containsExactly("reminderDays");
    }

    @Test
    void a_branch_needs_one_to_fifty_full_members_and_a_committee_is_formed_above_a_general_branch() {
        assertThat(fields(new OrgRules.BranchSize(0, 50, 100).violations())).containsExactly("minFullMembers");
        assertThat(fields(new OrgRules.BranchSize(3, 100, 50).violations())).containsExactly("committeeAbove");
        assertThat(reasons(new OrgRules.BranchSize(3, 50, 50).violations()))
                .containsExactly("organization.rules.committeeAboveGeneralBranch");
    }

    @Test
    void a_probation_lasts_one_to_three_years_and_an_extension_at_most_two_years() {
        assertThat(fields(new OrgRules.Probation(0, 12).violations())).containsExactly("years");
        assertThat(fields(new OrgRules.Probation(1, 25).violations())).containsExactly("maxExtensionMonths");
        assertThat(fields(new OrgRules.Probation(2, 6).violations())).isEmpty();
    }

    @Test
    void the_cadre_percentage_is_a_percentage_with_two_decimals_at_most() {
        assertThat(fields(new OrgRules.Cadres(new BigDecimal("-1")).violations())).containsExactly("partyAffairsPercent");
        assertThat(fields(new OrgRules.Cadres(new BigDecimal("1.255")).violations())).containsExactly("partyAffairsPercent");
        assertThat(fields(new OrgRules.Cadres(null).violations())).containsExactly("partyAffairsPercent");
        assertThat(fields(new OrgRules.Cadres(new BigDecimal("2.5")).violations())).isEmpty();
    }
}

package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.period.PeriodKind;
import cn.city.party.common.error.DomainProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The compliance rules as a kind of the rule book: its defaults, and the check a version published for the city passes. */
class ComplianceRulesTest {

    private static final Rule COMMITTEE_MONTHLY = new Rule(ActivityType.BRANCH_COMMITTEE_MEETING, 1, PeriodKind.MONTH,
            RuleScope.BRANCH, RuleCondition.NONE);

    @Test
    void the_defaults_of_the_branch_work_regulation_are_version_zero_and_pass_the_check() {
        ComplianceRules defaults = ComplianceRules.kind(7).defaults();

        assertThat(ComplianceRules.kind(7).defaultsVersion()).isZero();
        assertThat(defaults.lateEntryDays()).isEqualTo(7);
        assertThat(defaults.warningDays()).containsEntry(PeriodKind.QUARTER, 21).containsEntry(PeriodKind.YEAR, 60);
        assertThat(defaults.rules()).hasSize(9);
        assertThat(defaults.violations()).isEmpty();
    }

    @Test
    void days_weights_counts_and_misfit_scopes_are_refused_naming_the_field() {
        ComplianceRules bad = new ComplianceRules(400, Map.of(PeriodKind.MONTH, -1), 1.5, null, List.of(
                new Rule(ActivityType.PARTY_LECTURE, 0, PeriodKind.QUARTER, RuleScope.BRANCH, RuleCondition.NONE),
                new Rule(null, 1, null, RuleScope.BRANCH, RuleCondition.NONE)), null);
        assertThat(bad.violations()).extracting(DomainProblem.Violation::field).containsExactly("lateEntryDays",
                "warningDays.MONTH", "lateEntryWeight", "rules[0].minCount", "rules[1].type", "rules[1].period");

        ComplianceRules talksPerGroup = new ComplianceRules(7, null, null, null, List.of(COMMITTEE_MONTHLY,
                new Rule(ActivityType.THEME_PARTY_DAY, 1, PeriodKind.YEAR, RuleScope.MEMBER_PAIR, RuleCondition.NONE)), null);
        assertThat(talksPerGroup.violations()).extracting(DomainProblem.Violation::field).containsExactly("rules[1].scope");

        assertThat(new ComplianceRules(null, null, null, null, List.of(), null).violations())
                .extracting(DomainProblem.Violation::field).containsExactly("lateEntryDays", "rules");
    }

    @Test
    void a_request_cannot_bring_its_own_approval_of_laxer_rules_but_the_history_shows_the_recorded_one() {
        JsonMapper json = JsonMapper.builder().build();
        ComplianceRules read = json.readValue("""
                {"lateEntryDays": 7, "rules": [{"type": "BRANCH_COMMITTEE_MEETING", "minCount": 1, "period": "MONTH"}],
                 "laxerApproval": {"approvedBy": "someone", "reason": "自批", "laxerRules": ["lateEntryDays"]}}""",
                ComplianceRules.class);
        assertThat(read.laxerApproval()).isNull();
        assertThat(read.rules()).containsExactly(COMMITTEE_MONTHLY);

        ComplianceRules approved = new ComplianceRules(15, null, null, null, List.of(COMMITTEE_MONTHLY),
                new RuleSet.LaxerApproval("work-committee", Instant.parse("2026-12-01T02:00:00Z"), "工委同意",
                        List.of("lateEntryDays")));
        assertThat(json.valueToTree(approved).path("laxerApproval").path("reason").asString()).isEqualTo("工委同意");
    }
}

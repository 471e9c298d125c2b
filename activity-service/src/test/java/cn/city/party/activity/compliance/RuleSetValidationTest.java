package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.period.PeriodKind;
import cn.city.party.common.error.DomainProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleSetValidationTest {

    @Test
    void the_default_rules_are_those_of_the_branch_work_regulation_and_pass_validation() {
        RuleSetService.validate(2026, RuleSetService.defaultRules());
        assertThat(RuleSetService.defaultRules()).hasSize(9)
                .contains(new Rule(ActivityType.BRANCH_COMMITTEE_MEETING, 1, PeriodKind.MONTH, RuleScope.BRANCH, RuleCondition.NONE));
    }

    @Test
    void scopes_and_conditions_that_do_not_fit_the_activity_type_are_refused_naming_the_rule() {
        DomainProblem problem = catchThrowableOfType(DomainProblem.class, () -> RuleSetService.validate(2026, List.of(
                new Rule(ActivityType.THEME_PARTY_DAY, 1, PeriodKind.MONTH, RuleScope.BRANCH, RuleCondition.NONE),
                new Rule(ActivityType.THEME_PARTY_DAY, 1, PeriodKind.YEAR, RuleScope.MEMBER_PAIR, RuleCondition.NONE),
                new Rule(ActivityType.THEME_PARTY_DAY, 1, PeriodKind.YEAR, RuleScope.BRANCH, RuleCondition.SECRETARY_LECTURES))));
        assertThat(problem.violations()).extracting(DomainProblem.Violation::field)
                .containsExactly("rules[1].scope", "rules[2].condition");
    }
}

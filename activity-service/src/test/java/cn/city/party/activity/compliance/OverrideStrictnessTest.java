package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.period.PeriodKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OverrideStrictnessTest {

    private static final Rule COMMITTEE_MONTHLY = rule(ActivityType.BRANCH_COMMITTEE_MEETING, 1, PeriodKind.MONTH);
    private static final Rule LECTURE_QUARTERLY = rule(ActivityType.PARTY_LECTURE, 1, PeriodKind.QUARTER);
    private static final RuleSet CITY = set(7, 0.5, COMMITTEE_MONTHLY, LECTURE_QUARTERLY);

    private static Rule rule(ActivityType type, int min, PeriodKind period) {
        return new Rule(type, min, period, RuleScope.BRANCH, RuleCondition.NONE);
    }

    private static RuleSet set(int lateEntryDays, double lateWeight, Rule... rules) {
        return new RuleSet("x", "caizheng", 2026, 1, lateEntryDays, null, lateWeight, null, List.of(rules), null, null,
                null);
    }

    @Test
    void an_override_asking_more_of_every_city_rule_is_stricter() {
        assertThat(OverrideStrictness.laxities(set(3, 0.25, rule(ActivityType.BRANCH_COMMITTEE_MEETING, 2, PeriodKind.MONTH),
                LECTURE_QUARTERLY, rule(ActivityType.THEME_PARTY_DAY, 1, PeriodKind.MONTH)), CITY)).isEmpty();
    }

    @Test
    void a_monthly_lecture_is_at_least_a_quarterly_one_but_a_yearly_committee_meeting_is_not_a_monthly_one() {
        assertThat(OverrideStrictness.laxities(set(7, 0.5, COMMITTEE_MONTHLY,
                rule(ActivityType.PARTY_LECTURE, 1, PeriodKind.MONTH)), CITY)).isEmpty();
        assertThat(OverrideStrictness.laxities(set(7, 0.5, rule(ActivityType.BRANCH_COMMITTEE_MEETING, 12, PeriodKind.YEAR),
                LECTURE_QUARTERLY), CITY)).containsExactly("rules[BRANCH_COMMITTEE_MEETING/MONTH/BRANCH/NONE]");
    }

    @Test
    void a_lower_minimum_a_dropped_rule_more_late_days_or_a_heavier_late_weight_is_laxer_each_named() {
        assertThat(OverrideStrictness.laxities(set(10, 0.8, COMMITTEE_MONTHLY), CITY))
                .containsExactly("rules[PARTY_LECTURE/QUARTER/BRANCH/NONE]", "lateEntryDays", "lateEntryWeight");
        RuleSet twoLectures = set(7, 0.5, COMMITTEE_MONTHLY, rule(ActivityType.PARTY_LECTURE, 2, PeriodKind.QUARTER));
        assertThat(OverrideStrictness.laxities(set(7, 0.5, COMMITTEE_MONTHLY, LECTURE_QUARTERLY), twoLectures))
                .containsExactly("rules[PARTY_LECTURE/QUARTER/BRANCH/NONE]");
    }
}

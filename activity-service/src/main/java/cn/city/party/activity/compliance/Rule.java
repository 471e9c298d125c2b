package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.period.PeriodKind;

/** At least {@code minCount} activities of {@code type} per {@code period} for each unit of {@code scope}. */
public record Rule(ActivityType type, int minCount, PeriodKind period, RuleScope scope, RuleCondition condition) {

    public Rule {
        condition = condition == null ? RuleCondition.NONE : condition;
        scope = scope == null ? RuleScope.BRANCH : scope;
    }

    /** Talks are judged per year whatever period is written, as the regulation counts them per year. */
    public PeriodKind effectivePeriod() {
        return scope == RuleScope.MEMBER_PAIR ? PeriodKind.YEAR : period;
    }
}

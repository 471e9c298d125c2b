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

    /** Stable name of the rule across periods and versions: {@code TYPE/PERIOD/SCOPE/CONDITION}. */
    public String key() {
        return String.join("/", type.name(), effectivePeriod().name(), scope.name(), condition.name());
    }

    /**
     * Whether meeting this rule always meets {@code other}: same type, scope and condition, a period no longer
     * (periods nest: 1, 3, 6, 12 months), and at least as many sittings over {@code other}'s period.
     */
    public boolean atLeastAsStrictAs(Rule other) {
        int theirs = other.effectivePeriod().months();
        int ours = effectivePeriod().months();
        return type == other.type && scope == other.scope && condition == other.condition && ours <= theirs
                && (long) minCount * (theirs / ours) >= other.minCount;
    }
}

package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.period.PeriodKind;
import cn.city.party.common.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 合规评估: a branch's compliance for a period changed (the input of the branch scorecard). docs/events.md. */
public final class ComplianceEvents {

    public static final String TOPIC = "party.activity.compliance";
    /** The year and its quarters, each judging every rule (summing them counts a rule twice): kept until consumers moved. */
    public static final EventType EVALUATED = new EventType(TOPIC + ".evaluated", 1, TOPIC);
    /** One period, only the rules judged per that period's kind, frozen once the period is closed. */
    public static final EventType PERIOD_EVALUATED = new EventType(TOPIC + ".evaluated", 2, TOPIC);

    private ComplianceEvents() {
    }

    public record EvaluatedData(String department, String branchId, int year, String period, int rulesTotal,
                                int rulesMet, int rulesMissed, Double attendanceRate, Double lateEntryShare,
                                Double multiPurposeShare, Double minutesPresentShare, List<String> activityIds) {
    }

    /** {@code compliance.evaluated.v2}: one period of one branch. */
    public record PeriodData(String department, String branchId, int year, PeriodKind periodKind, String period,
                             LocalDate periodStart, LocalDate periodEnd, RuleStatus status, boolean frozen,
                             Instant evaluatedAt, int ruleSetVersion, int rulesInYear, List<RuleData> rules,
                             ComplianceEvaluator.Quality quality, List<String> activityIds) {

        /** The same result evaluated at another time: nothing to announce. */
        boolean sameResultAs(PeriodData other) {
            return other != null && equals(new PeriodData(other.department, other.branchId, other.year,
                    other.periodKind, other.period, other.periodStart, other.periodEnd, other.status, other.frozen,
                    evaluatedAt, other.ruleSetVersion, other.rulesInYear, other.rules, other.quality, other.activityIds));
        }
    }

    /** One rule in the period: {@code weight} is the period's share of the rule's year (1/12, 1/4, 1/2, 1). */
    public record RuleData(String ruleId, ActivityType type, RuleScope scope, RuleCondition condition,
                           RuleStatus status, int required, double met, int held, double score, double weight) {
    }
}

package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.period.Period;
import cn.city.party.activity.period.PeriodKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 分期评估: a branch's year as the periods its rules are judged in. Each rule is judged only in the periods of its
 * own kind (支委会 in months, 党课 in quarters, 组织生活会 in the year), so the year combined from its periods counts
 * no rule twice. A period is judged from its first day; it is frozen once it closed and the late-entry days after
 * its close have passed (docs/compliance.md).
 */
public final class PeriodResults {

    private PeriodResults() {
    }

    /** The results of every period of {@code year} that has begun by {@code now}, in calendar order. */
    public static List<ComplianceEvents.PeriodData> of(RuleSet set, Figures figures, List<Activity> activities,
                                                      String department, String branchId, int year, Instant now) {
        List<ComplianceEvents.PeriodData> results = new ArrayList<>();
        for (PeriodKind kind : PeriodKind.values()) {
            List<Rule> rules = set.rules().stream().filter(r -> r.effectivePeriod() == kind).toList();
            if (rules.isEmpty()) {
                continue;
            }
            for (Period period : Period.year(year).split(kind)) {
                if (period.hasStarted(now)) {
                    results.add(judge(set, rules, figures, activities, department, branchId, period, now));
                }
            }
        }
        results.sort(Comparator.comparing((ComplianceEvents.PeriodData d) -> Period.parse(d.period()).orElseThrow())
                .thenComparing(d -> d.periodKind().months()));
        return results;
    }

    /** Frozen from the close plus the late-entry days: the last moment an on-time record of its last day arrives. */
    public static boolean frozen(Period period, RuleSet set, Instant now) {
        return !now.isBefore(period.end().plus(Duration.ofDays(set.lateEntryDays())));
    }

    private static ComplianceEvents.PeriodData judge(RuleSet set, List<Rule> rules, Figures figures,
                                                     List<Activity> activities, String department, String branchId,
                                                     Period period, Instant now) {
        ComplianceEvaluator.Evaluation evaluation = ComplianceEvaluator.evaluate(set, rules, figures, period, now);
        double weight = ComplianceEvaluator.round(1.0 / period.kind().perYear());
        List<ComplianceEvents.RuleData> data = evaluation.rules().stream().map(r -> new ComplianceEvents.RuleData(
                r.rule().key(), r.rule().type(), r.rule().scope(), r.rule().condition(), r.status(), r.required(),
                r.met(), r.held(), r.score(), weight)).toList();
        RuleStatus status = ComplianceEvaluator.mostSevere(evaluation.rules().stream()
                .map(ComplianceEvaluator.RuleResult::status));
        List<String> ids = activities.stream().filter(Activity::happened).filter(a -> period.contains(a.occursAt()))
                .map(Activity::id).sorted().toList();
        return new ComplianceEvents.PeriodData(department, branchId, period.year(), period.kind(), period.toString(),
                period.firstDay(), period.lastDay(), status, frozen(period, set, now), now, set.version(),
                set.rules().size(), data, evaluation.quality(), ids);
    }
}

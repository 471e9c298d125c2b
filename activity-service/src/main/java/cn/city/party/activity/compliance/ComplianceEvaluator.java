package cn.city.party.activity.compliance;

import cn.city.party.activity.period.Period;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Judges a branch's figures against a rule set for a period, as of an instant. A rule whose own period is shorter
 * than the one asked about is judged in each of its periods inside it (支委会 monthly, seen for a quarter: three
 * months); a longer one is judged on the period that contains it (党课 quarterly, seen for a month: its quarter).
 */
public final class ComplianceEvaluator {

    private ComplianceEvaluator() {
    }

    /** One rule in one of its periods, for the branch or one of its Party groups ({@code unit}). */
    public record PartResult(String period, String unit, int count, int required, RuleStatus status) {
    }

    public record RuleResult(Rule rule, RuleStatus status, List<PartResult> parts) {
    }

    /**
     * The quality indicators of the sittings in the period; each is null when there is nothing to divide by.
     * {@code attendanceRate}: present among recorded attendance; the shares are among sittings.
     */
    public record Quality(int sittings, Double attendanceRate, Double lateEntryShare, Double multiPurposeShare,
                          Double minutesPresentShare) {
    }

    public record Evaluation(String period, List<RuleResult> rules, Quality quality) {

        public long count(RuleStatus status) {
            return rules.stream().filter(r -> r.status() == status).count();
        }
    }

    public static Evaluation evaluate(List<Rule> rules, Figures figures, Period period, Instant now, int atRiskDays) {
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : rules) {
            results.add(evaluate(rule, figures, period, now, atRiskDays));
        }
        return new Evaluation(period.toString(), results, quality(figures, period));
    }

    static RuleResult evaluate(Rule rule, Figures figures, Period period, Instant now, int atRiskDays) {
        List<PartResult> parts = new ArrayList<>();
        for (Period part : period.split(rule.effectivePeriod())) {
            switch (rule.scope()) {
                case BRANCH -> {
                    ToIntFunction<MonthFigures> counter = rule.condition() == RuleCondition.SECRETARY_LECTURES
                            ? MonthFigures::secretaryLectures : m -> m.count(rule.type().name());
                    parts.add(part(part, null, sum(figures, part, counter), rule.minCount(), now, atRiskDays));
                }
                case PARTY_GROUP -> {
                    for (String group : figures.groups()) {
                        parts.add(part(part, group, sum(figures, part, m -> m.groupCount(group)), rule.minCount(), now,
                                atRiskDays));
                    }
                }
                case MEMBER_PAIR -> {
                    int covered = (int) figures.requiredTalkPairs().stream()
                            .filter(p -> figures.talkPairCounts().getOrDefault(p, 0) >= rule.minCount()).count();
                    parts.add(part(part, null, covered, figures.requiredTalkPairs().size(), now, atRiskDays));
                }
            }
        }
        return new RuleResult(rule, combine(parts), parts);
    }

    /** The status of one rule in one period: met once the count is reached, whatever the date. */
    static RuleStatus status(int count, int required, Period period, Instant now, int atRiskDays) {
        if (count >= required) {
            return RuleStatus.MET;
        }
        if (!period.hasStarted(now)) {
            return RuleStatus.UPCOMING;
        }
        if (period.hasEnded(now)) {
            return RuleStatus.MISSED;
        }
        return period.daysLeft(now) <= atRiskDays ? RuleStatus.AT_RISK : RuleStatus.OPEN;
    }

    /** The most severe part decides; a rule with nothing to judge (no Party groups) is met. */
    static RuleStatus combine(List<PartResult> parts) {
        return parts.stream().map(PartResult::status).min(Comparator.naturalOrder()).orElse(RuleStatus.MET);
    }

    private static PartResult part(Period part, String unit, int count, int required, Instant now, int atRiskDays) {
        return new PartResult(part.toString(), unit, count, required, status(count, required, part, now, atRiskDays));
    }

    private static int sum(Figures figures, Period period, ToIntFunction<MonthFigures> counter) {
        int total = 0;
        for (int m = period.firstMonth(); m <= period.lastMonth(); m++) {
            total += counter.applyAsInt(figures.month(m));
        }
        return total;
    }

    static Quality quality(Figures figures, Period period) {
        int sittings = sum(figures, period, MonthFigures::sittings);
        int recorded = sum(figures, period, MonthFigures::attendanceRecorded);
        return new Quality(sittings,
                share(sum(figures, period, MonthFigures::attendancePresent), recorded),
                share(sum(figures, period, MonthFigures::lateEntries), sittings),
                share(sum(figures, period, MonthFigures::multiPurpose), sittings),
                share(sum(figures, period, MonthFigures::withMinutes), sittings));
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
    }
}

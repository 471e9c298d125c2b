package cn.city.party.activity.compliance;

import cn.city.party.activity.period.Period;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Judges a branch's figures against a rule set for a period, as of an instant. A rule whose own period is shorter
 * than the one asked about is judged in each of its periods inside it (支委会 monthly, seen for a quarter: three
 * months); a longer one is judged on the period that contains it (党课 quarterly, seen for a month: its quarter).
 */
public final class ComplianceEvaluator {

    private ComplianceEvaluator() {
    }

    /**
     * One rule in one of its periods, for the branch or one of its Party groups ({@code unit}): the weighted
     * {@code count} against {@code required}, and the plain number of sittings {@code held}.
     */
    public record PartResult(String period, String unit, double count, int required, int held, RuleStatus status) {

        /** The count that earns credit: never more than the minimum, so a surplus in one unit pays for no other. */
        double credited() {
            return Math.min(count, required);
        }
    }

    /**
     * A rule over the periods judged: {@code met} the credited weighted count, {@code required} the minimum summed
     * over the parts, {@code score} = met ÷ required (1 when nothing is required).
     */
    public record RuleResult(Rule rule, RuleStatus status, List<PartResult> parts) {

        public double met() {
            return round(parts.stream().mapToDouble(PartResult::credited).sum());
        }

        public int required() {
            return parts.stream().mapToInt(PartResult::required).sum();
        }

        public int held() {
            return parts.stream().mapToInt(PartResult::held).sum();
        }

        public double score() {
            return required() == 0 ? 1.0 : round(met() / required());
        }
    }

    /**
     * The quality indicators of the sittings in the period; each is null when there is nothing to divide by.
     * {@code attendanceRate}: present among the members expected (the roster of each sitting's day, less the
     * excused); the shares are among sittings.
     */
    public record Quality(int sittings, Double attendanceRate, Double lateEntryShare, Double multiPurposeShare,
                          Double minutesPresentShare) {
    }

    public record Evaluation(String period, List<RuleResult> rules, Quality quality) {

        public long count(RuleStatus status) {
            return rules.stream().filter(r -> r.status() == status).count();
        }
    }

    public static Evaluation evaluate(RuleSet set, Figures figures, Period period, Instant now) {
        return evaluate(set, set.rules(), figures, period, now);
    }

    /** Only {@code rules} (of {@code set}, whose warning windows apply). */
    public static Evaluation evaluate(RuleSet set, List<Rule> rules, Figures figures, Period period, Instant now) {
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : rules) {
            results.add(evaluate(rule, figures, period, now, set));
        }
        return new Evaluation(period.toString(), results, quality(figures, period));
    }

    static RuleResult evaluate(Rule rule, Figures figures, Period period, Instant now, RuleSet set) {
        List<PartResult> parts = new ArrayList<>();
        String type = rule.type().name();
        for (Period part : period.split(rule.effectivePeriod())) {
            int held = (int) sum(figures, part, m -> m.held(type));
            switch (rule.scope()) {
                case BRANCH -> {
                    ToDoubleFunction<MonthFigures> counter = rule.condition() == RuleCondition.SECRETARY_LECTURES
                            ? MonthFigures::secretaryLectures : m -> m.count(type);
                    parts.add(part(part, null, sum(figures, part, counter), rule.minCount(), held, now, set));
                }
                case PARTY_GROUP -> {
                    for (String group : figures.groups()) {
                        parts.add(part(part, group, sum(figures, part, m -> m.groupCount(group)), rule.minCount(), held,
                                now, set));
                    }
                }
                case MEMBER_PAIR -> {
                    // each pair's talks count up to the minimum: many talks with one member make up for no other
                    double covered = figures.requiredTalkPairs().stream()
                            .mapToDouble(p -> Math.min(rule.minCount(), figures.talkPairCounts().getOrDefault(p, 0.0)))
                            .sum();
                    int required = figures.requiredTalkPairs().size() * rule.minCount();
                    parts.add(part(part, null, covered, required, held, now, set));
                }
            }
        }
        return new RuleResult(rule, mostSevere(parts.stream().map(PartResult::status)), parts);
    }

    /**
     * The status of one rule in one period: met once the weighted count reaches the minimum, whatever the date;
     * otherwise by the date and the period kind's warning window.
     */
    static RuleStatus status(double count, int required, Period period, Instant now, int warningDays) {
        if (count >= required) {
            return RuleStatus.MET;
        }
        if (!period.hasStarted(now)) {
            return RuleStatus.UPCOMING;
        }
        if (period.hasEnded(now)) {
            return RuleStatus.MISSED;
        }
        return period.daysLeft(now) <= warningDays ? RuleStatus.AT_RISK : RuleStatus.ON_TRACK;
    }

    /** The most severe decides; nothing to judge (a rule per Party group in a branch without any) is met. */
    static RuleStatus mostSevere(java.util.stream.Stream<RuleStatus> statuses) {
        return statuses.min(Comparator.naturalOrder()).orElse(RuleStatus.MET);
    }

    private static PartResult part(Period part, String unit, double count, int required, int held, Instant now,
                                   RuleSet set) {
        double rounded = round(count);
        return new PartResult(part.toString(), unit, rounded, required, held,
                status(rounded, required, part, now, set.warningDays(part.kind())));
    }

    private static double sum(Figures figures, Period period, ToDoubleFunction<MonthFigures> counter) {
        double total = 0;
        for (int m = period.firstMonth(); m <= period.lastMonth(); m++) {
            total += counter.applyAsDouble(figures.month(m));
        }
        return total;
    }

    static double round(double value) {
        return Math.round(value * 10000.0) / 10000.0;
    }

    static Quality quality(Figures figures, Period period) {
        double sittings = sum(figures, period, MonthFigures::sittings);
        double expected = sum(figures, period, MonthFigures::attendanceExpected);
        return new Quality((int) sittings,
                share(sum(figures, period, MonthFigures::attendancePresent), expected),
                share(sum(figures, period, MonthFigures::lateEntries), sittings),
                share(sum(figures, period, MonthFigures::multiPurpose), sittings),
                share(sum(figures, period, MonthFigures::withMinutes), sittings));
    }

    private static Double share(double part, double whole) {
        return whole == 0 ? null : round(part / whole);
    }
}

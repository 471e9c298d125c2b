package cn.city.party.org.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes a scorecard from a branch's facts and the year's rules. Pure: the same facts and rules always give the
 * same scorecard, so replaying the events or changing the rules recomputes it.
 */
public final class ScoreCalculator {

    /** Period kinds from the finest: the finest one present splits the year's sittings without overlap. */
    private static final List<String> PERIOD_KINDS = List.of("MONTH", "QUARTER", "HALF_YEAR", "YEAR");
    /** Statuses of a period under way that are on plan: not scored as failing while time is left. */
    private static final Set<String> ON_PLAN = Set.of("MET", "ON_TRACK", "UPCOMING");

    private ScoreCalculator() {
    }

    /**
     * The branch's roll as org-service holds it today.
     *
     * @param members           its members (probationary and full)
     * @param known             every member id org-service holds among those study-service reported (on this roll,
     *                          another branch's, or off every roll: transferred, expelled…)
     * @param tooFewFullMembers below the org rules' minimum of full members
     */
    public record Roll(Set<String> members, Set<String> known, boolean tooFewFullMembers) {
        public Roll {
            members = Set.copyOf(members);
            known = Set.copyOf(known);
        }
    }

    /**
     * @param referenceDate the day organization health is judged on: the last day of a past year, today in the
     *                      current year
     */
    public static Scorecard score(String branchId, String branchName, String department, BranchFacts facts,
                                  Roll roll, ScoringRules.OfYear ofYear, LocalDate referenceDate) {
        ScoringRules rules = ofYear.rules();
        List<Scorecard.Item> items = new ArrayList<>();
        items.add(compliance(facts, rules, referenceDate));
        items.add(quality(facts, rules));
        items.add(study(facts, roll, rules));
        Optional<BranchFacts.Term> term = facts.terms().stream().filter(t -> t.covers(referenceDate))
                .max(Comparator.comparing(BranchFacts.Term::termStart));
        items.add(termOnTime(term, rules, referenceDate));
        items.add(committeeComplete(term, rules));
        items.add(dues(facts, rules));
        items.add(sanctions(facts, rules));
        items.add(accountability(facts, rules));
        items.add(lateEntry(facts, rules));
        BigDecimal sum = items.stream().map(Scorecard.Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = round(sum.max(BigDecimal.ZERO));
        List<WeakBranchCheck.Reason> weak = WeakBranchCheck.reasons(facts, rules.weakBranch(), ofYear.year(),
                roll.tooFewFullMembers(), referenceDate);
        return new Scorecard(branchId, branchName, department, ofYear.year(), ofYear.version(), items, total,
                round(rules.maxTotal()), rules.stars(total), !weak.isEmpty(), weak, facts.corrections().stream()
                .sorted(Comparator.comparing(BranchFacts.Correction::approvedAt)
                        .thenComparing(BranchFacts.Correction::correctionId)).toList(), Scorecard.Assessment.OPEN);
    }

    /**
     * 组织生活落实: each rule's periods as activity-service judged them. A closed period counts {@code weight × score};
     * the period under way counts for the part of it already elapsed, in full while it is on plan ({@code ON_TRACK}
     * or met) and at its score so far when at risk; periods not begun count nothing. The points are the weight times
     * what was earned over what could have been earned by the reference date, so a branch on track mid-year is not
     * scored as failing, and a rule is never counted twice (each rule is judged only in periods of its own kind).
     */
    private static Scorecard.Item compliance(BranchFacts facts, ScoringRules rules, LocalDate day) {
        double earned = 0;
        double expected = 0;
        List<String> missed = new ArrayList<>();
        for (BranchFacts.Compliance p : facts.compliance()) {
            if (p.periodStart() == null || p.periodEnd() == null || !p.frozen() && p.periodStart().isAfter(day)) {
                continue;
            }
            boolean closed = p.frozen() || p.periodEnd().isBefore(day);
            double elapsed = closed ? 1 : (double) (ChronoUnit.DAYS.between(p.periodStart(), day) + 1)
                    / (ChronoUnit.DAYS.between(p.periodStart(), p.periodEnd()) + 1);
            for (BranchFacts.RuleResult r : p.rules()) {
                double credit = closed || !ON_PLAN.contains(r.status()) ? r.score() : 1;
                expected += r.weight() * elapsed;
                earned += r.weight() * elapsed * credit;
                if ("MISSED".equals(r.status())) {
                    missed.add(p.period() + ":" + r.type());
                }
            }
        }
        BigDecimal points = expected == 0 ? BigDecimal.ZERO
                : rules.complianceWeight().multiply(BigDecimal.valueOf(earned / expected));
        String basis = decimal(earned) + "/" + decimal(expected);
        return item(ScoreItem.COMPLIANCE, points, rules.complianceWeight(), basis, evidence(
                "periods", facts.compliance().stream().map(BranchFacts.Compliance::period).sorted().toList(),
                "missed", missed.stream().sorted().toList(),
                "activities", facts.compliance().stream().flatMap(c -> c.activityIds().stream()).distinct().sorted().toList()));
    }

    /** 组织生活质量: attendance over the sittings of the year (periods of the finest kind, weighted by sittings). */
    private static Scorecard.Item quality(BranchFacts facts, ScoringRules rules) {
        Optional<String> finest = PERIOD_KINDS.stream().filter(k -> facts.compliance().stream()
                .anyMatch(p -> k.equals(p.periodKind()) && p.attendanceRate() != null && p.sittings() > 0)).findFirst();
        List<BranchFacts.Compliance> rated = facts.compliance().stream().filter(p -> finest.isPresent()
                && finest.get().equals(p.periodKind()) && p.attendanceRate() != null && p.sittings() > 0).toList();
        int sittings = rated.stream().mapToInt(BranchFacts.Compliance::sittings).sum();
        double present = rated.stream().mapToDouble(p -> p.attendanceRate() * p.sittings()).sum();
        BigDecimal rate = sittings == 0 ? null : BigDecimal.valueOf(present / sittings);
        BigDecimal points = rate == null ? BigDecimal.ZERO : rules.qualityWeight().multiply(rate);
        String basis = rate == null ? "-" : rate.setScale(4, RoundingMode.HALF_UP).toPlainString();
        return item(ScoreItem.QUALITY, points, rules.qualityWeight(), basis,
                evidence("periods", rated.stream().map(BranchFacts.Compliance::period).sorted().toList()));
    }

    /**
     * 学习教育: members who completed all their required study over the branch's members — its roll, so that a member
     * who never studied counts as zero — and anyone study-service reported for the branch whom org-service does not
     * hold; a member who left the roll (transferred, expelled) no longer counts here.
     */
    private static Scorecard.Item study(BranchFacts facts, Roll roll, ScoringRules rules) {
        Set<String> members = new TreeSet<>(roll.members());
        facts.credits().stream().map(BranchFacts.Credits::memberId).filter(m -> !roll.known().contains(m))
                .forEach(members::add);
        List<String> done = facts.credits().stream().filter(BranchFacts.Credits::requiredDone)
                .map(BranchFacts.Credits::memberId).filter(members::contains).distinct().sorted().toList();
        List<String> notDone = members.stream().filter(m -> !done.contains(m)).toList();
        BigDecimal points = members.isEmpty() ? BigDecimal.ZERO : share(rules.studyWeight(), done.size(), members.size());
        List<String> materials = facts.completions().stream().filter(BranchFacts.Completion::required)
                .map(c -> c.memberId() + ":" + c.materialId()).sorted().toList();
        return item(ScoreItem.STUDY, points, rules.studyWeight(), done.size() + "/" + members.size(), evidence(
                "membersCompleted", done, "membersIncomplete", notDone, "requiredCompletions", materials));
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Scorecard.Item termOnTime(Optional<BranchFacts.Term> term, ScoringRules rules, LocalDate day) {
        return item(ScoreItem.TERM_ON_TIME, term.isPresent() ? rules.termOnTimeWeight() : BigDecimal.ZERO,
                rules.termOnTimeWeight(), term.map(t -> t.termStart() + "~" + t.termEnd()).orElse("-"),
                evidence("terms", term.map(t -> List.of(t.termStart() + "~" + t.termEnd())).orElse(List.of()),
                        "referenceDate", List.of(day.toString())));
    }

    private static Scorecard.Item committeeComplete(Optional<BranchFacts.Term> term, ScoringRules rules) {
        boolean complete = term.map(BranchFacts.Term::hasSecretary).orElse(false);
        return item(ScoreItem.COMMITTEE_COMPLETE, complete ? rules.committeeCompleteWeight() : BigDecimal.ZERO,
                rules.committeeCompleteWeight(), complete ? "SECRETARY" : "-",
                evidence("posts", term.map(BranchFacts.Term::posts).orElse(List.of())));
    }

    private static Scorecard.Item dues(BranchFacts facts, ScoringRules rules) {
        List<String> flagged = facts.arrears().stream().map(BranchFacts.Arrears::memberId).distinct().sorted().toList();
        BigDecimal points = rules.duesWeight().subtract(rules.duesArrearsDeduction().multiply(BigDecimal.valueOf(flagged.size())))
                .max(BigDecimal.ZERO);
        return item(ScoreItem.DUES, points, rules.duesWeight(), String.valueOf(flagged.size()),
                evidence("membersInArrears", flagged));
    }

    private static Scorecard.Item sanctions(BranchFacts facts, ScoringRules rules) {
        List<String> counted = facts.sanctions().stream().filter(s -> !s.revoked())
                .map(BranchFacts.Sanction::sanctionId).sorted().toList();
        List<String> revoked = facts.sanctions().stream().filter(BranchFacts.Sanction::revoked)
                .map(BranchFacts.Sanction::sanctionId).sorted().toList();
        return deduction(ScoreItem.SANCTIONS, rules.sanctionDeduction(), counted, evidence("sanctions", counted, "revoked", revoked));
    }

    private static Scorecard.Item accountability(BranchFacts facts, ScoringRules rules) {
        List<String> ids = facts.accountabilities().stream().map(BranchFacts.Accountability::accountabilityId).sorted().toList();
        return deduction(ScoreItem.ACCOUNTABILITY, rules.accountabilityDeduction(), ids, evidence("accountabilities", ids));
    }

    private static Scorecard.Item lateEntry(BranchFacts facts, ScoringRules rules) {
        List<String> ids = facts.activities().stream().filter(a -> a.lateEntry() && !a.cancelled())
                .map(BranchFacts.Activity::activityId).sorted().toList();
        return deduction(ScoreItem.LATE_ENTRY, rules.lateEntryDeduction(), ids, evidence("activities", ids));
    }

    private static Scorecard.Item deduction(ScoreItem which, BigDecimal each, List<String> ids, Map<String, List<String>> facts) {
        return item(which, each.multiply(BigDecimal.valueOf(ids.size())).negate(), BigDecimal.ZERO,
                String.valueOf(ids.size()), facts);
    }

    private static BigDecimal share(BigDecimal weight, int part, int whole) {
        return weight.multiply(BigDecimal.valueOf(part)).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static Scorecard.Item item(ScoreItem which, BigDecimal points, BigDecimal max, String basis,
                                       Map<String, List<String>> facts) {
        return new Scorecard.Item(which, round(points), round(max), basis, facts);
    }

    private static Map<String, List<String>> evidence(Object... kindsAndIds) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < kindsAndIds.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> ids = (List<String>) kindsAndIds[i + 1];
            map.put((String) kindsAndIds[i], ids);
        }
        return map;
    }

    private static BigDecimal round(BigDecimal value) {
        BigDecimal r = value.setScale(2, RoundingMode.HALF_UP);
        return r.signum() == 0 ? BigDecimal.ZERO.setScale(2) : r;
    }
}

package cn.city.party.org.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Computes a scorecard from a branch's facts and the year's rules. Pure: the same facts and rules always give the
 * same scorecard, so replaying the events or changing the rules recomputes it.
 */
public final class ScoreCalculator {

    private ScoreCalculator() {
    }

    /**
     * @param referenceDate the day organization health is judged on: the last day of a past year, today in the
     *                      current year
     */
    public static Scorecard score(String branchId, String branchName, String department, BranchFacts facts,
                                  ScoringRules rules, LocalDate referenceDate) {
        List<Scorecard.Item> items = new ArrayList<>();
        items.add(compliance(facts, rules));
        items.add(quality(facts, rules));
        items.add(study(facts, rules));
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
        return new Scorecard(branchId, branchName, department, rules.year(), rules.version(), List.copyOf(items), total,
                round(rules.maxTotal()), rules.stars(total));
    }

    private static Scorecard.Item compliance(BranchFacts facts, ScoringRules rules) {
        int total = facts.compliance().stream().mapToInt(BranchFacts.Compliance::rulesTotal).sum();
        int met = facts.compliance().stream().mapToInt(BranchFacts.Compliance::rulesMet).sum();
        BigDecimal points = total == 0 ? BigDecimal.ZERO : share(rules.complianceWeight(), met, total);
        return item(ScoreItem.COMPLIANCE, points, rules.complianceWeight(), met + "/" + total, evidence(
                "periods", facts.compliance().stream().map(BranchFacts.Compliance::period).sorted().toList(),
                "activities", facts.compliance().stream().flatMap(c -> c.activityIds().stream()).distinct().sorted().toList()));
    }

    private static Scorecard.Item quality(BranchFacts facts, ScoringRules rules) {
        List<BranchFacts.Compliance> rated = facts.compliance().stream().filter(c -> c.attendanceRate() != null).toList();
        OptionalDouble mean = rated.stream().mapToDouble(BranchFacts.Compliance::attendanceRate).average();
        BigDecimal points = mean.isPresent()
                ? rules.qualityWeight().multiply(BigDecimal.valueOf(mean.getAsDouble())) : BigDecimal.ZERO;
        String basis = mean.isPresent() ? BigDecimal.valueOf(mean.getAsDouble()).setScale(4, RoundingMode.HALF_UP).toPlainString() : "-";
        return item(ScoreItem.QUALITY, points, rules.qualityWeight(), basis,
                evidence("periods", rated.stream().map(BranchFacts.Compliance::period).sorted().toList()));
    }

    private static Scorecard.Item study(BranchFacts facts, ScoringRules rules) {
        List<String> done = facts.credits().stream().filter(BranchFacts.Credits::requiredDone)
                .map(BranchFacts.Credits::memberId).sorted().toList();
        List<String> notDone = facts.credits().stream().filter(c -> !c.requiredDone())
                .map(BranchFacts.Credits::memberId).sorted().toList();
        int members = facts.credits().size();
        BigDecimal points = members == 0 ? BigDecimal.ZERO : share(rules.studyWeight(), done.size(), members);
        List<String> materials = facts.completions().stream().filter(BranchFacts.Completion::required)
                .map(c -> c.memberId() + ":" + c.materialId()).sorted().toList();
        return item(ScoreItem.STUDY, points, rules.studyWeight(), done.size() + "/" + members, evidence(
                "membersCompleted", done, "membersIncomplete", notDone, "requiredCompletions", materials));
    }

    private static Scorecard.Item termOnTime(Optional<BranchFacts.Term> term, ScoringRules rules, LocalDate day) {
        return item(ScoreItem.TERM_ON_TIME, term.isPresent() ? rules.termOnTimeWeight() : BigDecimal.ZERO,
                rules.termOnTimeWeight(), term.map(t -> t.termStart() + "~" + t.termEnd()).orElse("-"),
                evidence("terms", term.map(t -> List.of(t.termStart() + "~" + t.termEnd())).orElse(List.of()),
                        "referenceDate", List.of(day.toString())));
    }

    private static Scorecard.Item committeeComplete(Optional<BranchFacts.Term> term, ScoringRules rules) {
        boolean complete = term.map(t -> t.posts().contains("SECRETARY")).orElse(false);
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

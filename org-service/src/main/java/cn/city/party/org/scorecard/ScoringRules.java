package cn.city.party.org.scorecard;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.rules.RuleVersion;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The work committee's scoring rules of one assessment year (考核细则): the points each item is worth, the deductions,
 * and the minimum total for one to five stars (星级党组织). They are kind {@code scoring} of the rule book
 * (docs/rules.md), versioned per year; version 0 is the city default that applies while none was set.
 *
 * @param complianceWeight        组织生活落实: worth this much when every required sitting of every period was held
 * @param qualityWeight           组织生活质量: times the mean attendance rate of the evaluated periods
 * @param studyWeight             学习教育: times the share of members who completed all their required study
 * @param termOnTimeWeight        按期换届: the branch's committee term covers the reference date
 * @param committeeCompleteWeight 班子健全: that term has a secretary
 * @param duesWeight              党费收缴: less {@code duesArrearsDeduction} per member flagged in arrears in the year
 * @param duesArrearsDeduction    per member flagged in arrears
 * @param sanctionDeduction       per sanction (not revoked) of a member of the branch decided in the year
 * @param accountabilityDeduction per accountability decision against the branch in the year
 * @param lateEntryDeduction      per sitting entered late (补录)
 * @param starThresholds          five ascending minimum totals for 1…5 stars
 * @param weakBranch              the criteria of a weak and lax branch (软弱涣散); the defaults when not set
 */
public record ScoringRules(BigDecimal complianceWeight, BigDecimal qualityWeight,
                           BigDecimal studyWeight, BigDecimal termOnTimeWeight, BigDecimal committeeCompleteWeight,
                           BigDecimal duesWeight, BigDecimal duesArrearsDeduction, BigDecimal sanctionDeduction,
                           BigDecimal accountabilityDeduction, BigDecimal lateEntryDeduction,
                           List<BigDecimal> starThresholds, WeakBranchCriteria weakBranch) {

    public static final int STARS = 5;
    public static final String KIND = "scoring";

    /** The kind of the rule book: the city default is version 0 of every year (as before the rule book), then 1, 2… */
    public static final RuleKind<ScoringRules> RULE_KIND = new RuleKind<>(KIND, ScoringRules.class, cityDefault(),
            ScoringRules::violations, 0);

    public ScoringRules {
        starThresholds = starThresholds == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(starThresholds));
        weakBranch = weakBranch == null ? WeakBranchCriteria.DEFAULT : weakBranch;
    }

    /**
     * 软弱涣散基层党组织 criteria (each one flags the branch on its own).
     *
     * @param secretaryVacantMonths      the secretary post vacant for more than this many months (3)
     * @param consecutiveQuartersMissed  this many quarters in a row with a quarterly rule missed (2)
     * @param organizationalLifeMeeting  flag a year closed without its 组织生活会 (true)
     * @param tooFewFullMembers          flag a branch below the minimum of full members of the org rules (true)
     */
    public record WeakBranchCriteria(int secretaryVacantMonths, int consecutiveQuartersMissed,
                                     boolean organizationalLifeMeeting, boolean tooFewFullMembers) {
        public static final WeakBranchCriteria DEFAULT = new WeakBranchCriteria(3, 2, true, true);
    }

    /**
     * The rules of a year as the scorecards use and the scoring endpoint shows them: the year, the version in force
     * and its rules.
     */
    public record OfYear(int year, int version, @JsonUnwrapped ScoringRules rules) {

        public static OfYear of(RuleVersion version) {
            return new OfYear(version.year(), version.version(), (ScoringRules) version.values());
        }
    }

    /** The city default: 100 points in all, stars from 60, 70, 80, 90 and 95 points. */
    public static ScoringRules cityDefault() {
        return new ScoringRules(bd(35), bd(10), bd(25), bd(10), bd(5), bd(15), bd(3), bd(5), bd(10), bd(1),
                List.of(bd(60), bd(70), bd(80), bd(90), bd(95)), WeakBranchCriteria.DEFAULT);
    }

    /** The most a branch can reach: every weight in full, no deduction. */
    public BigDecimal maxTotal() {
        return complianceWeight.add(qualityWeight).add(studyWeight).add(termOnTimeWeight)
                .add(committeeCompleteWeight).add(duesWeight);
    }

    /** Stars for a total: one per threshold reached. */
    public int stars(BigDecimal total) {
        return (int) starThresholds.stream().filter(t -> total.compareTo(t) >= 0).count();
    }

    /** What is wrong with this setting, field by field; empty when it can be used. */
    public List<DomainProblem.Violation> violations() {
        List<DomainProblem.Violation> v = new ArrayList<>();
        points(v, "complianceWeight", complianceWeight);
        points(v, "qualityWeight", qualityWeight);
        points(v, "studyWeight", studyWeight);
        points(v, "termOnTimeWeight", termOnTimeWeight);
        points(v, "committeeCompleteWeight", committeeCompleteWeight);
        points(v, "duesWeight", duesWeight);
        points(v, "duesArrearsDeduction", duesArrearsDeduction);
        points(v, "sanctionDeduction", sanctionDeduction);
        points(v, "accountabilityDeduction", accountabilityDeduction);
        points(v, "lateEntryDeduction", lateEntryDeduction);
        if (weakBranch.secretaryVacantMonths() < 1 || weakBranch.secretaryVacantMonths() > 24) {
            v.add(new DomainProblem.Violation("weakBranch.secretaryVacantMonths", "scorecard.monthsRange", new Object[]{1, 24}));
        }
        if (weakBranch.consecutiveQuartersMissed() < 1 || weakBranch.consecutiveQuartersMissed() > 4) {
            v.add(new DomainProblem.Violation("weakBranch.consecutiveQuartersMissed", "scorecard.quartersRange", new Object[]{1, 4}));
        }
        if (starThresholds == null || starThresholds.size() != STARS || starThresholds.contains(null)) {
            v.add(new DomainProblem.Violation("starThresholds", "scorecard.starThresholdsCount", new Object[]{STARS}));
            return v;
        }
        for (int i = 0; i < STARS; i++) {
            points(v, "starThresholds[" + i + "]", starThresholds.get(i));
            if (i > 0 && starThresholds.get(i).compareTo(starThresholds.get(i - 1)) <= 0) {
                v.add(new DomainProblem.Violation("starThresholds[" + i + "]", "scorecard.starThresholdsAscending", new Object[0]));
            }
        }
        if (v.isEmpty() && starThresholds.get(STARS - 1).compareTo(maxTotal()) > 0) {
            v.add(new DomainProblem.Violation("starThresholds[" + (STARS - 1) + "]", "scorecard.starThresholdUnreachable",
                    new Object[]{maxTotal()}));
        }
        return v;
    }

    private static void points(List<DomainProblem.Violation> v, String field, BigDecimal value) {
        if (value == null) {
            v.add(new DomainProblem.Violation(field, "scorecard.pointsRequired", new Object[0]));
        } else if (value.signum() < 0 || value.compareTo(bd(1000)) > 0 || value.stripTrailingZeros().scale() > 2) {
            v.add(new DomainProblem.Violation(field, "scorecard.pointsRange", new Object[0]));
        }
    }

    private static BigDecimal bd(int points) {
        return BigDecimal.valueOf(points);
    }
}

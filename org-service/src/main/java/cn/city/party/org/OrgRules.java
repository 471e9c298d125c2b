package cn.city.party.org;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.rules.RuleChecks;
import cn.city.party.org.organization.OrganizationType;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The rule set of domain.md §1 as configured (application.yml {@code org.rules.*}). Every number here is only the
 * default of version 1 of each year: the work committee publishes later versions ({@link OrgRuleKinds},
 * docs/rules.md), and their consumers read the version in force.
 *
 * @param partyAffairsCadrePercent full-time Party-affairs cadres as a percentage of staff headcount (2)
 * @param probationYears           预备期 in years (1)
 * @param maxProbationExtensionMonths 延长预备期 at most once, by at most this many months (12)
 * @param committee                structural rules of committees and terms
 * @param dues                     the dues brackets
 * @param arrears                  the arrears thresholds
 * @param branchSize               the size rules of a 党支部
 */
@ConfigurationProperties("org.rules")
public record OrgRules(BigDecimal partyAffairsCadrePercent, int probationYears, int maxProbationExtensionMonths,
                       Committee committee, Dues dues, Arrears arrears, BranchSize branchSize) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public OrgRules {
        branchSize = branchSize == null ? BranchSize.DEFAULT : branchSize;
        arrears = arrears == null ? Arrears.DEFAULT : arrears;
    }

    /**
     * @param minFullMembers     a branch needs at least this many full members (3)
     * @param generalBranchAbove a branch with more members than this may form a 党总支 (50)
     * @param committeeAbove     a branch with more members than this may form a 基层党委 (100)
     */
    public record BranchSize(int minFullMembers, int generalBranchAbove, int committeeAbove) {
        public static final BranchSize DEFAULT = new BranchSize(3, 50, 100);

        /** At least 1 to 50 full members; a 党总支 above 1 to 10,000 members, a 党委 above more than that. */
        public List<DomainProblem.Violation> violations() {
            RuleChecks checks = new RuleChecks()
                    .between("minFullMembers", minFullMembers, 1, 50)
                    .between("generalBranchAbove", generalBranchAbove, 1, 10_000)
                    .between("committeeAbove", committeeAbove, 1, 10_000);
            if (committeeAbove <= generalBranchAbove) {
                checks.add("committeeAbove", "organization.rules.committeeAboveGeneralBranch", generalBranchAbove);
            }
            return checks.violations();
        }
    }

    /** 预备期 and its extension, from the configured {@code probationYears} and {@code maxProbationExtensionMonths}. */
    public Probation probation() {
        return new Probation(probationYears, maxProbationExtensionMonths);
    }

    /**
     * 预备期.
     *
     * @param years                a probation lasts this many years (1)
     * @param maxExtensionMonths   延长预备期 once, by at most this many months (12)
     */
    public record Probation(int years, int maxExtensionMonths) {

        /** A probation of 1 to 3 years; an extension of at most 1 to 24 months. */
        public List<DomainProblem.Violation> violations() {
            return new RuleChecks().between("years", years, 1, 3).between("maxExtensionMonths", maxExtensionMonths, 1, 24)
                    .violations();
        }
    }

    /** 党务干部配备, from the configured {@code partyAffairsCadrePercent}. */
    public Cadres cadres() {
        return new Cadres(partyAffairsCadrePercent);
    }

    /**
     * 党务干部配备.
     *
     * @param partyAffairsPercent full-time Party-affairs cadres as a percentage of a department's staff headcount (2)
     */
    public record Cadres(BigDecimal partyAffairsPercent) {

        /** A percentage of 0 to 100 with at most two decimals. */
        public List<DomainProblem.Violation> violations() {
            RuleChecks checks = new RuleChecks();
            checks.amount("partyAffairsPercent", partyAffairsPercent, HUNDRED, 2);
            return checks.violations();
        }
    }

    /**
     * 委员会与任期.
     *
     * @param membersForCommittee     full members a branch needs to elect a committee (7)
     * @param minSize                 smallest committee (3)
     * @param maxSize                 largest committee (7)
     * @param reminderDays            remind this many days before a term ends (90)
     * @param branchTermYears         a 党支部's term (3)
     * @param generalBranchTermYears  a 党总支's term (3)
     * @param organCommitteeTermYears a 机关党委's term (5)
     * @param organizationMemberServes whether the elected 组织委员 also acts for the branch as secretary (the
     *                                {@code BRANCH_SECRETARY} role for it), beside 书记 and 副书记 (false)
     */
    public record Committee(int membersForCommittee, int minSize, int maxSize, int reminderDays, int branchTermYears,
                            int generalBranchTermYears, int organCommitteeTermYears, boolean organizationMemberServes) {

        /** Years of a term of {@code type}; 0 for a 党小组, which elects no committee. */
        public int termYears(OrganizationType type) {
            return switch (type) {
                case ORGAN_COMMITTEE -> organCommitteeTermYears;
                case GENERAL_BRANCH -> generalBranchTermYears;
                case BRANCH -> branchTermYears;
                case PARTY_GROUP -> 0;
            };
        }

        /**
         * A committee has 1 to 15 members, its smallest size no larger than its largest, and a branch needs at least
         * as many full members as the smallest committee to elect one; terms last 1 to 10 years; the reminder comes
         * 1 to 365 days before the end.
         */
        public List<DomainProblem.Violation> violations() {
            RuleChecks checks = new RuleChecks()
                    .between("minSize", minSize, 1, 15)
                    .between("maxSize", maxSize, 1, 15)
                    .between("membersForCommittee", membersForCommittee, 1, 1000)
                    .between("reminderDays", reminderDays, 1, 365)
                    .between("branchTermYears", branchTermYears, 1, 10)
                    .between("generalBranchTermYears", generalBranchTermYears, 1, 10)
                    .between("organCommitteeTermYears", organCommitteeTermYears, 1, 10);
            if (maxSize < minSize) {
                checks.add("maxSize", "committee.rules.maxBelowMin", minSize);
            }
            if (membersForCommittee < minSize) {
                checks.add("membersForCommittee", "committee.rules.fewerMembersThanSeats", minSize);
            }
            return checks.violations();
        }
    }

    /**
     * 党费标准.
     *
     * @param employed    brackets for employed members, ascending
     * @param retired     brackets for retired members, ascending
     * @param fixedAmount yuan per month for students, the unemployed and members in hardship (0.20)
     */
    public record Dues(List<Bracket> employed, List<Bracket> retired, BigDecimal fixedAmount) {

        /**
         * Each list of brackets has ascending upper limits and ends with one without a limit; a rate is a percentage
         * of 0 to 100 with at most two decimals; the fixed amount is 0 to 100 yuan, to the fen.
         */
        public List<DomainProblem.Violation> violations() {
            RuleChecks checks = new RuleChecks();
            brackets(checks, "employed", employed);
            brackets(checks, "retired", retired);
            checks.amount("fixedAmount", fixedAmount, HUNDRED, 2);
            return checks.violations();
        }

        private static void brackets(RuleChecks checks, String field, List<Bracket> brackets) {
            if (brackets == null || brackets.isEmpty() || brackets.stream().anyMatch(Objects::isNull)) {
                checks.add(field, "rules.required");
                return;
            }
            BigDecimal previous = null;
            for (int i = 0; i < brackets.size(); i++) {
                Bracket b = brackets.get(i);
                String at = field + "[" + i + "]";
                checks.amount(at + ".percent", b.percent(), HUNDRED, 2);
                boolean last = i == brackets.size() - 1;
                if (last && b.upTo() != null) {
                    checks.add(at + ".upTo", "dues.rules.lastBracketOpen");
                } else if (!last && b.upTo() == null) {
                    checks.add(at + ".upTo", "dues.rules.upToRequired");
                } else if (!last && checks.amount(at + ".upTo", b.upTo(), BigDecimal.valueOf(10_000_000), 2)) {
                    if (previous != null && b.upTo().compareTo(previous) <= 0) {
                        checks.add(at + ".upTo", "dues.rules.ascending", previous.toPlainString());
                    }
                    previous = b.upTo();
                }
            }
        }
    }

    /** Income up to and including {@code upTo} yuan (null: no upper limit) pays {@code percent} of the whole base. */
    public record Bracket(BigDecimal upTo, BigDecimal percent) {
    }

    /**
     * 欠缴党费.
     *
     * @param warningMonths      unpaid months in a row that warn (3)
     * @param lapseReviewMonths  unpaid months in a row without a reason that call for 自行脱党 review (6)
     */
    public record Arrears(int warningMonths, int lapseReviewMonths) {
        public static final Arrears DEFAULT = new Arrears(3, 6);

        /** A warning after 1 to 12 months; the review later than the warning, after at most 24 months. */
        public List<DomainProblem.Violation> violations() {
            RuleChecks checks = new RuleChecks()
                    .between("warningMonths", warningMonths, 1, 12)
                    .between("lapseReviewMonths", lapseReviewMonths, 1, 24);
            if (lapseReviewMonths <= warningMonths) {
                checks.add("lapseReviewMonths", "dues.rules.reviewAfterWarning", warningMonths);
            }
            return checks.violations();
        }
    }
}

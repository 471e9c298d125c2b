package cn.city.party.org;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rule set of domain.md §1. Every number is a setting (application.yml {@code org.rules.*}) that the work
 * committee may change, not a constant in code.
 *
 * @param partyAffairsCadrePercent full-time Party-affairs cadres as a percentage of staff headcount (2)
 * @param probationYears           预备期 in years (1)
 * @param maxProbationExtensionMonths 延长预备期 at most once, by at most this many months (12)
 * @param committee                structural rules of committees and terms
 * @param dues                     the dues brackets
 * @param branchSize               the size rules of a 党支部
 */
@ConfigurationProperties("org.rules")
public record OrgRules(BigDecimal partyAffairsCadrePercent, int probationYears, int maxProbationExtensionMonths,
                       Committee committee, Dues dues, BranchSize branchSize) {

    public OrgRules {
        branchSize = branchSize == null ? BranchSize.DEFAULT : branchSize;
    }

    /**
     * @param minFullMembers     a branch needs at least this many full members (3)
     * @param generalBranchAbove a branch with more members than this may form a 党总支 (50)
     * @param committeeAbove     a branch with more members than this may form a 基层党委 (100)
     */
    public record BranchSize(int minFullMembers, int generalBranchAbove, int committeeAbove) {
        public static final BranchSize DEFAULT = new BranchSize(3, 50, 100);
    }

    /**
     * @param membersForCommittee full members a branch needs to elect a committee (7)
     * @param minSize             smallest committee (3)
     * @param maxSize             largest committee (7)
     * @param reminderDays        remind this many days before a term ends (90)
     */
    public record Committee(int membersForCommittee, int minSize, int maxSize, int reminderDays) {
    }

    /**
     * @param employed    brackets for employed members, ascending
     * @param retired     brackets for retired members, ascending
     * @param fixedAmount yuan per month for students, the unemployed and members in hardship (0.20)
     */
    public record Dues(List<Bracket> employed, List<Bracket> retired, BigDecimal fixedAmount) {
    }

    /** Income up to and including {@code upTo} yuan (null: no upper limit) pays {@code percent} of the whole base. */
    public record Bracket(BigDecimal upTo, BigDecimal percent) {
    }
}

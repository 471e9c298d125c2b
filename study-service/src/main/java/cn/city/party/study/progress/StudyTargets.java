package cn.city.party.study.progress;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.rules.RuleChecks;

import java.time.LocalDate;
import java.util.List;

/**
 * 学时与新党员学习: the credit-hour targets of a year and the new-member study window, a versioned rule of the work
 * committee (docs/rules.md); version 1 of every year is the configuration's
 * ({@link StudyRules}, {@link cn.city.party.study.StudyRuleKinds}).
 *
 * @param creditTarget        学时 per year of a member (32)
 * @param creditTargetLeading 学时 per year of a leading cadre or branch secretary (56)
 * @param newMemberStudyDays  days after admission within which a new member studies the required new-member materials (90)
 */
public record StudyTargets(int creditTarget, int creditTargetLeading, int newMemberStudyDays) {

    /** 领导干部 and 支部书记 study 56 学时 a year, other members 32. */
    public int targetFor(boolean leadingCadre, boolean secretary) {
        return leadingCadre || secretary ? creditTargetLeading : creditTarget;
    }

    /** A new member's required new-member materials are due {@link #newMemberStudyDays} after admission. */
    public LocalDate newMemberStudyDue(LocalDate joinedOn) {
        return joinedOn.plusDays(newMemberStudyDays);
    }

    /**
     * A target is 1 to 500 学时 and the leading cadres' is not below the members'; the new-member window is 1 to 366
     * days (a window of 0 days would make every new member overdue on admission).
     */
    public List<DomainProblem.Violation> violations() {
        RuleChecks checks = new RuleChecks()
                .between("creditTarget", creditTarget, 1, 500)
                .between("creditTargetLeading", creditTargetLeading, 1, 500)
                .between("newMemberStudyDays", newMemberStudyDays, 1, 366);
        if (creditTargetLeading < creditTarget) {
            checks.add("creditTargetLeading", "studyRules.leadingBelowMembers", creditTarget);
        }
        return checks.violations();
    }
}

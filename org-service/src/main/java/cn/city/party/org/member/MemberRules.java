package cn.city.party.org.member;

import cn.city.party.common.error.DomainProblem.Violation;
import cn.city.party.common.error.Problems;
import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.rules.RulesInForce;
import cn.city.party.org.OrgRules;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The rules of §1 about a member's facts, dates and probation, in plain Java. */
@Component
public class MemberRules {

    /** 年满十八岁: nobody joins the Party before its 18th birthday. */
    static final int JOINING_AGE = 18;

    private final RulesInForce inForce;
    private final RuleKind<OrgRules.Probation> probation;

    public MemberRules(RulesInForce inForce, RuleKind<OrgRules.Probation> probation) {
        this.inForce = inForce;
        this.probation = probation;
    }

    /** What is wrong with a profile, field by field; empty when it may be stored. */
    public List<Violation> check(MemberProfile p, LocalDate today) {
        List<Violation> wrong = new ArrayList<>();
        if (p.birthDate() != null && p.birthDate().isAfter(today)) {
            wrong.add(new Violation("birthDate", "member.birthInFuture"));
        }
        if (!NationalId.isValid(p.nationalId())) {
            wrong.add(new Violation("nationalId", "member.nationalIdInvalid"));
        } else if (p.birthDate() != null && !NationalId.birthDate(p.nationalId()).orElseThrow().equals(p.birthDate())) {
            wrong.add(new Violation("nationalId", "member.nationalIdBirthMismatch"));
        }
        if (p.joinedOn() != null) {
            if (p.joinedOn().isAfter(today)) {
                wrong.add(new Violation("joinedOn", "member.joinedInFuture"));
            } else if (p.birthDate() != null && p.joinedOn().isBefore(p.birthDate())) {
                wrong.add(new Violation("joinedOn", "member.joinedBeforeBirth"));
            } else if (p.birthDate() != null && p.joinedOn().isBefore(p.birthDate().plusYears(JOINING_AGE))) {
                wrong.add(new Violation("joinedOn", "member.joinedUnderAge", JOINING_AGE));
            }
        }
        return wrong;
    }

    /**
     * 转正: due on the anniversary of joining (after the probation of one year by default), by the probation rules of
     * the year of joining.
     */
    public LocalDate conversionDue(LocalDate joinedOn) {
        return joinedOn.plusYears(inForce.of(probation, joinedOn.getYear()).years());
    }

    /** 延长预备期: once only, by 1 to 12 months (by default), by the probation rules of the year the conversion was due. */
    public LocalDate extendedConversion(LocalDate currentDue, int months, boolean alreadyExtended) {
        if (alreadyExtended) {
            throw Problems.rule("months", "member.probationAlreadyExtended");
        }
        int most = inForce.of(probation, currentDue.getYear()).maxExtensionMonths();
        if (months < 1 || months > most) {
            throw Problems.rule("months", "member.probationExtensionTooLong", most);
        }
        return currentDue.plusMonths(months);
    }

    /** A change of status the rules allow; conversion only once it is due. */
    public void requireStatusChange(Member member, MemberStatus next, LocalDate today) {
        if (!member.status().mayBecome(next)) {
            throw Problems.rule("status", "member.statusChangeNotAllowed", member.status().label(), next.label());
        }
        if (member.status() == MemberStatus.PROBATIONARY && next == MemberStatus.FULL
                && today.isBefore(member.probationEndsOn())) {
            throw Problems.rule("status", "member.conversionNotDue", member.probationEndsOn());
        }
    }
}

package cn.city.party.org.member;

import java.time.LocalDate;
import java.util.List;

/** A member's profile as every API shows it: the national ID masked, the influence periods included. */
public record MemberView(String id, String department, String branchId, String partyGroupId, String name,
                         Gender gender, String ethnicity, LocalDate birthDate, String nationalId, String education,
                         String post, LocalDate joinedOn, MemberStatus status, String statusLabel,
                         LocalDate probationEndsOn, boolean probationExtended, boolean leadingCadre,
                         PartyAffairsCadre partyAffairsCadre, String phone, String email, String address,
                         String accountSubject, String pendingTransferId, boolean inInfluencePeriod,
                         List<InfluencePeriod> influencePeriods) {

    public static MemberView of(Member m, LocalDate today) {
        MemberProfile p = m.profile();
        Contact c = m.contact();
        return new MemberView(m.id(), m.department(), m.branchId(), m.partyGroupId(), p.name(), p.gender(),
                p.ethnicity(), p.birthDate(), NationalId.mask(p.nationalId()), p.education(), p.post(), p.joinedOn(),
                m.status(), m.status().label(), m.probationEndsOn(), m.probationExtended(), p.leadingCadre(),
                p.partyAffairsCadre(), c.phone(), c.email(), c.address(), m.accountSubject(), m.pendingTransferId(),
                m.inInfluencePeriod(today), m.influencePeriods());
    }
}

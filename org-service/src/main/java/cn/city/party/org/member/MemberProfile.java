package cn.city.party.org.member;

import java.time.LocalDate;

/** The profile facts of a member that an admin enters (党员基本信息). */
public record MemberProfile(String name, Gender gender, String ethnicity, LocalDate birthDate, String nationalId,
                            String education, String post, LocalDate joinedOn, boolean leadingCadre,
                            PartyAffairsCadre partyAffairsCadre) {
}

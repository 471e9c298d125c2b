package cn.city.party.study.support;

import cn.city.party.study.roster.RosterMember;

import java.util.ArrayList;
import java.util.List;

/** Who a material, assignment or exam is meant for (受众). */
public enum Audience {
    /** 全体党员 of the content's reach (the city, a department, a branch). */
    ALL,
    /** 本部门党员: the members of the one department the content belongs to. */
    DEPARTMENT,
    /** 领导干部 */
    LEADING_CADRES,
    /** 新党员: probationary members. */
    NEW_MEMBERS;

    public boolean includes(RosterMember member) {
        return switch (this) {
            case ALL, DEPARTMENT -> true;
            case LEADING_CADRES -> member.leadingCadre();
            case NEW_MEMBERS -> member.newMember();
        };
    }

    /** Every audience that includes {@code member}, for queries. */
    public static List<Audience> of(RosterMember member) {
        List<Audience> audiences = new ArrayList<>();
        for (Audience audience : values()) {
            if (audience.includes(member)) {
                audiences.add(audience);
            }
        }
        return audiences;
    }
}

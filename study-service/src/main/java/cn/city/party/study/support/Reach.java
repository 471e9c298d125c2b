package cn.city.party.study.support;

import cn.city.party.study.roster.RosterMember;
import org.springframework.data.mongodb.core.query.Criteria;

import java.util.Arrays;

/**
 * Where study content reaches: the city ({@link #CITY}, published by the work committee) or one department,
 * optionally narrowed to one branch (published by its secretary), and within that an {@link Audience}.
 * Content documents carry the fields {@code department}, {@code branchId} and {@code audience}.
 */
public record Reach(String department, String branchId, Audience audience) {

    /** The {@code department} of city-wide content (events carry {@code null} for it). */
    public static final String CITY = "*";

    public static boolean cityWide(String department) {
        return CITY.equals(department);
    }

    /** The department as events name it: null for city-wide content. */
    public static String eventDepartment(String department) {
        return cityWide(department) ? null : department;
    }

    public boolean reaches(RosterMember member) {
        return member.active()
                && (cityWide(department) || department.equals(member.department()))
                && (branchId == null || branchId.equals(member.branchId()))
                && audience.includes(member);
    }

    /** The query form of {@link #reaches}: content whose reach includes {@code member}. */
    public static Criteria reaching(RosterMember member) {
        return new Criteria().andOperator(
                Criteria.where("department").in(CITY, member.department()),
                Criteria.where("branchId").in(null, member.branchId()),
                Criteria.where("audience").in(Arrays.stream(Audience.values()).filter(a -> a.includes(member)).toList()));
    }
}

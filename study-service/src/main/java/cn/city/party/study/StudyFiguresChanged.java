package cn.city.party.study;

/**
 * Something a member's study figures of a year depend on changed — an assignment (every member of its department),
 * the roster (one member) or an offline study sitting (one member) — so their credits are recomputed and published.
 *
 * @param memberId null: every active member of {@code department}
 */
public record StudyFiguresChanged(String department, String memberId, int year) {

    public static StudyFiguresChanged ofDepartment(String department, int year) {
        return new StudyFiguresChanged(department, null, year);
    }

    public static StudyFiguresChanged ofMember(String department, String memberId, int year) {
        return new StudyFiguresChanged(department, memberId, year);
    }
}

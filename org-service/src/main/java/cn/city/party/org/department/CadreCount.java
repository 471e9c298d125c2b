package cn.city.party.org.department;

/**
 * 专职党务干部 of a department, counted on the member roster. Declared here and implemented by the member feature
 * (members build on departments and organizations), so that departments do not depend on members.
 */
public interface CadreCount {

    /** Probationary or full members of {@code department} flagged FULL_TIME, in the caller's scope. */
    int fullTimeCadres(String department);
}

package cn.city.party.activity.roster;

/**
 * Published inside the service when the roster of a branch changed (a branch founded, members moved, a committee
 * elected), so that the branch's compliance figures are refreshed. {@code branchId} is null when the change concerns
 * no branch (an organ committee).
 */
public record RosterChanged(String department, String branchId) {
}

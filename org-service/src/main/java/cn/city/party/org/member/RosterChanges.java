package cn.city.party.org.member;

import java.util.Collection;

/**
 * Told after every write that may change a department's rolls as the scorecards read them: a member admitted (or an
 * import's admission removed again), its status changed (by hand or by an expulsion and its revocation), or moved to
 * another branch. Declared here and implemented by the scorecards, which build on the roster, so that members do not
 * depend on scorecards.
 *
 * <p>Raised synchronously at those few write paths rather than from the {@code party.org.member} events: the next
 * ranking after the write shows it, where an event would lag by the consumer's delay, and the removal of an
 * import's admissions publishes no event at all. Writes that leave branch, status and existence alone (profile,
 * contact, account, dues, transfer locks) do not raise it.
 */
public interface RosterChanges {

    /**
     * Counts a change of the rolls of {@code branchIds} in {@code department}: call it after the write, also when the
     * write failed (it may have landed); a needless count costs one evaluation, a missed one a stale figure.
     */
    void raise(String department, Collection<String> branchIds);
}

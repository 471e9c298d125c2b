package cn.city.party.org.scorecard;

import cn.city.party.common.persistence.KeptTables;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Each department's scorecards of a year, kept while nothing they are scored from changed: evaluating a department
 * reads all its facts and rolls (the whole city's fifty took seconds on every ranking), while what they are scored
 * from is read in a few small queries. So each call reads every department's change counts ({@link DepartmentChanges})
 * and what is the same for all of them ({@link Basis}), and evaluates again only a department whose count differs from
 * its kept table's, and in it only the branches whose own count differs (a burst of sittings across the city changes
 * a few branches of many departments). The counts live in the database, so a change made through any instance is seen
 * by every instance's next call. A kept table holds all the department's active branches, whoever asked first; the
 * caller's scope is checked before it is asked for. At most {@code org.scorecard.department-tables} department years
 * are kept per instance.
 */
@Component
class DepartmentTables {

    static final String EVALUATIONS = "org.scorecard.department.evaluations";
    static final String BRANCH_EVALUATIONS = "org.scorecard.branch.evaluations";

    /**
     * What every department's scorecards of a year are scored from besides its own data: the year's scoring rules in
     * force, the branch-size rules in force (their version's id), the year's closure and the day (the reference day
     * of the current year, and the branch-size rules' year).
     */
    record Basis(ScoringRules.OfYear rules, String sizeRules, Scorecard.Assessment assessment, LocalDate today) {

        int year() {
            return rules.year();
        }
    }

    /** A department's scorecards, in its branches' order, and the counts and basis they were evaluated from. */
    record Cards(DepartmentChanges.Counts counts, Basis basis, List<Scorecard> cards) {

        Cards {
            cards = List.copyOf(cards);
        }

        /** The kept scorecard of the branch if nothing it is scored from changed since, else none. */
        java.util.Optional<Scorecard> current(String branchId, DepartmentChanges.Counts now, Basis basis) {
            return this.basis.equals(basis) && counts.unnamed() == now.unnamed()
                    && counts.branch(branchId) == now.branch(branchId)
                    ? cards.stream().filter(c -> c.branchId().equals(branchId)).findFirst() : java.util.Optional.empty();
        }
    }

    /** Evaluates a department's scorecards again, from those kept before ({@code previous}, null if none). */
    interface Evaluation {
        Cards evaluate(String department, DepartmentChanges.Counts counts, Cards previous);
    }

    /** What a department's table was evaluated from: its change count and the basis. */
    private record Key(long changes, Basis basis) {
    }

    private record Table(String department, int year) {
    }

    private final DepartmentChanges changes;
    private final KeptTables<Table, Key, Cards> kept;
    private final MeterRegistry meters;

    DepartmentTables(DepartmentChanges changes, @Value("${org.scorecard.department-tables:256}") int capacity,
                     MeterRegistry meters) {
        this.changes = changes;
        this.kept = new KeptTables<>(capacity);
        this.meters = meters;
    }

    /**
     * The scorecards of each of {@code departments}, in their order: the kept ones where still current, else those
     * {@code evaluate} returns from the kept ones and the counts now, kept from now on. {@code basis} must have been
     * read before this call, as the counts are here: a write during an evaluation then raises the key past the kept
     * one, so the next call evaluates again.
     */
    void each(List<String> departments, Basis basis, Evaluation evaluate, Consumer<List<Scorecard>> each) {
        Map<String, DepartmentChanges.Counts> counts = changes.of(departments);
        for (String department : departments) {
            DepartmentChanges.Counts now = counts.get(department);
            each.accept(kept.get(new Table(department, basis.year()), new Key(now.changes(), basis), previous -> {
                evaluations(department).increment();
                return evaluate.evaluate(department, now, previous);
            }).cards());
        }
    }

    /** Counts the branches of {@code department} scored again, for the operators and the tests. */
    void branchesScored(String department, int branches) {
        Counter.builder(BRANCH_EVALUATIONS).tag("department", department)
                .description("Branch scorecards scored again because what they are scored from changed")
                .register(meters).increment(branches);
    }

    private Counter evaluations(String department) {
        return Counter.builder(EVALUATIONS).tag("department", department)
                .description("Department scorecards evaluated because none was kept for what they are scored from")
                .register(meters);
    }
}

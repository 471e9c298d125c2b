package cn.city.party.org.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A branch's assessment of one year: the points of each item with the facts behind them, the total and the stars.
 *
 * @param rulesVersion the version of the year's rules it was computed with (0 = city default)
 * @param weak         flagged 软弱涣散 by the year's criteria; {@code weakReasons} says which and why
 * @param corrections  the year's records corrected after the year was closed, with the reason and the approver,
 *                     in the order they were approved
 * @param assessment   whether (and since when) the work committee closed the year's assessment
 */
public record Scorecard(String branchId, String branchName, String department, int year, int rulesVersion,
                        List<Item> items, BigDecimal total, BigDecimal maxTotal, int stars, boolean weak,
                        List<WeakBranchCheck.Reason> weakReasons, List<BranchFacts.Correction> corrections,
                        Assessment assessment) {

    /** Unmodifiable throughout: a department's scorecards are kept and shared by its callers ({@link DepartmentTables}). */
    public Scorecard {
        items = List.copyOf(items);
        weakReasons = List.copyOf(weakReasons);
        corrections = List.copyOf(corrections);
    }

    /** The year's assessment: open, or closed at {@code closedAt} by {@code closedBy}. */
    public record Assessment(boolean closed, Instant closedAt, String closedBy) {
        public static final Assessment OPEN = new Assessment(false, null, null);
    }

    /** This scorecard with the year's assessment as the work committee left it (a city-wide fact, not the branch's). */
    public Scorecard withAssessment(Assessment closure) {
        return new Scorecard(branchId, branchName, department, year, rulesVersion, items, total, maxTotal, stars, weak,
                weakReasons, corrections, closure);
    }

    /**
     * One line of the scorecard.
     *
     * @param item   what is assessed
     * @param points what the branch earned (negative for deductions)
     * @param max    the most it can earn (0 for deductions)
     * @param basis  how the points were reached, e.g. {@code 11/12}
     * @param facts  the evidence by kind ({@code activities}, {@code periods}, {@code members}, {@code sanctions}, …)
     */
    public record Item(ScoreItem item, BigDecimal points, BigDecimal max, String basis, Map<String, List<String>> facts) {
        public Item {
            // in the order given (the evidence reads in it); ids as stored, which may hold a null post
            Map<String, List<String>> copy = new LinkedHashMap<>();
            facts.forEach((kind, ids) -> copy.put(kind, Collections.unmodifiableList(new ArrayList<>(ids))));
            facts = Collections.unmodifiableMap(copy);
        }
    }

    public Item item(ScoreItem which) {
        return items.stream().filter(i -> i.item() == which).findFirst().orElseThrow();
    }
}

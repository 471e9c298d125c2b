package cn.city.party.org.scorecard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A branch's assessment of one year: the points of each item with the facts behind them, the total and the stars.
 *
 * @param rulesVersion the version of the year's rules it was computed with (0 = city default)
 * @param weak         flagged 软弱涣散 by the year's criteria; {@code weakReasons} says which and why
 */
public record Scorecard(String branchId, String branchName, String department, int year, int rulesVersion,
                        List<Item> items, BigDecimal total, BigDecimal maxTotal, int stars, boolean weak,
                        List<WeakBranchCheck.Reason> weakReasons) {

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
    }

    public Item item(ScoreItem which) {
        return items.stream().filter(i -> i.item() == which).findFirst().orElseThrow();
    }
}

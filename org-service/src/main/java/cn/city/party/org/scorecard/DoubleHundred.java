package cn.city.party.org.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 双百分考核: how far a department's place by its business score is from its place by Party building. Places are
 * competition ranks (equal scores share a place); a department without a business score has no business place.
 */
public final class DoubleHundred {

    private DoubleHundred() {
    }

    /** The competition rank of each department by score, highest first. */
    public static Map<String, Integer> ranks(Map<String, BigDecimal> scores) {
        List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(scores.entrySet());
        sorted.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            boolean tie = i > 0 && sorted.get(i).getValue().compareTo(sorted.get(i - 1).getValue()) == 0;
            ranks.put(sorted.get(i).getKey(), tie ? ranks.get(sorted.get(i - 1).getKey()) : i + 1);
        }
        return ranks;
    }

    /**
     * Business place minus Party-building place: 0 when the two agree, positive when the department does better in
     * Party building than in its business, negative the other way round; null without a business score.
     */
    public static Integer rankDifference(Integer partyBuildingRank, Integer businessRank) {
        return businessRank == null ? null : businessRank - partyBuildingRank;
    }
}

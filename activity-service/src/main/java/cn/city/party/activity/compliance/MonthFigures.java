package cn.city.party.activity.compliance;

import java.util.Map;

/**
 * What one branch held in one month. {@code counts}, {@code groupCounts} and {@code secretaryLectures} are weighted
 * (a late record and the extra types of a 一会多用 sitting count less, {@link RuleSet.Weights}); {@code held} are the
 * plain numbers of sittings per type. The quality inputs: sittings, members present and expected (attendance rate),
 * late entries, 一会多用 sittings and sittings with minutes.
 */
public record MonthFigures(Map<String, Double> counts, Map<String, Integer> held, Map<String, Double> groupCounts,
                           double secretaryLectures, int sittings, int attendancePresent, int attendanceExpected,
                           int lateEntries, int multiPurpose, int withMinutes) {

    public MonthFigures {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        held = held == null ? Map.of() : Map.copyOf(held);
        groupCounts = groupCounts == null ? Map.of() : Map.copyOf(groupCounts);
    }

    public double count(String type) {
        return counts.getOrDefault(type, 0.0);
    }

    public int held(String type) {
        return held.getOrDefault(type, 0);
    }

    public double groupCount(String groupId) {
        return groupCounts.getOrDefault(groupId, 0.0);
    }
}

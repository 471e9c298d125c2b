package cn.city.party.activity.compliance;

import java.util.Map;

/**
 * What one branch held in one month: counts per activity type (a 一会多用 sitting counts for each of its types),
 * Party-group meetings per group, lectures given by the secretary, and the inputs of the quality indicators.
 */
public record MonthFigures(Map<String, Integer> counts, Map<String, Integer> groupCounts, int secretaryLectures,
                           int sittings, int attendancePresent, int attendanceRecorded, int lateEntries,
                           int multiPurpose, int withMinutes) {

    public MonthFigures {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        groupCounts = groupCounts == null ? Map.of() : Map.copyOf(groupCounts);
    }

    public int count(String type) {
        return counts.getOrDefault(type, 0);
    }

    public int groupCount(String groupId) {
        return groupCounts.getOrDefault(groupId, 0);
    }
}

package cn.city.party.activity.activity;

import cn.city.party.activity.period.Period;
import cn.city.party.activity.period.PeriodKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * 集中补台账: many records of sittings in past months, typed in by one user in one sitting. Records of a past month
 * (held in an earlier month than entered) by the same user, each entered within {@code window} of the previous one,
 * form one sitting; a sitting of at least {@code minRecords} is reported.
 */
public record BackfillDetector(int minRecords, Duration window) {

    /** One reported sitting: who, from when to when, and the records typed in. */
    public record Backfill(String enteredBy, Instant from, Instant to, List<String> activityIds, List<String> branchIds) {
    }

    public List<Backfill> detect(List<Activity> activities) {
        Map<String, List<Activity>> byUser = activities.stream()
                .filter(a -> a.recordedAt() != null && a.held() != null && ofPastMonth(a))
                .collect(Collectors.groupingBy(Activity::recordedBy, TreeMap::new, Collectors.toList()));
        List<Backfill> found = new ArrayList<>();
        byUser.forEach((user, records) -> {
            records.sort(Comparator.comparing(Activity::recordedAt));
            List<Activity> sitting = new ArrayList<>();
            for (Activity a : records) {
                if (!sitting.isEmpty() && Duration.between(sitting.get(sitting.size() - 1).recordedAt(), a.recordedAt())
                        .compareTo(window) > 0) {
                    report(user, sitting, found);
                    sitting = new ArrayList<>();
                }
                sitting.add(a);
            }
            report(user, sitting, found);
        });
        return found;
    }

    private void report(String user, List<Activity> sitting, List<Backfill> found) {
        if (sitting.size() >= minRecords) {
            found.add(new Backfill(user, sitting.get(0).recordedAt(), sitting.get(sitting.size() - 1).recordedAt(),
                    sitting.stream().map(Activity::id).toList(),
                    sitting.stream().map(Activity::branchId).distinct().sorted().toList()));
        }
    }

    private static boolean ofPastMonth(Activity a) {
        return Period.containing(PeriodKind.MONTH, a.held().heldAt())
                .compareTo(Period.containing(PeriodKind.MONTH, a.recordedAt())) < 0;
    }
}

package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.activity.Attendance;
import cn.city.party.activity.activity.AttendanceEntry;
import cn.city.party.activity.period.Period;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A branch's year in numbers, month by month (Shanghai calendar), from which every rule and quality indicator of
 * any period of that year is evaluated without reading the activities again.
 *
 * @param months          twelve entries, January first
 * @param groups          the branch's Party groups
 * @param requiredTalkPairs each committee member with each member, as {@code a|b} with {@code a < b}
 * @param talkPairCounts  talks held in the year per pair
 */
public record Figures(List<MonthFigures> months, List<String> groups, List<String> requiredTalkPairs,
                      Map<String, Integer> talkPairCounts) {

    public Figures {
        months = List.copyOf(months);
        groups = groups == null ? List.of() : List.copyOf(groups);
        requiredTalkPairs = requiredTalkPairs == null ? List.of() : List.copyOf(requiredTalkPairs);
        talkPairCounts = talkPairCounts == null ? Map.of() : Map.copyOf(talkPairCounts);
    }

    /**
     * Counts the activities that happened (held or archived) in {@code year}.
     *
     * @param secretaryId      the branch secretary's member id, or null when no committee is known
     * @param committeeIds     the committee's member ids
     * @param memberIds        the branch's active members
     */
    public static Figures of(int year, Collection<Activity> activities, List<String> groups, String secretaryId,
                             Collection<String> committeeIds, Collection<String> memberIds) {
        List<MonthBuilder> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(new MonthBuilder());
        }
        Map<String, Integer> talks = new HashMap<>();
        for (Activity a : activities) {
            if (!a.happened() || a.held() == null || !Period.year(year).contains(a.held().heldAt())) {
                continue;
            }
            int month = a.held().heldAt().atZone(Period.ZONE).getMonthValue();
            months.get(month - 1).add(a, secretaryId);
            if (a.types().contains(ActivityType.HEART_TO_HEART_TALK) && a.held().hostMemberId() != null) {
                for (AttendanceEntry e : a.attendance()) {
                    if (e.attendance() == Attendance.PRESENT && !e.memberId().equals(a.held().hostMemberId())) {
                        talks.merge(pair(a.held().hostMemberId(), e.memberId()), 1, Integer::sum);
                    }
                }
            }
        }
        Set<String> required = new TreeSet<>();
        for (String c : committeeIds) {
            for (String m : memberIds) {
                if (!c.equals(m)) {
                    required.add(pair(c, m));
                }
            }
        }
        return new Figures(months.stream().map(MonthBuilder::build).toList(), groups, List.copyOf(required), talks);
    }

    public static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    public MonthFigures month(int month) {
        return months.get(month - 1);
    }

    private static final class MonthBuilder {
        private final Map<String, Integer> counts = new HashMap<>();
        private final Map<String, Integer> groupCounts = new HashMap<>();
        private int secretaryLectures;
        private int sittings;
        private int present;
        private int recorded;
        private int late;
        private int multiPurpose;
        private int withMinutes;

        void add(Activity a, String secretaryId) {
            sittings++;
            for (ActivityType type : a.types()) {
                counts.merge(type.name(), 1, Integer::sum);
            }
            if (a.types().contains(ActivityType.PARTY_GROUP_MEETING) && a.partyGroupId() != null) {
                groupCounts.merge(a.partyGroupId(), 1, Integer::sum);
            }
            if (a.types().contains(ActivityType.PARTY_LECTURE) && secretaryId != null
                    && secretaryId.equals(a.held().lecturerMemberId())) {
                secretaryLectures++;
            }
            recorded += a.attendance().size();
            present += (int) a.attendance().stream().filter(e -> e.attendance() == Attendance.PRESENT).count();
            late += a.lateEntry() ? 1 : 0;
            multiPurpose += a.multiPurpose() ? 1 : 0;
            withMinutes += a.held().hasMinutes() ? 1 : 0;
        }

        MonthFigures build() {
            return new MonthFigures(counts, groupCounts, secretaryLectures, sittings, present, recorded, late,
                    multiPurpose, withMinutes);
        }
    }
}

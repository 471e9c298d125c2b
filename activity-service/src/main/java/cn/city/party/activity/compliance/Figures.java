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
 * @param talkPairCounts  talks held in the year per pair, weighted
 */
public record Figures(List<MonthFigures> months, List<String> groups, List<String> requiredTalkPairs,
                      Map<String, Double> talkPairCounts) {

    public Figures {
        months = List.copyOf(months);
        groups = groups == null ? List.of() : List.copyOf(groups);
        requiredTalkPairs = requiredTalkPairs == null ? List.of() : List.copyOf(requiredTalkPairs);
        talkPairCounts = talkPairCounts == null ? Map.of() : Map.copyOf(talkPairCounts);
    }

    /**
     * Counts the activities that happened (held or archived) in {@code year}. A 一会多用 sitting counts fully for its
     * first type in the regulation's order ({@link ActivityType}) and {@code weights.multiPurpose()} for the others;
     * a late record counts {@code weights.lateEntry()}.
     *
     * @param secretaryId      the branch secretary's member id, or null when no committee is known
     * @param committeeIds     the committee's member ids
     * @param memberIds        the branch's active members
     */
    public static Figures of(int year, Collection<Activity> activities, RuleSet.Weights weights, List<String> groups,
                             String secretaryId, Collection<String> committeeIds, Collection<String> memberIds) {
        List<MonthBuilder> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(new MonthBuilder());
        }
        Map<String, Double> talks = new HashMap<>();
        for (Activity a : activities) {
            if (!a.happened() || a.held() == null || !Period.year(year).contains(a.held().heldAt())) {
                continue;
            }
            int month = a.held().heldAt().atZone(Period.ZONE).getMonthValue();
            months.get(month - 1).add(a, weights, secretaryId);
            talkPair(a).ifPresent(pair -> talks.merge(pair, weights.of(a.lateEntry(),
                    a.types().indexOf(ActivityType.HEART_TO_HEART_TALK)), Double::sum));
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

    /**
     * 谈心谈话 is a talk between two named people: its host and exactly one other member present. A sitting with more
     * people present is a group sitting, not a talk with each of them.
     */
    static java.util.Optional<String> talkPair(Activity a) {
        if (!a.types().contains(ActivityType.HEART_TO_HEART_TALK) || a.held().hostMemberId() == null) {
            return java.util.Optional.empty();
        }
        String host = a.held().hostMemberId();
        List<String> others = a.attendance().stream()
                .filter(e -> e.attendance() == Attendance.PRESENT && !e.memberId().equals(host))
                .map(AttendanceEntry::memberId).toList();
        return others.size() == 1 ? java.util.Optional.of(pair(host, others.get(0))) : java.util.Optional.empty();
    }

    public static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    public MonthFigures month(int month) {
        return months.get(month - 1);
    }

    private static final class MonthBuilder {
        private final Map<String, Double> counts = new HashMap<>();
        private final Map<String, Integer> held = new HashMap<>();
        private final Map<String, Double> groupCounts = new HashMap<>();
        private double secretaryLectures;
        private int sittings;
        private int present;
        private int expected;
        private int late;
        private int multiPurpose;
        private int withMinutes;

        void add(Activity a, RuleSet.Weights weights, String secretaryId) {
            sittings++;
            List<ActivityType> types = a.types();
            for (int i = 0; i < types.size(); i++) {
                counts.merge(types.get(i).name(), weights.of(a.lateEntry(), i), Double::sum);
                held.merge(types.get(i).name(), 1, Integer::sum);
            }
            int group = types.indexOf(ActivityType.PARTY_GROUP_MEETING);
            if (group >= 0 && a.partyGroupId() != null) {
                groupCounts.merge(a.partyGroupId(), weights.of(a.lateEntry(), group), Double::sum);
            }
            int lecture = types.indexOf(ActivityType.PARTY_LECTURE);
            if (lecture >= 0 && secretaryId != null && secretaryId.equals(a.held().lecturerMemberId())) {
                secretaryLectures += weights.of(a.lateEntry(), lecture);
            }
            Activity.AttendanceCount attendance = a.attendanceCount();
            present += attendance.present();
            expected += attendance.expected();
            late += a.lateEntry() ? 1 : 0;
            multiPurpose += a.multiPurpose() ? 1 : 0;
            withMinutes += a.held().hasMinutes() ? 1 : 0;
        }

        MonthFigures build() {
            return new MonthFigures(counts, held, groupCounts, secretaryLectures, sittings, present, expected, late,
                    multiPurpose, withMinutes);
        }
    }
}

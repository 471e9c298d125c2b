package cn.city.party.study.progress;

import cn.city.party.study.roster.RosterMember;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's study year: credit hours earned against the target, and the required study (required materials
 * published that year and assignments due that year, for an audience the member belongs to) done or not. A new
 * member also has every required new-member material, whenever it was published, due a set number of days after
 * admission. What assessments count is required study completed, never points or app activity.
 */
public final class CreditLedger {

    private CreditLedger() {
    }

    /** Something a member may have to study: a required material ({@code dueOn} null) or an assignment of one. */
    public record Requirement(String materialId, String title, Reach reach, LocalDate dueOn) {

        /** This requirement as it stands for {@code member}: a required new-member material is due from its admission. */
        Requirement forMember(RosterMember member, StudyTargets targets) {
            if (dueOn == null && reach.audience() == Audience.NEW_MEMBERS && member.joinedOn() != null) {
                return new Requirement(materialId, title, reach, targets.newMemberStudyDue(member.joinedOn()));
            }
            return this;
        }
    }

    public record Item(String materialId, String title, LocalDate dueOn, boolean completed, boolean overdue) {
    }

    /**
     * @param creditHours        all 学时 of the year: materials completed and offline sittings attended
     * @param offlineCreditHours the part of them from offline sittings (理论学习中心组, 支部学习, 党课)
     */
    public record Summary(String memberId, String department, String branchId, int year, BigDecimal creditHours,
                          BigDecimal offlineCreditHours, int target, int requiredCompleted, int requiredTotal,
                          List<Item> required) {

        public List<Item> overdue() {
            return required.stream().filter(Item::overdue).toList();
        }

        public boolean targetMet() {
            return creditHours.compareTo(BigDecimal.valueOf(target)) >= 0;
        }
    }

    /**
     * @param completions the member's completed progress, any year (a material studied once counts once)
     * @param offline     the member's offline sittings, any year
     * @param targets     the credit-hour targets and new-member window in force for {@code year}
     * @param today       the date in Asia/Shanghai
     */
    public static Summary summarize(RosterMember member, int year, Collection<Requirement> requirements,
                                    Collection<Progress> completions, Collection<OfflineStudy> offline,
                                    StudyRules rules, StudyTargets targets, LocalDate today) {
        Map<String, Requirement> mine = new LinkedHashMap<>();
        for (Requirement r : requirements) {
            if (r.reach().reaches(member)) {
                mine.merge(r.materialId(), r.forMember(member, targets), CreditLedger::earlierDue);
            }
        }
        Map<String, Progress> done = new LinkedHashMap<>();
        completions.stream().filter(Progress::completed).forEach(p -> done.put(p.materialId(), p));
        List<Item> items = mine.values().stream()
                .map(r -> {
                    boolean completed = done.containsKey(r.materialId());
                    return new Item(r.materialId(), r.title(), r.dueOn(), completed,
                            !completed && r.dueOn() != null && r.dueOn().isBefore(today));
                })
                .sorted(Comparator.comparing(Item::dueOn, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        BigDecimal online = done.values().stream().filter(p -> p.year() != null && p.year() == year)
                .map(Progress::creditHours).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal offlineHours = offline.stream().filter(o -> o.year() == year).map(o -> o.creditHours(rules))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int completed = (int) items.stream().filter(Item::completed).count();
        return new Summary(member.id(), member.department(), member.branchId(), year, online.add(offlineHours),
                offlineHours, targets.targetFor(member.leadingCadre(), member.secretary()), completed, items.size(), items);
    }

    private static Requirement earlierDue(Requirement a, Requirement b) {
        if (a.dueOn() == null) {
            return b;
        }
        if (b.dueOn() == null) {
            return a;
        }
        return a.dueOn().isAfter(b.dueOn()) ? b : a;
    }
}

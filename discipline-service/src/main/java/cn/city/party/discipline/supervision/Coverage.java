package cn.city.party.discipline.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 覆盖率 against the 100% target: the share of the population (current members, or active branches) covered at
 * least once in the year. Covering someone twice counts once; covering someone who has since left does not count.
 */
public record Coverage(String department, SupervisionRecord.Kind kind, int year, int target, int covered,
                       BigDecimal ratePercent, boolean targetMet) {

    public static Coverage of(String department, SupervisionRecord.Kind kind, int year, Collection<String> population,
                              List<SupervisionRecord> records) {
        Set<String> covered = new HashSet<>();
        records.stream().filter(r -> r.kind() == kind && r.year() == year).forEach(r -> covered.addAll(r.coveredIds()));
        covered.retainAll(new HashSet<>(population));
        int target = new HashSet<>(population).size();
        BigDecimal rate = target == 0 ? BigDecimal.valueOf(100).setScale(1, RoundingMode.UNNECESSARY)
                : BigDecimal.valueOf(covered.size() * 100L).divide(BigDecimal.valueOf(target), 1, RoundingMode.DOWN);
        return new Coverage(department, kind, year, target, covered.size(), rate, covered.size() == target);
    }
}

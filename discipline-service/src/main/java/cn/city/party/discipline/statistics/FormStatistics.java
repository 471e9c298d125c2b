package cn.city.party.discipline.statistics;

import cn.city.party.discipline.lead.Lead;
import cn.city.party.discipline.lead.LeadSource;
import cn.city.party.discipline.lead.Outcome;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 四种形态统计: per department and period, leads received by source and decisions by form and outcome. Counts only,
 * never content: this is what the work committee may see.
 */
public final class FormStatistics {

    /** One department's counts in the period (received by {@code receivedOn}, decided by {@code decidedOn}). */
    public record DepartmentCounts(String department, long received, Map<LeadSource, Long> bySource, long decided,
                                   Map<Integer, Long> byForm, Map<Outcome, Long> byOutcome) {
    }

    public record Report(LocalDate from, LocalDate to, List<DepartmentCounts> departments, DepartmentCounts total) {
    }

    private FormStatistics() {
    }

    public static Report of(Collection<Lead> leads, LocalDate from, LocalDate to) {
        Map<String, List<Lead>> byDepartment = leads.stream()
                .collect(Collectors.groupingBy(Lead::department, TreeMap::new, Collectors.toList()));
        List<DepartmentCounts> departments = byDepartment.entrySet().stream()
                .map(e -> counts(e.getKey(), e.getValue(), from, to))
                .filter(c -> c.received() > 0 || c.decided() > 0)
                .toList();
        return new Report(from, to, departments, counts(null, leads, from, to));
    }

    private static DepartmentCounts counts(String department, Collection<Lead> leads, LocalDate from, LocalDate to) {
        List<Lead> received = leads.stream().filter(l -> within(l.receivedOn(), from, to)).toList();
        List<Lead> decided = leads.stream().filter(l -> l.outcome() != null && within(l.decidedOn(), from, to)).toList();
        Map<LeadSource, Long> bySource = count(received, Lead::source, new EnumMap<>(LeadSource.class), LeadSource.values());
        Map<Outcome, Long> byOutcome = count(decided, Lead::outcome, new EnumMap<>(Outcome.class), Outcome.values());
        Map<Integer, Long> byForm = count(decided, l -> l.outcome().form(), new TreeMap<>(), new Integer[]{1, 2, 3, 4});
        return new DepartmentCounts(department, received.size(), bySource, decided.size(), byForm, byOutcome);
    }

    private static <K> Map<K, Long> count(List<Lead> leads, Function<Lead, K> key, Map<K, Long> into, K[] all) {
        for (K k : all) {
            into.put(k, 0L);
        }
        leads.forEach(l -> into.merge(key.apply(l), 1L, Long::sum));
        return into;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}

package cn.city.party.discipline.statistics;

import cn.city.party.discipline.lead.Lead;
import cn.city.party.discipline.lead.LeadSource;
import cn.city.party.discipline.lead.Outcome;
import cn.city.party.discipline.sanction.Sanction;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 四种形态统计: per department and period, leads received by source and decisions by form and outcome. Counts only,
 * never content: this is what the work committee may see. A decision is every outcome of a lead and every sanction
 * (or 诫勉), with or without a lead; a sanction imposed on a lead stands for that lead's outcome, so it is counted
 * once. A revoked sanction is not counted (it was annulled); a corrected one counts as corrected.
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

    /** One decision counted: its department, outcome (form) and day. */
    record Decision(String department, Outcome outcome, LocalDate decidedOn) {
    }

    public static Report of(Collection<Lead> leads, Collection<Sanction> sanctions, LocalDate from, LocalDate to) {
        List<Decision> decisions = decisions(leads, sanctions);
        Set<String> departments = new java.util.TreeSet<>();
        leads.forEach(l -> departments.add(l.department()));
        decisions.forEach(d -> departments.add(d.department()));
        List<DepartmentCounts> counts = departments.stream()
                .map(department -> counts(department,
                        leads.stream().filter(l -> l.department().equals(department)).toList(),
                        decisions.stream().filter(d -> d.department().equals(department)).toList(), from, to))
                .filter(c -> c.received() > 0 || c.decided() > 0)
                .toList();
        return new Report(from, to, counts, counts(null, leads, decisions, from, to));
    }

    private static List<Decision> decisions(Collection<Lead> leads, Collection<Sanction> sanctions) {
        List<Sanction> standing = sanctions.stream().filter(s -> s.status() == Sanction.Status.ACTIVE).toList();
        Set<String> leadsWithSanction = sanctions.stream().map(Sanction::leadId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        List<Decision> decisions = new java.util.ArrayList<>();
        leads.stream().filter(l -> l.outcome() != null && !(isSanction(l.outcome()) && leadsWithSanction.contains(l.id())))
                .forEach(l -> decisions.add(new Decision(l.department(), l.outcome(), l.decidedOn())));
        standing.forEach(s -> decisions.add(new Decision(s.department(), s.type().outcome(), s.decidedOn())));
        return decisions;
    }

    private static boolean isSanction(Outcome outcome) {
        return java.util.Arrays.stream(cn.city.party.discipline.sanction.SanctionType.values())
                .anyMatch(t -> t.outcome() == outcome);
    }

    private static DepartmentCounts counts(String department, Collection<Lead> leads, Collection<Decision> all,
                                           LocalDate from, LocalDate to) {
        List<Lead> received = leads.stream().filter(l -> within(l.receivedOn(), from, to)).toList();
        List<Decision> decided = all.stream().filter(d -> within(d.decidedOn(), from, to)).toList();
        Map<LeadSource, Long> bySource = count(received, Lead::source, new EnumMap<>(LeadSource.class), LeadSource.values());
        Map<Outcome, Long> byOutcome = count(decided, Decision::outcome, new EnumMap<>(Outcome.class), Outcome.values());
        Map<Integer, Long> byForm = count(decided, d -> d.outcome().form(), new TreeMap<>(), new Integer[]{1, 2, 3, 4});
        return new DepartmentCounts(department, received.size(), bySource, decided.size(), byForm, byOutcome);
    }

    private static <T, K> Map<K, Long> count(List<T> items, Function<T, K> key, Map<K, Long> into, K[] all) {
        for (K k : all) {
            into.put(k, 0L);
        }
        items.forEach(i -> into.merge(key.apply(i), 1L, Long::sum));
        return into;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}

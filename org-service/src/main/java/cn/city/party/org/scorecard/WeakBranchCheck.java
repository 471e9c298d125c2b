package cn.city.party.org.scorecard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * 软弱涣散基层党组织: which of the year's criteria a branch meets on the reference date, each with the facts behind it.
 * Any one criterion flags the branch.
 */
public final class WeakBranchCheck {

    static final String ORGANIZATIONAL_LIFE_MEETING = "ORGANIZATIONAL_LIFE_MEETING";

    public enum Criterion {
        SECRETARY_VACANT("书记空缺超过规定期限"),
        QUARTERS_MISSED("连续多个季度未落实组织生活"),
        NO_ORGANIZATIONAL_LIFE_MEETING("全年未召开组织生活会"),
        TOO_FEW_FULL_MEMBERS("正式党员不足");

        private final String label;

        Criterion(String label) {
            this.label = label;
        }

        public String label() { return label; }
    }

    /** A criterion met, its label, and what shows it (e.g. {@code 2026-03-01}, {@code 2026-Q2,2026-Q3}). */
    public record Reason(Criterion criterion, String label, String detail) {
        static Reason of(Criterion c, String detail) {
            return new Reason(c, c.label(), detail);
        }
    }

    private WeakBranchCheck() {
    }

    /**
     * @param tooFewFullMembers the org rules' size check of the branch today (the roster is not kept per year)
     */
    public static List<Reason> reasons(BranchFacts facts, ScoringRules.WeakBranchCriteria criteria, int year,
                                       boolean tooFewFullMembers, LocalDate referenceDate) {
        List<Reason> reasons = new ArrayList<>();
        secretaryVacantSince(facts, year, referenceDate)
                .filter(since -> since.plusMonths(criteria.secretaryVacantMonths()).isBefore(referenceDate))
                .ifPresent(since -> reasons.add(Reason.of(Criterion.SECRETARY_VACANT, since.toString())));
        List<String> run = longestMissedQuarterRun(facts);
        if (run.size() >= criteria.consecutiveQuartersMissed()) {
            reasons.add(Reason.of(Criterion.QUARTERS_MISSED, String.join(",", run)));
        }
        if (criteria.organizationalLifeMeeting()) {
            facts.compliance().stream().filter(p -> "YEAR".equals(p.periodKind()))
                    .flatMap(p -> p.rules().stream().map(r -> new String[]{p.period(), r.type(), r.status()}))
                    .filter(r -> ORGANIZATIONAL_LIFE_MEETING.equals(r[1]) && "MISSED".equals(r[2]))
                    .findFirst().ifPresent(r -> reasons.add(Reason.of(Criterion.NO_ORGANIZATIONAL_LIFE_MEETING, r[0])));
        }
        if (criteria.tooFewFullMembers() && tooFewFullMembers) {
            reasons.add(Reason.of(Criterion.TOO_FEW_FULL_MEMBERS, ""));
        }
        return reasons;
    }

    /**
     * Since when the branch has had no secretary on the reference date: the day the term covering it was first seen
     * without one; the day after the last term ended; or, with no term on record, the first day of the year.
     */
    static Optional<LocalDate> secretaryVacantSince(BranchFacts facts, int year, LocalDate day) {
        Optional<BranchFacts.Term> covering = facts.terms().stream().filter(t -> t.covers(day))
                .max(Comparator.comparing(BranchFacts.Term::termStart));
        if (covering.isPresent()) {
            BranchFacts.Term t = covering.get();
            return t.hasSecretary() ? Optional.empty()
                    : Optional.of(t.secretaryVacantSince() != null ? t.secretaryVacantSince() : t.termStart());
        }
        return Optional.of(facts.terms().stream().filter(t -> t.termEnd().isBefore(day))
                .map(t -> t.termEnd().plusDays(1)).max(Comparator.naturalOrder())
                .orElse(LocalDate.of(year, 1, 1)));
    }

    /** The longest run of consecutive quarters of the year in which a quarterly rule was missed. */
    private static List<String> longestMissedQuarterRun(BranchFacts facts) {
        TreeSet<String> missed = new TreeSet<>();
        facts.compliance().stream().filter(p -> "QUARTER".equals(p.periodKind()) && "MISSED".equals(p.status()))
                .forEach(p -> missed.add(p.period()));
        List<String> best = List.of();
        List<String> run = new ArrayList<>();
        String previous = null;
        for (String q : missed) {
            if (previous == null || !next(previous).equals(q)) {
                run = new ArrayList<>();
            }
            run.add(q);
            previous = q;
            if (run.size() > best.size()) {
                best = List.copyOf(run);
            }
        }
        return best;
    }

    /** 2026-Q2 → 2026-Q3, 2026-Q4 → 2027-Q1. */
    private static String next(String quarter) {
        int y = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(quarter.length() - 1) - '0';
        return q == 4 ? (y + 1) + "-Q1" : y + "-Q" + (q + 1);
    }
}

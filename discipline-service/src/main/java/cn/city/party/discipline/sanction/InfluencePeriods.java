package cn.city.party.discipline.sanction;

import cn.city.party.common.error.Problems;
import cn.city.party.discipline.DisciplineRules;

import java.time.LocalDate;

/**
 * 影响期: from the decision date for the configured number of months (留党察看: the 12 or 24 months decided);
 * {@code until} is the last day inside the period, e.g. 严重警告 decided 2026-03-10 → 2027-09-09.
 */
public final class InfluencePeriods {

    public record Period(LocalDate from, LocalDate until) {
    }

    private final DisciplineRules rules;

    public InfluencePeriods(DisciplineRules rules) {
        this.rules = rules;
    }

    public Period of(SanctionType type, LocalDate decidedOn, Integer probationMonths) {
        int months;
        if (type == SanctionType.PROBATION) {
            if (probationMonths == null || !rules.probationMonths().contains(probationMonths)) {
                throw Problems.rule("probationMonths", "sanction.probationMonths", rules.probationMonths());
            }
            months = probationMonths;
        } else {
            if (probationMonths != null) {
                throw Problems.rule("probationMonths", "sanction.probationMonthsOnlyForProbation");
            }
            Integer configured = rules.influenceMonths().get(type);
            if (configured == null) {
                throw new IllegalStateException("discipline.rules.influence-months has no value for " + type);
            }
            months = configured;
        }
        return new Period(decidedOn, decidedOn.plusMonths(months).minusDays(1));
    }
}

package cn.city.party.discipline.sanction;

import cn.city.party.discipline.lead.Outcome;

/** 党纪处分 and 诫勉: the outcomes of the four forms that are imposed on a member and have an influence period. */
public enum SanctionType {
    ADMONISHMENT(Outcome.ADMONISHMENT),
    WARNING(Outcome.WARNING),
    SERIOUS_WARNING(Outcome.SERIOUS_WARNING),
    REMOVAL_FROM_POSTS(Outcome.REMOVAL_FROM_POSTS),
    PROBATION(Outcome.PROBATION),
    EXPULSION(Outcome.EXPULSION);

    private final Outcome outcome;

    SanctionType(Outcome outcome) {
        this.outcome = outcome;
    }

    public String label() {
        return outcome.label();
    }

    /** The outcome of the four forms this sanction is. */
    public Outcome outcome() {
        return outcome;
    }

    /** The form (1–4) this sanction counts in, that of its outcome. */
    public int form() {
        return outcome.form();
    }
}

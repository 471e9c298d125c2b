package cn.city.party.discipline.sanction;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import cn.city.party.discipline.lead.Lead;
import cn.city.party.discipline.lead.LeadSource;
import cn.city.party.discipline.lead.LeadState;
import cn.city.party.discipline.lead.Outcome;
import cn.city.party.discipline.lead.WorkingCalendar;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A sanction from a lead carries out that lead's decision, on one of its subjects. */
class DecisionBasisTest {

    static final Caller HANDLER = new Caller("h", "caizheng-inspector", "caizheng", Set.of(Role.INSPECTOR), false);
    static final WorkingCalendar CALENDAR = WorkingCalendar.of(List.of(), List.of());

    private static Lead lead() {
        return new Lead("l", "caizheng", LeadSource.AUDIT, List.of("caizheng-m05"), null, "摘要",
                LocalDate.of(2026, 3, 1), HANDLER, Instant.now());
    }

    private static void move(Lead lead, LeadState to, Outcome outcome) {
        lead.transition(to, "r", outcome, HANDLER, Instant.now(), LocalDate.of(2026, 3, 10), CALENDAR, 15);
    }

    @Test
    void the_decided_outcome_on_a_subject_is_a_basis() {
        Lead lead = lead();
        move(lead, LeadState.PRELIMINARY_VERIFICATION, null);
        move(lead, LeadState.CASE_FILED, null);
        assertThat(catchThrowableOfType(DomainProblem.class, () -> DecisionBasis.check(lead, "caizheng-m05", SanctionType.WARNING))
                .code()).isEqualTo("sanction.leadNotDecided");
        move(lead, LeadState.DECIDED, Outcome.WARNING);

        DecisionBasis.check(lead, "caizheng-m05", SanctionType.WARNING);
        assertThat(catchThrowableOfType(DomainProblem.class, () -> DecisionBasis.check(lead, "caizheng-m05", SanctionType.SERIOUS_WARNING))
                .violations().get(0).field()).isEqualTo("type");
        assertThat(catchThrowableOfType(DomainProblem.class, () -> DecisionBasis.check(lead, "caizheng-m06", SanctionType.WARNING))
                .violations().get(0).field()).isEqualTo("memberId");
        move(lead, LeadState.CLOSED, null);
        DecisionBasis.check(lead, "caizheng-m05", SanctionType.WARNING);
    }

    @Test
    void every_sanction_type_is_an_outcome_of_the_same_form() {
        for (SanctionType type : SanctionType.values()) {
            assertThat(Outcome.valueOf(type.name()).form()).as(type.name()).isEqualTo(type.form());
        }
    }
}

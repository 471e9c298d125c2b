package cn.city.party.discipline.lead;

import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import cn.city.party.discipline.sanction.InfluencePeriods;
import cn.city.party.discipline.sanction.Sanction;
import cn.city.party.discipline.sanction.SanctionType;
import cn.city.party.discipline.statistics.FormStatistics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** 四种形态统计: each decided outcome counts in its form, per department and period. */
class FormStatisticsTest {

    static final Caller CITY = new Caller("c", "city-inspector", "gongwei", Set.of(Role.INSPECTOR), true);
    static final WorkingCalendar CALENDAR = WorkingCalendar.of(List.of(), List.of());

    private static Lead lead(String department, LeadSource source, LocalDate received, Outcome outcome, LocalDate decidedOn) {
        Lead lead = new Lead(department + received + outcome, department, source, List.of("m"), null, "s", received, CITY,
                Instant.now());
        if (outcome != null) {
            if (outcome.form() > 1) {
                lead.transition(LeadState.PRELIMINARY_VERIFICATION, "r", null, CITY, Instant.now(), decidedOn, CALENDAR, 15);
                lead.transition(LeadState.CASE_FILED, "r", null, CITY, Instant.now(), decidedOn, CALENDAR, 15);
            } else {
                lead.transition(LeadState.INQUIRY, "r", null, CITY, Instant.now(), decidedOn, CALENDAR, 15);
            }
            lead.transition(LeadState.DECIDED, "r", outcome, CITY, Instant.now(), decidedOn, CALENDAR, 15);
        }
        return lead;
    }

    @Test
    void counts_by_form_source_and_outcome_per_department_inside_the_period() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 6, 30);
        List<Lead> leads = List.of(
                lead("caizheng", LeadSource.PETITION_REPORT, LocalDate.of(2026, 2, 1), Outcome.REMINDER_TALK, LocalDate.of(2026, 3, 1)),
                lead("caizheng", LeadSource.AUDIT, LocalDate.of(2026, 2, 2), Outcome.SERIOUS_WARNING, LocalDate.of(2026, 4, 1)),
                lead("caizheng", LeadSource.AUDIT, LocalDate.of(2025, 12, 1), Outcome.EXPULSION, LocalDate.of(2026, 5, 1)),
                lead("caizheng", LeadSource.PATROL_INSPECTION, LocalDate.of(2026, 5, 1), Outcome.CASE_TRANSFER, LocalDate.of(2026, 7, 1)),
                lead("jiaoyu", LeadSource.INSPECTION, LocalDate.of(2026, 3, 1), null, null));

        FormStatistics.Report report = FormStatistics.of(leads, List.of(), from, to);

        FormStatistics.DepartmentCounts caizheng = report.departments().get(0);
        assertThat(caizheng.department()).isEqualTo("caizheng");
        assertThat(caizheng.received()).as("the December lead was received before the period").isEqualTo(3);
        assertThat(caizheng.bySource().get(LeadSource.AUDIT)).isEqualTo(1);
        assertThat(caizheng.bySource().get(LeadSource.PATROL_INSPECTION)).isEqualTo(1);
        assertThat(caizheng.decided()).as("the July decision is after the period").isEqualTo(3);
        assertThat(caizheng.byForm()).containsEntry(1, 1L).containsEntry(2, 1L).containsEntry(3, 1L).containsEntry(4, 0L);
        assertThat(caizheng.byOutcome().get(Outcome.SERIOUS_WARNING)).isEqualTo(1);
        assertThat(report.departments().get(1).department()).isEqualTo("jiaoyu");
        assertThat(report.departments().get(1).decided()).isZero();
        assertThat(report.total().received()).isEqualTo(4);
        assertThat(report.total().byForm().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
    }

    private static Sanction sanction(String id, String department, SanctionType type, LocalDate decidedOn, String leadId) {
        return new Sanction(id, department, "m-" + id, department + "-branch-1", type, null, decidedOn,
                new InfluencePeriods.Period(decidedOn, decidedOn.plusMonths(12).minusDays(1)), leadId, "inspector", Instant.now());
    }

    @Test
    void every_sanction_counts_with_or_without_a_lead_and_a_sanction_on_a_lead_counts_once() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        Lead decided = lead("caizheng", LeadSource.AUDIT, LocalDate.of(2026, 2, 1), Outcome.WARNING, LocalDate.of(2026, 3, 1));
        Sanction onTheLead = sanction("s1", "caizheng", SanctionType.WARNING, LocalDate.of(2026, 3, 1), decided.id());
        Sanction withoutLead = sanction("s2", "caizheng", SanctionType.EXPULSION, LocalDate.of(2026, 4, 1), null);
        Sanction admonishment = sanction("s3", "jiaoyu", SanctionType.ADMONISHMENT, LocalDate.of(2026, 5, 1), null);
        Sanction revoked = sanction("s4", "jiaoyu", SanctionType.SERIOUS_WARNING, LocalDate.of(2026, 5, 2), null);
        revoked.revoke(LocalDate.of(2026, 6, 1), "申诉成立", "inspector", Instant.now());

        FormStatistics.Report report = FormStatistics.of(List.of(decided), List.of(onTheLead, withoutLead, admonishment, revoked), from, to);

        FormStatistics.DepartmentCounts caizheng = report.departments().get(0);
        assertThat(caizheng.decided()).isEqualTo(2);
        assertThat(caizheng.byOutcome().get(Outcome.WARNING)).isEqualTo(1);
        assertThat(caizheng.byOutcome().get(Outcome.EXPULSION)).isEqualTo(1);
        assertThat(caizheng.byForm()).containsEntry(1, 0L).containsEntry(2, 1L).containsEntry(3, 1L).containsEntry(4, 0L);
        FormStatistics.DepartmentCounts jiaoyu = report.departments().get(1);
        assertThat(jiaoyu.department()).as("a department with sanctions but no lead is counted").isEqualTo("jiaoyu");
        assertThat(jiaoyu.received()).isZero();
        assertThat(jiaoyu.decided()).as("the revoked serious warning is not counted").isEqualTo(1);
        assertThat(jiaoyu.byForm()).containsEntry(1, 1L).containsEntry(2, 0L);
        assertThat(report.total().decided()).isEqualTo(3);
    }
}

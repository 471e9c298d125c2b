package cn.city.party.discipline.lead;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static cn.city.party.discipline.lead.LeadState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** 线索处置: every allowed step and every refused one. */
class LeadWorkflowTest {

    static final Caller HANDLER = new Caller("h-1", "caizheng-inspector", "caizheng", Set.of(Role.INSPECTOR), false);
    static final Caller OTHER_INSPECTOR = new Caller("h-2", "other", "caizheng", Set.of(Role.INSPECTOR), false);
    static final Caller CITY_INSPECTOR = new Caller("c-1", "city-inspector", "gongwei", Set.of(Role.INSPECTOR), true);
    static final Caller WORK_COMMITTEE = new Caller("w-1", "work-committee", "gongwei", Set.of(Role.WORK_COMMITTEE_ADMIN), true);

    /** The table of the regulation, written out independently of the implementation. */
    static final Map<LeadState, Set<LeadState>> ALLOWED = Map.of(
            RECEIVED, EnumSet.of(INQUIRY, PRELIMINARY_VERIFICATION, SET_ASIDE, CONCLUDED),
            INQUIRY, EnumSet.of(PRELIMINARY_VERIFICATION, CASE_FILED, DECIDED, CONCLUDED),
            PRELIMINARY_VERIFICATION, EnumSet.of(CASE_FILED, DECIDED, CONCLUDED),
            SET_ASIDE, EnumSet.of(INQUIRY, PRELIMINARY_VERIFICATION, CONCLUDED),
            CASE_FILED, EnumSet.of(DECIDED),
            CONCLUDED, EnumSet.of(CLOSED),
            DECIDED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(LeadState.class));

    static Stream<Arguments> allowed() {
        List<Arguments> all = new ArrayList<>();
        ALLOWED.forEach((from, tos) -> tos.forEach(to -> all.add(Arguments.of(from, to))));
        return all.stream();
    }

    static Stream<Arguments> refused() {
        List<Arguments> all = new ArrayList<>();
        for (LeadState from : LeadState.values()) {
            for (LeadState to : LeadState.values()) {
                if (!ALLOWED.get(from).contains(to)) {
                    all.add(Arguments.of(from, to));
                }
            }
        }
        return all.stream();
    }

    private static Outcome outcomeFor(LeadState to) {
        return to == DECIDED ? Outcome.CRITICISM : null;
    }

    @ParameterizedTest(name = "{0} → {1} is allowed")
    @MethodSource("allowed")
    void every_allowed_step_is_taken(LeadState from, LeadState to) {
        LeadWorkflow.check(from, to, outcomeFor(to), HANDLER, HANDLER.subject());
        assertThat(LeadWorkflow.allowedFrom(from)).contains(to);
    }

    @ParameterizedTest(name = "{0} → {1} is refused")
    @MethodSource("refused")
    void every_other_step_is_refused_naming_the_current_and_the_allowed_states(LeadState from, LeadState to) {
        DomainProblem problem = catchThrowableOfType(DomainProblem.class,
                () -> LeadWorkflow.check(from, to, outcomeFor(to), HANDLER, HANDLER.subject()));
        assertThat(problem.code()).isEqualTo("lead.illegalTransition");
        assertThat(problem.status().value()).isEqualTo(409);
        assertThat(problem.args()[0].toString()).startsWith(from.name());
        assertThat(problem.args()[1]).isEqualTo(to.name());
        for (LeadState next : ALLOWED.get(from)) {
            assertThat(problem.args()[2].toString()).contains(next.name());
        }
    }

    @Test
    void the_table_covers_every_state() {
        for (LeadState state : LeadState.values()) {
            assertThat(LeadWorkflow.allowedFrom(state)).as(state.name()).isEqualTo(ALLOWED.get(state));
        }
    }

    @Test
    void only_the_handler_or_a_city_inspector_moves_a_lead() {
        LeadWorkflow.check(RECEIVED, INQUIRY, null, CITY_INSPECTOR, HANDLER.subject());
        for (Caller refused : List.of(OTHER_INSPECTOR, WORK_COMMITTEE)) {
            DomainProblem problem = catchThrowableOfType(DomainProblem.class,
                    () -> LeadWorkflow.check(RECEIVED, INQUIRY, null, refused, HANDLER.subject()));
            assertThat(problem.status().value()).as(refused.username()).isEqualTo(403);
        }
    }

    @Test
    void a_decision_needs_an_outcome_and_only_form_one_without_a_filed_case() {
        assertThat(catchThrowableOfType(DomainProblem.class,
                () -> LeadWorkflow.check(CASE_FILED, DECIDED, null, HANDLER, HANDLER.subject())).code())
                .isEqualTo("lead.outcomeRequired");
        for (Outcome outcome : Outcome.values()) {
            LeadWorkflow.check(CASE_FILED, DECIDED, outcome, HANDLER, HANDLER.subject());
            for (LeadState from : List.of(INQUIRY, PRELIMINARY_VERIFICATION)) {
                if (outcome.form() == 1) {
                    LeadWorkflow.check(from, DECIDED, outcome, HANDLER, HANDLER.subject());
                } else {
                    assertThat(catchThrowableOfType(DomainProblem.class,
                            () -> LeadWorkflow.check(from, DECIDED, outcome, HANDLER, HANDLER.subject())).code())
                            .isEqualTo("lead.outcomeNeedsCase");
                }
            }
        }
        assertThat(catchThrowableOfType(DomainProblem.class,
                () -> LeadWorkflow.check(RECEIVED, CONCLUDED, Outcome.WARNING, HANDLER, HANDLER.subject())).code())
                .isEqualTo("lead.outcomeOnlyWhenDecided");
    }

    @Test
    void every_outcome_is_coded_to_one_of_the_four_forms() {
        assertThat(Outcome.values()).allSatisfy(o -> assertThat(o.form()).isBetween(1, 4));
        assertThat(EnumSet.allOf(Outcome.class).stream().filter(o -> o.form() == 1))
                .containsExactlyInAnyOrder(Outcome.REMINDER_TALK, Outcome.CRITICISM, Outcome.WRITTEN_SELF_EXAMINATION, Outcome.ADMONISHMENT);
        assertThat(EnumSet.allOf(Outcome.class).stream().filter(o -> o.form() == 2))
                .containsExactlyInAnyOrder(Outcome.WARNING, Outcome.SERIOUS_WARNING);
        assertThat(EnumSet.allOf(Outcome.class).stream().filter(o -> o.form() == 3))
                .containsExactlyInAnyOrder(Outcome.REMOVAL_FROM_POSTS, Outcome.PROBATION, Outcome.EXPULSION);
        assertThat(Outcome.CASE_TRANSFER.form()).isEqualTo(4);
    }

    @Test
    void entering_an_inquiry_starts_the_fifteen_working_day_deadline_and_each_step_records_who_when_why() {
        Lead lead = new Lead("l-1", "caizheng", LeadSource.PETITION_REPORT, List.of("caizheng-m01"), null, "摘要",
                LocalDate.of(2026, 3, 1), HANDLER, Instant.parse("2026-03-02T01:00:00Z"));
        Instant at = Instant.parse("2026-03-02T02:00:00Z");
        Lead.Step step = lead.transition(INQUIRY, "函询", null, HANDLER, at, LocalDate.of(2026, 3, 2),
                WorkingCalendar.of(List.of(), List.of()), 15);

        assertThat(step).isEqualTo(new Lead.Step(RECEIVED, INQUIRY, "函询", null, "h-1", "caizheng-inspector", at));
        assertThat(lead.inquiryDueOn()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(lead.inquiryOverdue(LocalDate.of(2026, 3, 23))).isFalse();
        assertThat(lead.inquiryOverdue(LocalDate.of(2026, 3, 24))).isTrue();
        lead.replyReceived(LocalDate.of(2026, 3, 20), HANDLER, LocalDate.of(2026, 3, 24));
        assertThat(lead.inquiryOverdue(LocalDate.of(2026, 3, 24))).isFalse();
        assertThatThrownBy(() -> lead.replyReceived(LocalDate.of(2026, 3, 21), HANDLER, LocalDate.of(2026, 3, 24)))
                .isInstanceOf(DomainProblem.class);
    }

    @Test
    void a_refused_step_leaves_the_lead_as_it_was() {
        Lead lead = new Lead("l-2", "caizheng", LeadSource.AUDIT, List.of(), "caizheng-branch-1", "摘要",
                LocalDate.of(2026, 3, 1), HANDLER, Instant.now());
        assertThatThrownBy(() -> lead.transition(CLOSED, "结束", null, HANDLER, Instant.now(), LocalDate.of(2026, 3, 2),
                WorkingCalendar.of(List.of(), List.of()), 15)).isInstanceOf(DomainProblem.class);
        assertThat(lead.state()).isEqualTo(RECEIVED);
        assertThat(lead.steps()).isEmpty();
    }

    static final Caller JIAOYU_INSPECTOR = new Caller("j-1", "jiaoyu-inspector", "jiaoyu", Set.of(Role.INSPECTOR), false);
    static final Caller CAIZHENG_ADMIN = new Caller("a-1", "caizheng-admin", "caizheng", Set.of(Role.DEPT_ADMIN), false);
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private static Lead lead() {
        return new Lead("l-3", "caizheng", LeadSource.AUDIT, List.of("m"), null, "摘要", LocalDate.of(2026, 3, 1),
                HANDLER, NOW);
    }

    private static int status(Runnable action) {
        return catchThrowableOfType(DomainProblem.class, action::run).status().value();
    }

    private static String code(Runnable action) {
        return catchThrowableOfType(DomainProblem.class, action::run).code();
    }

    @Test
    void only_the_handler_or_a_city_inspector_offers_a_lead_and_it_changes_hands_when_the_receiver_accepts() {
        Lead lead = lead();
        assertThat(status(() -> lead.offerHandover("h-2", "other", "回避", OTHER_INSPECTOR, NOW))).isEqualTo(403);
        lead.offerHandover("h-2", "other", "回避", CITY_INSPECTOR, NOW);
        assertThat(lead.handler()).as("not before it is accepted").isEqualTo("h-1");
        assertThat(code(() -> lead.acceptHandover(JIAOYU_INSPECTOR))).isEqualTo("lead.handoverNotForYou");
        lead.acceptHandover(OTHER_INSPECTOR);
        assertThat(lead.handler()).isEqualTo("h-2");
        assertThat(lead.handlerName()).as("the name from the receiver's own token").isEqualTo("other");
        assertThat(lead.pendingHandover()).isNull();
        assertThat(status(() -> lead.offerHandover("h-1", "back", "退回", HANDLER, NOW)))
                .as("the former handler has no say any more").isEqualTo(403);
        lead.transition(CONCLUDED, "了结", null, OTHER_INSPECTOR, NOW, LocalDate.of(2026, 3, 2),
                WorkingCalendar.of(List.of(), List.of()), 15);
        lead.transition(CLOSED, "办结", null, OTHER_INSPECTOR, NOW, LocalDate.of(2026, 3, 2),
                WorkingCalendar.of(List.of(), List.of()), 15);
        assertThat(code(() -> lead.offerHandover("h-1", "back", "退回", CITY_INSPECTOR, NOW))).isEqualTo("lead.closed");
    }

    @Test
    void a_lead_is_handed_over_only_to_an_inspector_with_jurisdiction_over_its_department() {
        Lead toOtherDepartment = lead();
        toOtherDepartment.offerHandover("j-1", "jiaoyu-inspector", "协助", HANDLER, NOW);
        assertThat(code(() -> toOtherDepartment.acceptHandover(JIAOYU_INSPECTOR))).isEqualTo("lead.noJurisdiction");
        assertThat(toOtherDepartment.handler()).isEqualTo("h-1");

        Lead toAnAdmin = lead();
        toAnAdmin.offerHandover("a-1", "caizheng-admin", "协助", HANDLER, NOW);
        assertThat(code(() -> toAnAdmin.acceptHandover(CAIZHENG_ADMIN))).as("not an inspector").isEqualTo("lead.noJurisdiction");

        Lead toTheCity = lead();
        toTheCity.offerHandover("c-1", "city-inspector", "提级办理", HANDLER, NOW);
        toTheCity.acceptHandover(CITY_INSPECTOR);
        assertThat(toTheCity.handler()).isEqualTo("c-1");
    }

    private static Lead named() {
        Lead lead = lead();
        lead.namedReporter("v2:k:sealed");
        return lead;
    }

    @Test
    void the_named_reporter_is_revealed_once_per_request_of_the_handler_approved_by_a_second_inspector() {
        Lead lead = named();
        assertThat(lead.useReveal(HANDLER)).as("nothing approved yet").isFalse();
        assertThat(status(() -> lead.requestReveal("核实身份", OTHER_INSPECTOR, NOW))).as("only the handler asks").isEqualTo(403);
        lead.requestReveal("核实身份", HANDLER, NOW);
        assertThat(code(() -> lead.requestReveal("再次", HANDLER, NOW))).isEqualTo("lead.revealOpen");
        assertThat(lead.useReveal(HANDLER)).as("pending is not approved").isFalse();
        assertThat(code(() -> lead.decideReveal(true, "同意", HANDLER, NOW))).isEqualTo("lead.revealNeedsSecondInspector");
        assertThat(code(() -> lead.decideReveal(true, "同意", CAIZHENG_ADMIN, NOW))).isEqualTo("lead.revealNeedsSecondInspector");
        assertThat(code(() -> lead.decideReveal(true, "同意", JIAOYU_INSPECTOR, NOW))).isEqualTo("lead.noJurisdiction");
        lead.decideReveal(true, "同意", OTHER_INSPECTOR, NOW);
        assertThat(lead.revealRequest().status()).isEqualTo(Lead.RevealStatus.APPROVED);
        assertThat(lead.revealRequest().deciderName()).isEqualTo("other");
        assertThat(lead.useReveal(OTHER_INSPECTOR)).as("the approver is not the handler").isFalse();
        assertThat(lead.useReveal(HANDLER)).isTrue();
        assertThat(lead.useReveal(HANDLER)).as("one reveal per approval").isFalse();
        assertThat(lead.revealRequest().status()).isEqualTo(Lead.RevealStatus.USED);
    }

    @Test
    void a_refused_request_reveals_nothing_and_a_new_one_may_be_made() {
        Lead lead = named();
        lead.requestReveal("核实身份", HANDLER, NOW);
        lead.decideReveal(false, "理由不充分", CITY_INSPECTOR, NOW);
        assertThat(lead.revealRequest().status()).isEqualTo(Lead.RevealStatus.REFUSED);
        assertThat(lead.useReveal(HANDLER)).isFalse();
        assertThat(code(() -> lead.decideReveal(true, "改为同意", OTHER_INSPECTOR, NOW))).isEqualTo("lead.noRevealRequest");
        lead.requestReveal("补充理由后再次申请", HANDLER, NOW);
        assertThat(lead.revealRequest().status()).isEqualTo(Lead.RevealStatus.PENDING);
    }

    @Test
    void an_approval_lapses_when_the_lead_changes_hands_and_an_anonymous_lead_has_nothing_to_reveal() {
        Lead lead = named();
        lead.requestReveal("核实身份", HANDLER, NOW);
        lead.decideReveal(true, "同意", OTHER_INSPECTOR, NOW);
        lead.offerHandover("c-1", "city-inspector", "提级办理", HANDLER, NOW);
        lead.acceptHandover(CITY_INSPECTOR);
        assertThat(lead.useReveal(CITY_INSPECTOR)).isFalse();
        assertThat(lead.revealRequest()).isNull();
        assertThat(code(() -> lead().requestReveal("核实", HANDLER, NOW))).isEqualTo("lead.anonymous");
    }
}

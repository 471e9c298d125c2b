package cn.city.party.discipline.lead;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 线索处置流程, the explicit state machine:
 * <pre>
 * RECEIVED ──► INQUIRY 谈话函询 │ PRELIMINARY_VERIFICATION 初步核实 │ SET_ASIDE 暂存待查 │ CONCLUDED 予以了结
 * INQUIRY ──► PRELIMINARY_VERIFICATION │ CASE_FILED │ DECIDED (form-1 outcome only) │ CONCLUDED
 * PRELIMINARY_VERIFICATION ──► CASE_FILED 立案审查 │ DECIDED (form-1 outcome only) │ CONCLUDED
 * SET_ASIDE ──► INQUIRY │ PRELIMINARY_VERIFICATION │ CONCLUDED     (new facts came in)
 * CASE_FILED ──► DECIDED (any outcome, forms 1–4)
 * CONCLUDED, DECIDED ──► CLOSED
 * </pre>
 * Sanctions (forms 2–3) and case transfer (form 4) need a filed case first; without a case only form-1 handling
 * (talks, criticism, self-examination, admonishment) can be decided. Every step is taken by an inspector who is the
 * lead's handler or has city jurisdiction (纪检监察工委), and needs a reason.
 */
public final class LeadWorkflow {

    private static final Map<LeadState, EnumSet<LeadState>> NEXT = new EnumMap<>(LeadState.class);

    static {
        NEXT.put(LeadState.RECEIVED, EnumSet.of(LeadState.INQUIRY, LeadState.PRELIMINARY_VERIFICATION,
                LeadState.SET_ASIDE, LeadState.CONCLUDED));
        NEXT.put(LeadState.INQUIRY, EnumSet.of(LeadState.PRELIMINARY_VERIFICATION, LeadState.CASE_FILED,
                LeadState.DECIDED, LeadState.CONCLUDED));
        NEXT.put(LeadState.PRELIMINARY_VERIFICATION, EnumSet.of(LeadState.CASE_FILED, LeadState.DECIDED,
                LeadState.CONCLUDED));
        NEXT.put(LeadState.SET_ASIDE, EnumSet.of(LeadState.INQUIRY, LeadState.PRELIMINARY_VERIFICATION,
                LeadState.CONCLUDED));
        NEXT.put(LeadState.CASE_FILED, EnumSet.of(LeadState.DECIDED));
        NEXT.put(LeadState.CONCLUDED, EnumSet.of(LeadState.CLOSED));
        NEXT.put(LeadState.DECIDED, EnumSet.of(LeadState.CLOSED));
        NEXT.put(LeadState.CLOSED, EnumSet.noneOf(LeadState.class));
    }

    private LeadWorkflow() {
    }

    public static Set<LeadState> allowedFrom(LeadState state) {
        return EnumSet.copyOf(NEXT.get(state));
    }

    /** Only the lead's handler, or an inspector with city jurisdiction, moves a lead on. */
    public static void requireActor(Caller actor, String handlerSubject) {
        if (!actor.has(Role.INSPECTOR) || !(actor.cityJurisdiction() || actor.subject().equals(handlerSubject))) {
            throw Problems.forbidden("lead.notHandler");
        }
    }

    /** An inspector whose jurisdiction covers {@code department}: its own department, or the city. */
    public static void requireJurisdiction(Caller actor, String department) {
        if (!actor.has(Role.INSPECTOR) || !(actor.cityJurisdiction() || department.equals(actor.department()))) {
            throw Problems.forbidden("lead.noJurisdiction");
        }
    }

    /**
     * Refuses a step that the rules do not allow: 403 for an actor who may not take it, 409 naming the current state
     * and the allowed next states for one out of order, 422 for a missing or wrong outcome.
     */
    public static void check(LeadState from, LeadState to, Outcome outcome, Caller actor, String handlerSubject) {
        requireActor(actor, handlerSubject);
        Set<LeadState> allowed = allowedFrom(from);
        if (!allowed.contains(to)) {
            String names = allowed.isEmpty() ? "—" : allowed.stream().map(s -> s.name() + " " + s.label())
                    .collect(Collectors.joining(", "));
            throw Problems.conflict("lead.illegalTransition", from.name() + " " + from.label(), to.name(), names);
        }
        if (to == LeadState.DECIDED) {
            if (outcome == null) {
                throw Problems.rule("outcome", "lead.outcomeRequired");
            }
            if (from != LeadState.CASE_FILED && outcome.form() != 1) {
                throw Problems.rule("outcome", "lead.outcomeNeedsCase", outcome.label(), outcome.form());
            }
        } else if (outcome != null) {
            throw Problems.rule("outcome", "lead.outcomeOnlyWhenDecided");
        }
    }
}

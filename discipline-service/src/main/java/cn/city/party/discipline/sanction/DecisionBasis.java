package cn.city.party.discipline.sanction;

import cn.city.party.common.error.Problems;
import cn.city.party.discipline.lead.Lead;
import cn.city.party.discipline.lead.LeadState;

/**
 * A sanction imposed on the basis of a lead must follow its decision: the lead was decided (or closed after the
 * decision) with exactly this outcome, and the member was one of its subjects.
 */
public final class DecisionBasis {

    private DecisionBasis() {
    }

    public static void check(Lead lead, String memberId, SanctionType type) {
        if (lead.outcome() == null || !(lead.state() == LeadState.DECIDED || lead.state() == LeadState.CLOSED)) {
            throw Problems.rule("leadId", "sanction.leadNotDecided", lead.state().name() + " " + lead.state().label());
        }
        if (!lead.outcome().name().equals(type.name())) {
            throw Problems.rule("type", "sanction.typeDiffersFromDecision", lead.outcome().label());
        }
        if (!lead.subjectMemberIds().contains(memberId)) {
            throw Problems.rule("memberId", "sanction.memberNotSubject", memberId);
        }
    }
}

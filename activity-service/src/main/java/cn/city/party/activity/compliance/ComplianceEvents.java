package cn.city.party.activity.compliance;

import cn.city.party.common.events.EventType;

import java.util.List;

/** 合规评估: a branch's compliance for a period changed (the input of the branch scorecard). */
public final class ComplianceEvents {

    public static final String TOPIC = "party.activity.compliance";
    public static final EventType EVALUATED = new EventType(TOPIC + ".evaluated", 1, TOPIC);

    private ComplianceEvents() {
    }

    public record EvaluatedData(String department, String branchId, int year, String period, int rulesTotal,
                                int rulesMet, int rulesMissed, Double attendanceRate, Double lateEntryShare,
                                Double multiPurposeShare, Double minutesPresentShare, List<String> activityIds) {
    }
}

package cn.city.party.org.dues;

import cn.city.party.common.events.EventType;

/** Events about Party dues, on topic {@code party.org.dues}. */
public final class DuesEvents {

    public static final String TOPIC = "party.org.dues";
    /** 党费拖欠提醒: a member reached 3 (WARNING) or 6 (LAPSE_REVIEW) unpaid months. */
    public static final EventType ARREARS_FLAGGED = new EventType(TOPIC + ".arrears-flagged", 1, TOPIC);

    private DuesEvents() {
    }

    public record ArrearsFlaggedData(String memberId, String department, String branchId, int unpaidMonths, String level) {
    }
}

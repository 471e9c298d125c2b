package cn.city.party.discipline.lead;

/** 线索来源: where a lead came from. */
public enum LeadSource {
    /** 信访举报 */
    PETITION_REPORT("信访举报"),
    /** 明察暗访 (监督检查) */
    INSPECTION("监督检查"),
    /** 巡察 */
    PATROL_INSPECTION("巡察"),
    /** 审计 */
    AUDIT("审计"),
    /** 其他 */
    OTHER("其他");

    private final String label;

    LeadSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

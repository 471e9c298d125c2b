package cn.city.party.discipline.lead;

/** Where a lead stands in its disposition (线索处置). */
public enum LeadState {
    /** 受理 */
    RECEIVED("已受理"),
    /** 谈话函询: the subject is talked to or asked in writing; the reply is due within 15 working days */
    INQUIRY("谈话函询"),
    /** 初步核实 */
    PRELIMINARY_VERIFICATION("初步核实"),
    /** 暂存待查: set aside until new facts come */
    SET_ASIDE("暂存待查"),
    /** 予以了结: nothing to pursue */
    CONCLUDED("予以了结"),
    /** 立案审查 */
    CASE_FILED("立案审查"),
    /** 审理决定: an outcome (coded to a form) was decided */
    DECIDED("已作出处理"),
    /** 办结归档 */
    CLOSED("已办结");

    private final String label;

    LeadState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** What an anonymous reporter is told (受理 / 办理中 / 已办结): never which disposition was chosen. */
    public String receiptStatus() {
        return switch (this) {
            case RECEIVED -> "RECEIVED";
            case CONCLUDED, CLOSED, DECIDED -> "CONCLUDED";
            default -> "IN_PROGRESS";
        };
    }
}

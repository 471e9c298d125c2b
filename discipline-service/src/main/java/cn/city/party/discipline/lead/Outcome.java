package cn.city.party.discipline.lead;

/**
 * 处理结果, each coded to one of the four forms of supervision and discipline (监督执纪"四种形态"):
 * 1 criticism and education, reminder talk, written self-examination, admonishment; 2 light sanctions; 3 heavy
 * sanctions; 4 serious violation and case transfer.
 */
public enum Outcome {
    REMINDER_TALK("提醒谈话", 1),
    CRITICISM("批评教育", 1),
    WRITTEN_SELF_EXAMINATION("责令检查", 1),
    ADMONISHMENT("诫勉", 1),
    WARNING("警告", 2),
    SERIOUS_WARNING("严重警告", 2),
    REMOVAL_FROM_POSTS("撤销党内职务", 3),
    PROBATION("留党察看", 3),
    EXPULSION("开除党籍", 3),
    CASE_TRANSFER("严重违纪涉嫌违法移送", 4);

    private final String label;
    private final int form;

    Outcome(String label, int form) {
        this.label = label;
        this.form = form;
    }

    public String label() {
        return label;
    }

    /** The form (1–4) this outcome counts in. */
    public int form() {
        return form;
    }
}

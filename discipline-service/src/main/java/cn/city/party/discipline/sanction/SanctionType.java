package cn.city.party.discipline.sanction;

/** 党纪处分 and 诫勉, each with the form (1–4) it counts in. */
public enum SanctionType {
    ADMONISHMENT("诫勉", 1),
    WARNING("警告", 2),
    SERIOUS_WARNING("严重警告", 2),
    REMOVAL_FROM_POSTS("撤销党内职务", 3),
    PROBATION("留党察看", 3),
    EXPULSION("开除党籍", 3);

    private final String label;
    private final int form;

    SanctionType(String label, int form) {
        this.label = label;
        this.form = form;
    }

    public String label() {
        return label;
    }

    public int form() {
        return form;
    }
}

package cn.city.party.activity.activity;

/** The four ratings of 民主评议党员. */
public enum Rating {
    EXCELLENT("优秀"), QUALIFIED("合格"), BASICALLY_QUALIFIED("基本合格"), UNQUALIFIED("不合格");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

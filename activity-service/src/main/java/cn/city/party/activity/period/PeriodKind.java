package cn.city.party.activity.period;

/** The lengths of a compliance period; each is a whole number of months. */
public enum PeriodKind {
    MONTH(1, "月"), QUARTER(3, "季度"), HALF_YEAR(6, "半年"), YEAR(12, "年");

    private final int months;
    private final String label;

    PeriodKind(int months, String label) {
        this.months = months;
        this.label = label;
    }

    public int months() { return months; }
    public String label() { return label; }

    /** How many periods of this kind a year has. */
    public int perYear() {
        return 12 / months;
    }
}

package cn.city.party.activity.period;

/** The lengths of a compliance period (月, 季度, 半年, 年); each is a whole number of months. */
public enum PeriodKind {
    MONTH(1), QUARTER(3), HALF_YEAR(6), YEAR(12);

    private final int months;

    PeriodKind(int months) {
        this.months = months;
    }

    public int months() { return months; }

    /** How many periods of this kind a year has. */
    public int perYear() {
        return 12 / months;
    }
}

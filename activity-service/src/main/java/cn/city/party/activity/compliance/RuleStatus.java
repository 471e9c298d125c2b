package cn.city.party.activity.compliance;

/** How a rule stands for a period, most severe first (docs/compliance.md, with examples). */
public enum RuleStatus {
    /** the period ended without the minimum */
    MISSED,
    /** not met yet and the period ends within its warning window */
    AT_RISK,
    /** under way, not met yet, more time left than the warning window */
    ON_TRACK,
    /** the minimum is reached */
    MET,
    /** the period has not started */
    UPCOMING
}

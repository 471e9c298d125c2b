package cn.city.party.activity.compliance;

/** How a rule stands for a period, most severe first. */
public enum RuleStatus {
    /** the period ended without the minimum */
    MISSED,
    /** not met yet and the period ends within the at-risk days */
    AT_RISK,
    /** under way, not met yet, time left */
    OPEN,
    /** the minimum is reached */
    MET,
    /** the period has not started */
    UPCOMING
}

package cn.city.party.activity.compliance;

/** An extra condition on the activities that count. */
public enum RuleCondition {
    NONE,
    /** 书记讲党课: only Party lectures given by the branch secretary count */
    SECRETARY_LECTURES
}

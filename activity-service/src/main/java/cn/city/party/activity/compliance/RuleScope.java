package cn.city.party.activity.compliance;

/** What a minimum count applies to. */
public enum RuleScope {
    /** the branch as a whole */
    BRANCH,
    /** each Party group of the branch */
    PARTY_GROUP,
    /** each committee member with each member of the branch (谈心谈话), judged per year */
    MEMBER_PAIR
}

package cn.city.party.activity.activity;

/**
 * The kinds of organizational life of 《中国共产党支部工作条例（试行）》 (domain.md §2), in the regulation's order: a
 * 一会多用 sitting counts fully for the first of its types in this order.
 */
public enum ActivityType {
    BRANCH_GENERAL_MEETING("支部党员大会"),
    BRANCH_COMMITTEE_MEETING("支委会"),
    PARTY_GROUP_MEETING("党小组会"),
    PARTY_LECTURE("党课"),
    THEME_PARTY_DAY("主题党日"),
    ORGANIZATIONAL_LIFE_MEETING("组织生活会"),
    DEMOCRATIC_APPRAISAL("民主评议党员"),
    HEART_TO_HEART_TALK("谈心谈话"),
    VOLUNTEER_SERVICE("双报到/志愿服务"),
    /** offline study of the branch; with 党课 and 中心组学习 it earns study credit hours (study-service) */
    BRANCH_STUDY("支部集中学习"),
    CENTRAL_GROUP_STUDY("理论学习中心组学习");

    private final String label;

    ActivityType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

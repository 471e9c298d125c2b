package cn.city.party.org.committee;

/** 委员职务 */
public enum CommitteePost {
    /** 书记 */
    SECRETARY,
    /** 副书记 */
    DEPUTY_SECRETARY,
    /** 组织委员 */
    ORGANIZATION,
    /** 宣传委员 */
    PUBLICITY,
    /** 纪检委员 */
    DISCIPLINE
}

package cn.city.party.activity.activity;

/** planned → held → archived, or planned → cancelled. */
public enum ActivityStatus {
    PLANNED, HELD, ARCHIVED, CANCELLED
}

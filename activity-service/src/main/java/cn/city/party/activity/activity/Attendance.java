package cn.city.party.activity.activity;

/** 出席 / 缺席（须说明原因）/ 请假 */
public enum Attendance {
    PRESENT, ABSENT, EXCUSED
}

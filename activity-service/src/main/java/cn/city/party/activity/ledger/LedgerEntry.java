package cn.city.party.activity.ledger;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.activity.Attendance;
import cn.city.party.activity.activity.AttendanceEntry;
import cn.city.party.activity.activity.RecordVersion;
import cn.city.party.activity.period.Period;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of a 组织生活记录台账: a sitting as recorded, with who entered it and when, and its late entry and
 * amendments marked, so an inspection reads the records the platform scored. Every cell is text, as printed.
 */
public record LedgerEntry(String branch, String heldAt, String types, String title, String place, String host,
                          String agenda, String expected, String present, String excused, String absent,
                          String presentNames, String minutes, String recordedBy, String recordedAt, String late,
                          String amendments) {

    static final List<String> HEADERS = List.of("党支部", "召开时间", "类型", "主题", "地点", "主持人", "议程", "应到",
            "实到", "请假", "缺席", "出席人员", "会议记录", "登记人", "登记时间", "补录", "修改记录");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Period.ZONE);

    static LedgerEntry of(String branchName, Activity a) {
        Activity.AttendanceCount count = a.attendanceCount();
        List<AttendanceEntry> attendance = a.attendance();
        return new LedgerEntry(branchName, MINUTES.format(a.held().heldAt()),
                a.types().stream().map(ActivityType::label).collect(Collectors.joining("、")), a.title(),
                a.held().place(), a.held().host(), String.join("；", a.held().agenda()),
                String.valueOf(count.expected()), String.valueOf(count.present()),
                String.valueOf(names(attendance, Attendance.EXCUSED).size()),
                String.valueOf(names(attendance, Attendance.ABSENT).size()),
                String.join("、", names(attendance, Attendance.PRESENT)),
                a.held().minutes() == null ? "" : a.held().minutes().strip(), a.recordedBy(),
                MINUTES.format(a.recordedAt()), late(a), amendments(a));
    }

    List<String> cells() {
        return List.of(branch, heldAt, types, title, place, host, agenda, expected, present, excused, absent,
                presentNames, minutes, recordedBy, recordedAt, late, amendments);
    }

    private static List<String> names(List<AttendanceEntry> attendance, Attendance kind) {
        return attendance.stream().filter(e -> e.attendance() == kind)
                .map(e -> e.name() == null ? e.memberId() : e.name()).toList();
    }

    private static String late(Activity a) {
        if (!a.lateEntry()) {
            return "否";
        }
        long days = Duration.between(a.held().heldAt(), a.recordedAt()).toDays();
        return "是（会后" + days + "天登记；原因：" + a.lateReason() + "）";
    }

    private static String amendments(Activity a) {
        StringBuilder text = new StringBuilder();
        for (RecordVersion v : a.previousVersions()) {
            append(text, "第" + v.number() + "次修改：" + MINUTES.format(v.replacedAt()) + " " + v.replacedBy() + "，原因："
                    + v.reason());
        }
        if (!a.replacedAttendance().isEmpty()) {
            append(text, "出勤更正" + a.replacedAttendance().size() + "条");
        }
        return text.isEmpty() ? "无" : text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (!text.isEmpty()) {
            text.append("；");
        }
        text.append(part);
    }

    /** When the sitting was held, for ordering. */
    static Instant heldAtOf(Activity a) {
        return a.held().heldAt();
    }
}

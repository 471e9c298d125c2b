package cn.city.party.activity.activity;

import cn.city.party.common.error.DomainProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityTest {

    private final Instant now = Instant.parse("2026-05-20T02:00:00Z");
    private final LateEntryRule rule = new LateEntryRule(7);

    private Activity planned(ActivityType... types) {
        return new Activity("a1", "caizheng", "caizheng-branch-1", null, List.of(types), "五月主题党日",
                now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(10)), "caizheng-secretary");
    }

    private HeldRecord held(Instant at, String minutes) {
        return new HeldRecord(at, "三楼会议室", "孙红梅", "caizheng-m01", null, null, List.of("学习党章"), minutes, List.of());
    }

    private static String code(Runnable action) {
        try {
            action.run();
        } catch (DomainProblem problem) {
            return problem.code() + (problem.violations().isEmpty() ? "" : "@" + problem.violations().get(0).field());
        }
        throw new AssertionError("no problem raised");
    }

    @Test
    void a_meeting_in_the_future_cannot_be_recorded_as_held() {
        Activity activity = planned(ActivityType.THEME_PARTY_DAY);
        assertThat(code(() -> activity.hold(held(now.plusSeconds(60), "纪要"), null, rule, List.of(), now, "s")))
                .isEqualTo("activity.heldInFuture@heldAt");
        assertThat(activity.status()).isEqualTo(ActivityStatus.PLANNED);
    }

    @Test
    void a_record_entered_more_than_the_limit_after_the_meeting_needs_a_reason_and_is_marked_late() {
        Activity activity = planned(ActivityType.THEME_PARTY_DAY);
        Instant longAgo = now.minus(Duration.ofDays(8));
        assertThat(code(() -> activity.hold(held(longAgo, "纪要"), " ", rule, List.of(), now, "s")))
                .isEqualTo("activity.lateReasonRequired@lateReason");
        activity.hold(held(longAgo, "纪要"), "书记出差，回来后补录", rule, List.of(), now, "s");
        assertThat(activity.lateEntry()).isTrue();
        assertThat(activity.lateReason()).isEqualTo("书记出差，回来后补录");
        assertThat(activity.recordedAt()).isEqualTo(now);
    }

    @Test
    void a_record_entered_in_time_is_not_late_and_keeps_no_reason() {
        Activity activity = planned(ActivityType.THEME_PARTY_DAY);
        activity.hold(held(now.minus(Duration.ofDays(1)), "纪要"), "不需要", rule, List.of(), now, "s");
        assertThat(activity.lateEntry()).isFalse();
        assertThat(activity.lateReason()).isNull();
    }

    @Test
    void amending_needs_a_reason_and_keeps_every_previous_version_with_who_and_when() {
        Activity activity = planned(ActivityType.THEME_PARTY_DAY);
        activity.hold(held(now.minus(Duration.ofDays(1)), "第一稿"), null, rule, List.of(), now, "secretary-a");
        assertThat(code(() -> activity.amend(held(now.minus(Duration.ofDays(1)), "第二稿"), "", null, rule, List.of(), now, "x")))
                .isEqualTo("invalidInput@reason");

        Instant later = now.plus(Duration.ofHours(3));
        activity.amend(held(now.minus(Duration.ofDays(1)), "第二稿"), "补充讨论内容", null, rule, List.of(), later, "secretary-b");
        activity.amend(held(now.minus(Duration.ofDays(1)), "第三稿"), "更正人数", null, rule, List.of(), later.plusSeconds(60), "secretary-a");

        assertThat(activity.held().minutes()).isEqualTo("第三稿");
        assertThat(activity.previousVersions()).extracting(v -> v.record().minutes()).containsExactly("第一稿", "第二稿");
        RecordVersion first = activity.previousVersions().get(0);
        assertThat(first.enteredBy()).isEqualTo("secretary-a");
        assertThat(first.enteredAt()).isEqualTo(now);
        assertThat(first.replacedBy()).isEqualTo("secretary-b");
        assertThat(first.replacedAt()).isEqualTo(later);
        assertThat(first.reason()).isEqualTo("补充讨论内容");
    }

    @Test
    void lateness_is_judged_on_the_first_entry_so_an_amendment_cannot_hide_it() {
        Activity activity = planned(ActivityType.THEME_PARTY_DAY);
        activity.hold(held(now.minus(Duration.ofDays(9)), "纪要"), "补录", rule, List.of(), now, "s");
        activity.amend(held(now.minus(Duration.ofDays(9)), "纪要（改）"), "错别字", null, rule, List.of(), now.plus(Duration.ofDays(1)), "s");
        assertThat(activity.lateEntry()).isTrue();
        assertThat(activity.lateReason()).isEqualTo("补录");
    }

    @Test
    void moving_the_date_of_a_late_record_keeps_it_late() {
        Activity activity = planned(ActivityType.THEME_PARTY_DAY);
        activity.hold(held(now.minus(Duration.ofDays(9)), "纪要"), "补录", rule, List.of(), now, "s");
        activity.amend(held(now.minus(Duration.ofDays(1)), "纪要"), "日期记错了", null, rule, List.of(),
                now.plus(Duration.ofMinutes(5)), "s");
        assertThat(activity.held().heldAt()).isEqualTo(now.minus(Duration.ofDays(1)));
        assertThat(activity.lateEntry()).as("one day before the first entry, but it was late").isTrue();
        assertThat(activity.lateReason()).isEqualTo("补录");
    }

    @Test
    void moving_an_on_time_record_far_back_makes_it_late_and_asks_why() {
        Activity activity = planned(ActivityType.THEME_PARTY_DAY);
        activity.hold(held(now.minus(Duration.ofDays(1)), "纪要"), null, rule, List.of(), now, "s");
        assertThat(code(() -> activity.amend(held(now.minus(Duration.ofDays(30)), "纪要"), "日期记错了", null, rule,
                List.of(), now, "s"))).isEqualTo("activity.lateReasonRequired@lateReason");
        activity.amend(held(now.minus(Duration.ofDays(30)), "纪要"), "日期记错了", "上月会议漏记", rule, List.of(), now, "s");
        assertThat(activity.lateEntry()).isTrue();
    }

    @Test
    void a_changed_attendance_entry_is_kept_as_a_previous_version_with_who_and_when() {
        Activity activity = planned(ActivityType.THEME_PARTY_DAY);
        activity.hold(held(now.minus(Duration.ofDays(1)), "纪要"), null, rule, List.of("m1", "m2"), now, "s");
        activity.recordAttendance(new AttendanceEntry("m2", "n", Attendance.ABSENT, "出差", "secretary-a", now, false));
        Instant later = now.plus(Duration.ofDays(20));
        activity.recordAttendance(new AttendanceEntry("m2", "n", Attendance.PRESENT, null, "secretary-b", later, false));

        assertThat(activity.attendance()).singleElement().satisfies(e -> {
            assertThat(e.attendance()).isEqualTo(Attendance.PRESENT);
            assertThat(e.recordedBy()).isEqualTo("secretary-b");
        });
        assertThat(activity.replacedAttendance()).singleElement().satisfies(e -> {
            assertThat(e.attendance()).isEqualTo(Attendance.ABSENT);
            assertThat(e.recordedBy()).isEqualTo("secretary-a");
            assertThat(e.recordedAt()).isEqualTo(now);
        });
        assertThat(activity.attendanceRate()).contains(0.5);
    }

    @Test
    void archived_records_are_read_only() {
        Activity activity = planned(ActivityType.THEME_PARTY_DAY);
        activity.hold(held(now.minus(Duration.ofDays(1)), "纪要"), null, rule, List.of(), now, "s");
        activity.archive(now, "s");
        assertThat(code(() -> activity.amend(held(now.minus(Duration.ofDays(1)), "改"), "理由", null, rule, List.of(), now, "s")))
                .isEqualTo("activity.archived");
        assertThat(code(() -> activity.recordAttendance(new AttendanceEntry("m", "n", Attendance.PRESENT, null, "s", now, false))))
                .isEqualTo("activity.archived");
        assertThat(activity.held().minutes()).isEqualTo("纪要");
    }

    @Test
    void only_a_planned_activity_can_be_cancelled_and_it_needs_a_reason() {
        Activity activity = planned(ActivityType.THEME_PARTY_DAY);
        assertThat(code(() -> activity.cancel(null))).isEqualTo("invalidInput@reason");
        activity.cancel("与上级会议冲突");
        assertThat(activity.status()).isEqualTo(ActivityStatus.CANCELLED);
        assertThat(code(() -> activity.hold(held(now.minusSeconds(60), "x"), null, rule, List.of(), now, "s"))).isEqualTo("activity.wrongStatus");
    }

    @Test
    void a_party_lecture_needs_its_lecturer() {
        Activity lecture = planned(ActivityType.PARTY_LECTURE);
        assertThat(code(() -> lecture.hold(held(now.minusSeconds(60), "x"), null, rule, List.of(), now, "s")))
                .isEqualTo("activity.lecturerRequired@lecturer");
    }

    @Test
    void attendance_rate_is_present_among_the_expected_less_the_excused_and_an_absence_needs_a_reason() {
        Activity activity = planned(ActivityType.THEME_PARTY_DAY);
        activity.hold(held(now.minusSeconds(60), "x"), null, rule, List.of("m1", "m2", "m3", "m4"), now, "s");
        assertThat(activity.attendanceRate()).as("nobody recorded present of four expected").contains(0.0);
        assertThat(code(() -> activity.recordAttendance(new AttendanceEntry("m3", "n", Attendance.ABSENT, " ", "s", now, false))))
                .isEqualTo("invalidInput@reason");
        activity.recordAttendance(new AttendanceEntry("m1", "n", Attendance.PRESENT, null, "s", now, false));
        activity.recordAttendance(new AttendanceEntry("m2", "n", Attendance.EXCUSED, "出差", "s", now, false));
        activity.recordAttendance(new AttendanceEntry("m3", "n", Attendance.ABSENT, "未请假", "s", now, false));
        activity.recordAttendance(new AttendanceEntry("m4", "n", Attendance.PRESENT, null, "s", now, false));
        assertThat(activity.attendanceRate()).as("m2 excused: 2 of 3").hasValue(2.0 / 3);
        activity.recordAttendance(new AttendanceEntry("m3", "n", Attendance.PRESENT, null, "s", now, false));
        assertThat(activity.attendanceRate()).as("a correction replaces the line").hasValue(1.0);
    }

    @Test
    void members_check_in_only_while_check_in_is_open() {
        Activity activity = planned(ActivityType.THEME_PARTY_DAY);
        assertThat(code(() -> activity.checkIn("m2", "李", now))).isEqualTo("attendance.checkInClosed");
        activity.openCheckIn(true);
        activity.checkIn("m2", "李", now);
        assertThat(activity.attendance()).singleElement().satisfies(e -> {
            assertThat(e.attendance()).isEqualTo(Attendance.PRESENT);
            assertThat(e.selfCheckIn()).isTrue();
        });
    }

    @Test
    void volunteering_hours_are_logged_only_at_a_held_volunteering_activity() {
        Activity meeting = planned(ActivityType.THEME_PARTY_DAY);
        meeting.hold(held(now.minusSeconds(60), "x"), null, rule, List.of(), now, "s");
        VolunteerHours twoAndAHalf = new VolunteerHours("m2", "李", new java.math.BigDecimal("2.5"));
        assertThat(code(() -> meeting.logVolunteerHours(twoAndAHalf))).isEqualTo("volunteer.notVolunteering");

        Activity volunteering = planned(ActivityType.VOLUNTEER_SERVICE);
        assertThat(code(() -> volunteering.logVolunteerHours(twoAndAHalf))).isEqualTo("activity.wrongStatus");
        volunteering.hold(held(now.minusSeconds(60), "x"), null, rule, List.of(), now, "s");
        volunteering.logVolunteerHours(twoAndAHalf);
        volunteering.logVolunteerHours(new VolunteerHours("m2", "李", new java.math.BigDecimal("3.0")));
        assertThat(volunteering.volunteerHours()).singleElement()
                .satisfies(v -> assertThat(v.hours()).isEqualByComparingTo("3"));
    }

    @Test
    void one_sitting_recorded_as_several_types_is_multi_purpose() {
        assertThat(planned(ActivityType.THEME_PARTY_DAY, ActivityType.PARTY_LECTURE).multiPurpose()).isTrue();
        assertThat(planned(ActivityType.THEME_PARTY_DAY, ActivityType.THEME_PARTY_DAY).multiPurpose()).isFalse();
    }
}

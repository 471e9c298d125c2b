package cn.city.party.activity.activity;

import cn.city.party.common.events.EventType;

import java.time.Instant;
import java.util.List;

/** Events about activities and attendance (docs/events.md); schemas in platform-common's test-jar ({@code events/}). */
public final class ActivityEvents {

    public static final String TOPIC = "party.activity.activity";
    public static final String ATTENDANCE_TOPIC = "party.activity.attendance";
    /** 活动计划 */
    public static final EventType SCHEDULED = new EventType(TOPIC + ".scheduled", 1, TOPIC);
    /** 活动已召开（记录已登记） */
    public static final EventType HELD = new EventType(TOPIC + ".held", 1, TOPIC);
    /** 记录已修改（旧版本保留） */
    public static final EventType AMENDED = new EventType(TOPIC + ".amended", 1, TOPIC);
    /** 活动取消 */
    public static final EventType CANCELLED = new EventType(TOPIC + ".cancelled", 1, TOPIC);
    /** 出勤已登记 */
    public static final EventType ATTENDANCE_RECORDED = new EventType(ATTENDANCE_TOPIC + ".recorded", 1, ATTENDANCE_TOPIC);

    public static final String STUDY_TOPIC = "party.activity.study-session";
    /** 学习出勤: a member's attendance at a held 党课 or offline study sitting, for study-service's credit hours */
    public static final EventType STUDY_ATTENDED = new EventType(STUDY_TOPIC + ".attended", 1, STUDY_TOPIC);

    public static final String CORRECTION_TOPIC = "party.activity.correction";
    /** 关账后更正已批准: shown on the scorecard with its reason */
    public static final EventType CORRECTION_APPROVED = new EventType(CORRECTION_TOPIC + ".approved", 1, CORRECTION_TOPIC);

    private ActivityEvents() {
    }

    /** The activity as it now is. */
    public record ActivityData(String activityId, String department, String branchId, String partyGroupId,
                               List<ActivityType> types, String title, Instant plannedAt, Instant heldAt,
                               boolean lateEntry, Double attendanceRate, ActivityStatus status) {

        public static ActivityData of(Activity a) {
            return new ActivityData(a.id(), a.department(), a.branchId(), a.partyGroupId(), a.types(), a.title(),
                    a.plannedAt(), a.held() == null ? null : a.held().heldAt(), a.lateEntry(),
                    a.attendanceRate().orElse(null), a.status());
        }
    }

    /** The types whose sittings earn study credit hours, in the order that names a sitting of several of them. */
    public static final List<ActivityType> STUDY_KINDS = List.of(ActivityType.CENTRAL_GROUP_STUDY,
            ActivityType.PARTY_LECTURE, ActivityType.BRANCH_STUDY);

    /** One member's attendance at a study sitting; the latest per activity and member wins. */
    public record StudyAttendanceData(String activityId, String department, String branchId, String memberId,
                                      ActivityType kind, String title, Instant heldAt, Integer durationMinutes,
                                      Attendance attendance, boolean lateEntry) {
    }

    public record CorrectionApprovedData(String correctionId, String activityId, String department, String branchId,
                                         int year, String reason, String requestedBy, Instant requestedAt,
                                         String approvedBy, Instant approvedAt) {
    }

    /** One member's attendance (no reason text: it may be personal). */
    public record AttendanceData(String activityId, String department, String branchId, String memberId,
                                 Attendance attendance) {
    }
}

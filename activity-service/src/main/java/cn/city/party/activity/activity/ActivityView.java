package cn.city.party.activity.activity;

import java.time.Instant;
import java.util.List;

/**
 * An activity as shown: a late entry (补录) and a 一会多用 sitting are marked, replaced record versions and attendance
 * entries kept. {@code viewer} limits attendance and appraisals to one member's own lines (members' view, without
 * the history); null shows all.
 */
public record ActivityView(String id, String department, String branchId, String partyGroupId, List<ActivityType> types,
                           List<String> typeLabels, String title, Instant plannedAt, Instant occursAt,
                           ActivityStatus status, HeldRecord held, Integer minutesLength, Instant recordedAt,
                           String recordedBy, boolean lateEntry, String lateReason, boolean multiPurpose,
                           List<RecordVersion> previousVersions, Instant lastChangedAt, String lastChangedBy,
                           List<Correction> corrections, List<AttendanceEntry> attendance,
                           List<AttendanceEntry> replacedAttendance,
                           Double attendanceRate, boolean checkInOpen,
                           List<Appraisal> appraisals, List<VolunteerHours> volunteerHours, String cancelReason,
                           Instant createdAt, String createdBy) {

    static ActivityView of(Activity a, String viewer) {
        List<AttendanceEntry> attendance = a.attendance().stream()
                .filter(e -> viewer == null || e.memberId().equals(viewer)).toList();
        List<Appraisal> appraisals = a.appraisals().stream()
                .filter(e -> viewer == null || e.memberId().equals(viewer)).toList();
        List<VolunteerHours> volunteerHours = a.volunteerHours().stream()
                .filter(e -> viewer == null || e.memberId().equals(viewer)).toList();
        return new ActivityView(a.id(), a.department(), a.branchId(), a.partyGroupId(), a.types(),
                a.types().stream().map(ActivityType::label).toList(), a.title(), a.plannedAt(), a.occursAt(), a.status(),
                a.held(), a.held() == null ? null : a.held().minutesLength(), a.recordedAt(), a.recordedBy(),
                a.lateEntry(), a.lateReason(), a.multiPurpose(), viewer == null ? a.previousVersions() : List.of(),
                a.lastChangedAt(), a.lastChangedBy(), viewer == null ? a.corrections() : List.of(), attendance, viewer == null ? a.replacedAttendance() : List.of(),
                a.attendanceRate().map(r -> Math.round(r * 10000) / 10000.0).orElse(null), a.checkInOpen(), appraisals,
                volunteerHours, a.cancelReason(), a.createdAt(), a.createdBy());
    }
}

package cn.city.party.activity.activity;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One sitting of organizational life in a branch (or one of its Party groups), recorded as one or more types
 * (一会多用 when more than one). Its held record, attendance and appraisals live in this one document, so every
 * change with its events is one atomic write.
 */
@Document("activities")
@CompoundIndexes({
        @CompoundIndex(name = "branch_occurs", def = "{'branchId': 1, 'occursAt': 1}"),
        @CompoundIndex(name = "department_occurs", def = "{'department': 1, 'occursAt': 1}"),
        @CompoundIndex(name = "recorder_recorded", def = "{'recordedBy': 1, 'recordedAt': 1}")
})
public class Activity extends AggregateRoot {

    @Id
    private String id;
    private String department;
    private String branchId;
    private String partyGroupId;
    private List<ActivityType> types = new ArrayList<>();
    private String title;
    private Instant plannedAt;
    /** When the sitting takes or took place: the held time once recorded, the planned time before. */
    private Instant occursAt;
    private ActivityStatus status;
    private HeldRecord held;
    /** When and by whom the held record was first entered; lateness is judged on this, whatever amendments follow. */
    private Instant recordedAt;
    private String recordedBy;
    private boolean lateEntry;
    private String lateReason;
    private List<RecordVersion> previousVersions = new ArrayList<>();
    private Instant lastChangedAt;
    private String lastChangedBy;
    private List<AttendanceEntry> attendance = new ArrayList<>();
    /** The entries replaced by a later one, oldest first: attendance is versioned like the record. */
    private List<AttendanceEntry> replacedAttendance = new ArrayList<>();
    /** The branch's members expected on the day of the sitting (roster of that day); null on records kept before. */
    private List<String> expectedMemberIds;
    private List<Correction> corrections = new ArrayList<>();
    private boolean checkInOpen;
    private List<Appraisal> appraisals = new ArrayList<>();
    private List<VolunteerHours> volunteerHours = new ArrayList<>();
    private String cancelReason;
    private Instant createdAt;
    private String createdBy;
    @Version
    private Long version;

    protected Activity() {
    }

    public Activity(String id, String department, String branchId, String partyGroupId, Collection<ActivityType> types,
                    String title, Instant plannedAt, Instant now, String by) {
        this.id = id;
        this.department = department;
        this.branchId = branchId;
        this.partyGroupId = partyGroupId;
        this.types = types.stream().distinct().sorted().toList();
        this.title = title;
        this.plannedAt = plannedAt;
        this.occursAt = plannedAt;
        this.status = ActivityStatus.PLANNED;
        this.createdAt = now;
        this.createdBy = by;
    }

    /**
     * Records the sitting as held. A sitting cannot be recorded as held before it happened; entered more than the
     * late-entry limit after it, it is a late entry and needs a reason.
     */
    public void hold(HeldRecord record, String lateReason, LateEntryRule rule, Collection<String> expected, Instant now,
                     String by) {
        requireStatus(ActivityStatus.PLANNED);
        requireNotInFuture(record, now);
        requireLecturer(record);
        boolean late = rule.isLate(record.heldAt(), now);
        if (late && isBlank(lateReason)) {
            throw Problems.rule("lateReason", "activity.lateReasonRequired", rule.days());
        }
        this.held = record;
        this.occursAt = record.heldAt();
        this.status = ActivityStatus.HELD;
        this.recordedAt = now;
        this.recordedBy = by;
        this.lateEntry = late;
        this.lateReason = late ? lateReason.strip() : null;
        this.expectedMemberIds = List.copyOf(expected);
        this.lastChangedAt = now;
        this.lastChangedBy = by;
    }

    /**
     * Amends a held record: needs a reason; the replaced version is kept with who entered it and who replaced it.
     * Lateness is sticky: judged on the first entry, an amendment can make a record late (a sitting moved earlier)
     * but never on time again (moving the date closer to the first entry does not clear it).
     */
    public void amend(HeldRecord record, String reason, String lateReason, LateEntryRule rule, Collection<String> expected,
                      Instant now, String by) {
        requireEditable();
        requireStatus(ActivityStatus.HELD);
        if (isBlank(reason)) {
            throw Problems.invalid("reason", "activity.amendReasonRequired");
        }
        requireNotInFuture(record, now);
        requireLecturer(record);
        boolean late = lateEntry || rule.isLate(record.heldAt(), recordedAt);
        if (late && isBlank(lateReason) && isBlank(this.lateReason)) {
            throw Problems.rule("lateReason", "activity.lateReasonRequired", rule.days());
        }
        previousVersions.add(new RecordVersion(previousVersions.size() + 1, held, lastChangedBy, lastChangedAt, by, now,
                reason.strip()));
        this.held = record;
        this.occursAt = record.heldAt();
        this.lateEntry = late;
        this.lateReason = late ? (isBlank(lateReason) ? this.lateReason : lateReason.strip()) : null;
        this.expectedMemberIds = List.copyOf(expected);
        this.lastChangedAt = now;
        this.lastChangedBy = by;
    }

    /** Asks for a correction of a record of a closed year; one may be pending at a time. */
    public Correction requestCorrection(HeldRecord proposed, String reason, Instant now, String by) {
        if (!happened()) {
            throw Problems.conflict("activity.wrongStatus", status.name(), ActivityStatus.HELD.name());
        }
        if (isBlank(reason)) {
            throw Problems.invalid("reason", "correction.reasonRequired");
        }
        if (corrections.stream().anyMatch(c -> c.status() == Correction.Status.PENDING)) {
            throw Problems.conflict("correction.pending");
        }
        requireNotInFuture(proposed, now);
        requireLecturer(proposed);
        Correction correction = new Correction(String.valueOf(corrections.size() + 1), proposed, reason.strip(), by, now,
                Correction.Status.PENDING, null, null);
        corrections.add(correction);
        return correction;
    }

    /**
     * The department admin approves a pending correction: it is applied like an amendment (the replaced version kept,
     * lateness sticky), even to an archived record, and the approval stays on the record.
     */
    public Correction approveCorrection(String correctionId, LateEntryRule rule, Collection<String> expected,
                                        Instant now, String by) {
        Correction pending = pendingCorrection(correctionId);
        boolean late = lateEntry || rule.isLate(pending.proposed().heldAt(), recordedAt);
        previousVersions.add(new RecordVersion(previousVersions.size() + 1, held, lastChangedBy, lastChangedAt, by, now,
                "关账后更正：" + pending.reason()));
        this.held = pending.proposed();
        this.occursAt = held.heldAt();
        this.lateReason = late ? (isBlank(lateReason) ? pending.reason() : lateReason) : null;
        this.lateEntry = late;
        this.expectedMemberIds = List.copyOf(expected);
        this.lastChangedAt = now;
        this.lastChangedBy = by;
        return decide(pending, Correction.Status.APPROVED, now, by);
    }

    public Correction refuseCorrection(String correctionId, Instant now, String by) {
        return decide(pendingCorrection(correctionId), Correction.Status.REFUSED, now, by);
    }

    private Correction pendingCorrection(String correctionId) {
        return corrections.stream().filter(c -> c.id().equals(correctionId) && c.status() == Correction.Status.PENDING)
                .findFirst().orElseThrow(() -> Problems.conflict("correction.notPending"));
    }

    private Correction decide(Correction pending, Correction.Status decision, Instant now, String by) {
        Correction decided = pending.decided(decision, by, now);
        corrections.set(corrections.indexOf(pending), decided);
        return decided;
    }

    public void cancel(String reason) {
        requireStatus(ActivityStatus.PLANNED);
        if (isBlank(reason)) {
            throw Problems.invalid("reason", "activity.cancelReasonRequired");
        }
        this.status = ActivityStatus.CANCELLED;
        this.cancelReason = reason.strip();
        this.checkInOpen = false;
    }

    /** Archived records are read-only from then on. */
    public void archive(Instant now, String by) {
        requireStatus(ActivityStatus.HELD);
        this.status = ActivityStatus.ARCHIVED;
        this.checkInOpen = false;
        this.lastChangedAt = now;
        this.lastChangedBy = by;
    }

    /** Records or replaces one member's attendance; the caller has checked that the member is in the branch. */
    public void recordAttendance(AttendanceEntry entry) {
        requireEditable();
        if (status == ActivityStatus.CANCELLED) {
            throw Problems.conflict("activity.cancelled");
        }
        if (entry.attendance() == Attendance.ABSENT && isBlank(entry.reason())) {
            throw Problems.invalid("reason", "attendance.absentReasonRequired");
        }
        attendance.stream().filter(e -> e.memberId().equals(entry.memberId())).findFirst().ifPresent(previous -> {
            replacedAttendance.add(previous);
            attendance.remove(previous);
        });
        attendance.add(entry);
    }

    public void openCheckIn(boolean open) {
        requireEditable();
        if (status == ActivityStatus.CANCELLED) {
            throw Problems.conflict("activity.cancelled");
        }
        this.checkInOpen = open;
    }

    /** A member checks in personally; only while the secretary keeps check-in open. */
    public void checkIn(String memberId, String name, Instant now) {
        if (!checkInOpen) {
            throw Problems.conflict("attendance.checkInClosed");
        }
        recordAttendance(new AttendanceEntry(memberId, name, Attendance.PRESENT, null, memberId, now, true));
    }

    public void appraise(Appraisal appraisal) {
        requireEditable();
        if (!types.contains(ActivityType.DEMOCRATIC_APPRAISAL)) {
            throw Problems.conflict("appraisal.notAnAppraisal");
        }
        requireStatus(ActivityStatus.HELD);
        appraisals.removeIf(a -> a.memberId().equals(appraisal.memberId()));
        appraisals.add(appraisal);
    }

    /** Logs a member's volunteering hours (双报到/志愿服务) at a held volunteering activity, replacing earlier ones. */
    public void logVolunteerHours(VolunteerHours entry) {
        requireEditable();
        if (!types.contains(ActivityType.VOLUNTEER_SERVICE)) {
            throw Problems.conflict("volunteer.notVolunteering");
        }
        requireStatus(ActivityStatus.HELD);
        volunteerHours.removeIf(v -> v.memberId().equals(entry.memberId()));
        volunteerHours.add(entry);
    }

    /**
     * Present ÷ members expected at the sitting (the roster of its day, less those excused); a member present who
     * was not expected (joined later) does not raise it. Records kept before expectations were recorded are judged
     * on their entries. Empty when nobody was expected.
     */
    public Optional<Double> attendanceRate() {
        AttendanceCount count = attendanceCount();
        return count.expected() == 0 ? Optional.empty() : Optional.of((double) count.present() / count.expected());
    }

    public AttendanceCount attendanceCount() {
        java.util.Set<String> expected = new java.util.HashSet<>(expectedMemberIds != null ? expectedMemberIds
                : attendance.stream().map(AttendanceEntry::memberId).toList());
        int present = 0;
        for (AttendanceEntry e : attendance) {
            if (!expected.contains(e.memberId())) {
                continue;
            }
            if (e.attendance() == Attendance.EXCUSED) {
                expected.remove(e.memberId());
            } else if (e.attendance() == Attendance.PRESENT) {
                present++;
            }
        }
        return new AttendanceCount(present, expected.size());
    }

    /** Present and expected (excused left out) members of one sitting. */
    public record AttendanceCount(int present, int expected) {
    }

    /** 一会多用: one sitting recorded as several types. */
    public boolean multiPurpose() {
        return types.size() > 1;
    }

    /** Held or archived: it counts towards compliance. */
    public boolean happened() {
        return status == ActivityStatus.HELD || status == ActivityStatus.ARCHIVED;
    }

    private void requireEditable() {
        if (status == ActivityStatus.ARCHIVED) {
            throw Problems.conflict("activity.archived");
        }
    }

    private void requireStatus(ActivityStatus expected) {
        requireEditable();
        if (status != expected) {
            throw Problems.conflict("activity.wrongStatus", status.name(), expected.name());
        }
    }

    private static void requireNotInFuture(HeldRecord record, Instant now) {
        if (record.heldAt().isAfter(now)) {
            throw Problems.rule("heldAt", "activity.heldInFuture");
        }
    }

    private void requireLecturer(HeldRecord record) {
        if (types.contains(ActivityType.PARTY_LECTURE) && isBlank(record.lecturer())) {
            throw Problems.rule("lecturer", "activity.lecturerRequired");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String department() { return department; }
    public String id() { return id; }
    public String branchId() { return branchId; }
    public String partyGroupId() { return partyGroupId; }
    public List<ActivityType> types() { return List.copyOf(types); }
    public String title() { return title; }
    public Instant plannedAt() { return plannedAt; }
    public Instant occursAt() { return occursAt; }
    public ActivityStatus status() { return status; }
    public HeldRecord held() { return held; }
    public Instant recordedAt() { return recordedAt; }
    public String recordedBy() { return recordedBy; }
    public boolean lateEntry() { return lateEntry; }
    public String lateReason() { return lateReason; }
    public List<RecordVersion> previousVersions() { return List.copyOf(previousVersions); }
    public Instant lastChangedAt() { return lastChangedAt; }
    public String lastChangedBy() { return lastChangedBy; }
    public List<AttendanceEntry> attendance() { return List.copyOf(attendance); }
    public List<AttendanceEntry> replacedAttendance() {
        return replacedAttendance == null ? List.of() : List.copyOf(replacedAttendance);
    }
    public List<String> expectedMemberIds() { return expectedMemberIds; }
    public List<Correction> corrections() { return corrections == null ? List.of() : List.copyOf(corrections); }
    public boolean checkInOpen() { return checkInOpen; }
    public List<Appraisal> appraisals() { return List.copyOf(appraisals); }
    public List<VolunteerHours> volunteerHours() { return volunteerHours == null ? List.of() : List.copyOf(volunteerHours); }
    public String cancelReason() { return cancelReason; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
}

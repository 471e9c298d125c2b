package cn.city.party.activity.activity;

import cn.city.party.activity.period.Period;
import cn.city.party.activity.roster.Roster;
import cn.city.party.activity.roster.RosterMember;
import cn.city.party.common.error.Problems;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.For;
import cn.city.party.common.security.Role;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** 组织生活: plan, record, amend, attendance, check-in, appraisal; listings per branch and period. */
@RestController
@RequestMapping("/api/activities")
@Tag(name = "组织生活 Activities")
@Validated
public class ActivityController {

    private final ActivityService activities;
    private final Roster roster;
    private final ScopedMongo store;
    private final BranchAccess access;
    private final BackfillDetector backfills;

    public ActivityController(ActivityService activities, Roster roster, ScopedMongo store, BranchAccess access,
                              @Value("${activity.backfill.min-records:5}") int backfillMinRecords,
                              @Value("${activity.backfill.window:2h}") Duration backfillWindow) {
        this.activities = activities;
        this.roster = roster;
        this.store = store;
        this.access = access;
        this.backfills = new BackfillDetector(backfillMinRecords, backfillWindow);
    }

    public record AttachmentInput(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String contentType,
                                  @NotNull @PositiveOrZero Long size, @NotBlank @Size(max = 300) String storageKey) {
    }

    public record HeldInput(@NotNull Instant heldAt, @NotBlank @Size(max = 200) String place,
                            @NotBlank @Size(max = 64) String host, @Size(max = 64) String hostMemberId,
                            @Size(max = 64) String lecturer, @Size(max = 64) String lecturerMemberId,
                            @Size(max = 50) List<@NotBlank @Size(max = 200) String> agenda,
                            @Size(max = 50_000) String minutes,
                            @Size(max = 30) List<@Valid @NotNull AttachmentInput> attachments,
                            @Min(1) @Max(1440) Integer durationMinutes) {

        HeldRecord toRecord() {
            return new HeldRecord(heldAt, place.strip(), host.strip(), hostMemberId, lecturer, lecturerMemberId, agenda,
                    minutes, attachments == null ? List.of() : attachments.stream()
                    .map(a -> new HeldRecord.AttachmentMeta(a.name(), a.contentType(), a.size(), a.storageKey())).toList(),
                    durationMinutes);
        }
    }

    public record PlanActivity(@Size(max = 64) String branchId, @Size(max = 64) String partyGroupId,
                               @NotEmpty @Size(max = 11) Set<@NotNull ActivityType> types,
                               @NotBlank @Size(max = 200) String title, @NotNull Instant plannedAt) {
    }

    public record RecordActivity(@Size(max = 64) String branchId, @Size(max = 64) String partyGroupId,
                                 @NotEmpty @Size(max = 11) Set<@NotNull ActivityType> types,
                                 @NotBlank @Size(max = 200) String title, @NotNull @Valid HeldInput held,
                                 @Size(max = 500) String lateReason) {
    }

    public record Hold(@NotNull @Valid HeldInput held, @Size(max = 500) String lateReason) {
    }

    public record Amend(@NotNull @Valid HeldInput held, @Size(max = 500) String reason, @Size(max = 500) String lateReason) {
    }

    public record Cancel(@Size(max = 500) String reason) {
    }

    public record AttendanceLine(@NotBlank @Size(max = 64) String memberId, @NotNull Attendance attendance,
                                 @Size(max = 500) String reason) {
    }

    public record RecordAttendance(@NotEmpty @Size(max = 500) List<@Valid @NotNull AttendanceLine> entries) {
    }

    public record Appraise(@NotNull Rating rating) {
    }

    public record VolunteerLine(@NotBlank @Size(max = 64) String memberId,
                                @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24")
                                @Digits(integer = 2, fraction = 1) BigDecimal hours) {
    }

    public record LogVolunteerHours(@NotEmpty @Size(max = 500) List<@Valid @NotNull VolunteerLine> entries) {
    }

    /** A member's volunteering in a year: hours and the activities they come from. */
    public record MemberVolunteering(String memberId, String name, BigDecimal hours, List<String> activityIds) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.Secretary
    @Operation(summary = "计划一次组织生活 Plan a sitting of the own branch")
    public ActivityView plan(@Valid @RequestBody PlanActivity r) {
        return view(activities.plan(r.branchId(), r.partyGroupId(), r.types(), r.title(), r.plannedAt()));
    }

    @PostMapping("/records")
    @ResponseStatus(HttpStatus.CREATED)
    @For.Secretary
    @Operation(summary = "直接登记已召开的组织生活（逾期登记为补录，须说明原因） Record a held sitting")
    public ActivityView record(@Valid @RequestBody RecordActivity r) {
        return view(activities.record(r.branchId(), r.partyGroupId(), r.types(), r.title(), r.held().toRecord(),
                r.lateReason()));
    }

    @PostMapping("/{id}/held")
    @For.Secretary
    @Operation(summary = "登记召开情况 Record a planned sitting as held")
    public ActivityView hold(@PathVariable String id, @Valid @RequestBody Hold r) {
        return view(activities.hold(id, r.held().toRecord(), r.lateReason()));
    }

    @PutMapping("/{id}/record")
    @For.Secretary
    @Operation(summary = "修改记录（须说明原因，旧版本保留） Amend a held record")
    public ActivityView amend(@PathVariable String id, @Valid @RequestBody Amend r) {
        return view(activities.amend(id, r.held().toRecord(), r.reason(), r.lateReason()));
    }

    public record RequestCorrection(@NotNull @Valid HeldInput held, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/{id}/corrections")
    @For.Secretary
    @Operation(summary = "申请更正已关账年度的记录（须说明原因，部门管理员批准后生效） Ask to correct a record of a closed year")
    public ActivityView requestCorrection(@PathVariable String id, @Valid @RequestBody RequestCorrection r) {
        return view(activities.requestCorrection(id, r.held().toRecord(), r.reason()));
    }

    @PostMapping("/{id}/corrections/{correctionId}/approve")
    @For.DeptAdmin
    @Operation(summary = "批准更正（本部门） Approve a correction")
    public ActivityView approveCorrection(@PathVariable String id, @PathVariable String correctionId) {
        return view(activities.decideCorrection(id, correctionId, true));
    }

    @PostMapping("/{id}/corrections/{correctionId}/refuse")
    @For.DeptAdmin
    @Operation(summary = "不予批准更正 Refuse a correction")
    public ActivityView refuseCorrection(@PathVariable String id, @PathVariable String correctionId) {
        return view(activities.decideCorrection(id, correctionId, false));
    }

    @PostMapping("/{id}/cancel")
    @For.Secretary
    public ActivityView cancel(@PathVariable String id, @Valid @RequestBody Cancel r) {
        return view(activities.cancel(id, r.reason()));
    }

    @PostMapping("/{id}/archive")
    @For.Secretary
    @Operation(summary = "归档（此后只读） Archive: read-only from now on")
    public ActivityView archive(@PathVariable String id) {
        return view(activities.archive(id));
    }

    @PutMapping("/{id}/attendance")
    @For.Secretary
    @Operation(summary = "登记出勤（仅限本支部党员） Record attendance of branch members")
    public ActivityView attendance(@PathVariable String id, @Valid @RequestBody RecordAttendance r) {
        return view(activities.recordAttendance(id, r.entries().stream()
                .map(e -> new ActivityService.AttendanceInput(e.memberId(), e.attendance(), e.reason())).toList()));
    }

    @PostMapping("/{id}/check-in/open")
    @For.Secretary
    public ActivityView openCheckIn(@PathVariable String id) {
        return view(activities.openCheckIn(id, true));
    }

    @PostMapping("/{id}/check-in/close")
    @For.Secretary
    public ActivityView closeCheckIn(@PathVariable String id) {
        return view(activities.openCheckIn(id, false));
    }

    @PostMapping("/{id}/check-in")
    @For.Member
    @Operation(summary = "党员自助签到（签到开放期间） Member self check-in while open")
    public ActivityView checkIn(@PathVariable String id) {
        return view(activities.checkIn(id));
    }

    @PutMapping("/{id}/appraisals/{memberId}")
    @For.Secretary
    @Operation(summary = "民主评议评定等次（处分影响期内不得评为优秀） Rate a member")
    public ActivityView appraise(@PathVariable String id, @PathVariable String memberId, @Valid @RequestBody Appraise r) {
        return view(activities.appraise(id, memberId, r.rating()));
    }

    @PutMapping("/{id}/volunteer-hours")
    @For.Secretary
    @Operation(summary = "登记志愿服务时长（双报到） Log members' volunteering hours")
    public ActivityView volunteerHours(@PathVariable String id, @Valid @RequestBody LogVolunteerHours r) {
        return view(activities.logVolunteerHours(id, r.entries().stream()
                .map(e -> new ActivityService.VolunteerInput(e.memberId(), e.hours())).toList()));
    }

    @GetMapping("/volunteer-hours")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "党员志愿服务时长（按年） Volunteering hours per member and year")
    public List<MemberVolunteering> volunteering(@RequestParam @Size(max = 64) String branchId,
                                                 @RequestParam @Min(2000) @Max(2100) int year) {
        requireBranchInScope(branchId);
        List<Activity> sittings = activities.happened(branchId, Period.year(year));
        return roster.activeMembers(branchId).stream().map(m -> {
            List<Activity> served = sittings.stream().filter(a -> a.volunteerHours().stream()
                    .anyMatch(v -> v.memberId().equals(m.memberId()))).toList();
            BigDecimal hours = served.stream().flatMap(a -> a.volunteerHours().stream())
                    .filter(v -> v.memberId().equals(m.memberId())).map(VolunteerHours::hours)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return new MemberVolunteering(m.memberId(), m.name(), hours, served.stream().map(Activity::id).toList());
        }).toList();
    }

    @GetMapping("/{id}")
    @For.WorkCommitteeDeptAdminSecretaryOrMember
    public ActivityView get(@PathVariable String id) {
        return view(activities.get(id));
    }

    @GetMapping
    @For.WorkCommitteeDeptAdminSecretaryOrMember
    @Operation(summary = "组织生活列表（按支部、期间） Paged listing by branch and period")
    public PageView<ActivityView> list(@RequestParam(required = false) @Size(max = 64) String branchId,
                                       @RequestParam(required = false) String period,
                                       @RequestParam(required = false) ActivityStatus status,
                                       @RequestParam(required = false) ActivityType type,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Period p = period == null ? null : Period.param("period", period);
        return PageView.of(activities.list(branchId, p, status, type, PageRequest.of(page, size)).map(this::view));
    }

    @GetMapping("/my-attendance")
    @For.Member
    @Operation(summary = "本人出勤 The caller's own attendance in a year")
    public List<MyAttendance> myAttendance(@RequestParam @Min(2000) @Max(2100) int year) {
        String me = access.self().memberId();
        return activities.myAttendance(year).stream().map(a -> new MyAttendance(a.id(), a.title(), a.types(),
                a.occursAt(), a.lateEntry(), a.attendance().stream().filter(e -> e.memberId().equals(me)).findFirst()
                .map(AttendanceEntry::attendance).orElse(null))).toList();
    }

    /** One line of the caller's attendance; a late-entry record is marked here too. */
    public record MyAttendance(String activityId, String title, List<ActivityType> types, Instant occursAt,
                               boolean lateEntry, Attendance attendance) {
    }

    public record CadreAttendance(String memberId, String name, int sittings, int present, int excused, int absent,
                                  int notRecorded, Double rate) {
    }

    @GetMapping("/leading-cadres")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "领导干部参加双重组织生活情况（按年） Leading cadres' attendance at their own branch")
    public List<CadreAttendance> leadingCadres(@RequestParam @Size(max = 64) String branchId,
                                               @RequestParam @Min(2000) @Max(2100) int year) {
        requireBranchInScope(branchId);
        List<Activity> sittings = activities.happened(branchId, Period.year(year));
        return roster.activeMembers(branchId).stream().filter(RosterMember::leadingCadre).map(m -> {
            int present = 0;
            int excused = 0;
            int absent = 0;
            for (Activity a : sittings) {
                Attendance at = a.attendance().stream().filter(e -> e.memberId().equals(m.memberId())).findFirst()
                        .map(AttendanceEntry::attendance).orElse(null);
                if (at == Attendance.PRESENT) present++;
                else if (at == Attendance.EXCUSED) excused++;
                else if (at == Attendance.ABSENT) absent++;
            }
            Double rate = sittings.isEmpty() ? null : Math.round(10000.0 * present / sittings.size()) / 10000.0;
            return new CadreAttendance(m.memberId(), m.name(), sittings.size(), present, excused, absent,
                    sittings.size() - present - excused - absent, rate);
        }).toList();
    }

    @GetMapping("/backfills")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "集中补录检测 Many past-month records typed in one sitting by one user")
    public List<BackfillDetector.Backfill> backfills(@RequestParam @Min(2000) @Max(2100) int year) {
        Period y = Period.year(year);
        return backfills.detect(store.find(Criteria.where("recordedAt").gte(y.start()).lt(y.end()), Activity.class));
    }

    private void requireBranchInScope(String branchId) {
        roster.organization(branchId).filter(o -> store.scope().permits(o.department()))
                .orElseThrow(() -> Problems.notFound("entity.branch", branchId));
    }

    /** Members see their own line of attendance and appraisal only; secretaries and admins see all of it. */
    private ActivityView view(Activity a) {
        var caller = CurrentCaller.get();
        if (caller.hasAny(Role.BRANCH_SECRETARY, Role.DEPT_ADMIN, Role.WORK_COMMITTEE_ADMIN)) {
            return ActivityView.of(a, null);
        }
        return ActivityView.of(a, access.self().memberId());
    }
}

package cn.city.party.activity.activity;

import cn.city.party.activity.assessment.AssessmentYears;
import cn.city.party.activity.period.Period;
import cn.city.party.activity.roster.Roster;
import cn.city.party.activity.roster.RosterMember;
import cn.city.party.activity.roster.RosterOrganization;
import cn.city.party.common.error.Problems;
import cn.city.party.common.events.EventType;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The lifecycle of activities: plan, hold (or record directly), amend, cancel, archive; attendance; appraisal. */
@Service
public class ActivityService {

    static final String ENTITY = "entity.activity";

    private final ScopedMongo store;
    private final BranchAccess access;
    private final Roster roster;
    private final LateEntryRules rules;
    private final AssessmentYears years;
    private final EventFactory events;
    private final Clock clock;

    public ActivityService(ScopedMongo store, BranchAccess access, Roster roster, LateEntryRules rules,
                           AssessmentYears years, EventFactory events, Clock clock) {
        this.years = years;
        this.store = store;
        this.access = access;
        this.roster = roster;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    /** A secretary plans a sitting of its own branch (or of one of the branch's Party groups). */
    public Activity plan(String branchId, String partyGroupId, Collection<ActivityType> types, String title,
                         Instant plannedAt) {
        String branch = access.secretaryOf(branchId);
        requireGroupOf(branch, partyGroupId, types);
        years.requireOpen(plannedAt);
        String department = CurrentCaller.get().department();
        Activity activity = new Activity(UUID.randomUUID().toString(), department, branch,
                partyGroupId, types, title, plannedAt, clock.instant(), CurrentCaller.get().username());
        raise(activity, ActivityEvents.SCHEDULED);
        return store.insert(activity);
    }

    /** Records a sitting that was not planned here as held straight away (a plan and its record in one write). */
    public Activity record(String branchId, String partyGroupId, Collection<ActivityType> types, String title,
                           HeldRecord held, String lateReason) {
        String branch = access.secretaryOf(branchId);
        requireGroupOf(branch, partyGroupId, types);
        years.requireOpen(held.heldAt());
        Instant now = clock.instant();
        String by = CurrentCaller.get().username();
        String department = CurrentCaller.get().department();
        Activity activity = new Activity(UUID.randomUUID().toString(), department, branch,
                partyGroupId, types, title, held.heldAt(), now, by);
        activity.hold(held, lateReason, lateEntryRule(department, held), expected(activity, held), now, by);
        raise(activity, ActivityEvents.HELD);
        raiseStudyAttendance(activity, activity.attendance());
        return store.insert(activity);
    }

    public Activity hold(String id, HeldRecord held, String lateReason) {
        Activity activity = writable(id);
        years.requireOpen(held.heldAt());
        activity.hold(held, lateReason, lateEntryRule(activity.department(), held), expected(activity, held),
                clock.instant(), CurrentCaller.get().username());
        raise(activity, ActivityEvents.HELD);
        raiseStudyAttendance(activity, activity.attendance());
        return store.save(activity);
    }

    public Activity amend(String id, HeldRecord held, String reason, String lateReason) {
        Activity activity = writable(id);
        years.requireOpen(held.heldAt());
        activity.amend(held, reason, lateReason, lateEntryRule(activity.department(), held), expected(activity, held),
                clock.instant(), CurrentCaller.get().username());
        raise(activity, ActivityEvents.AMENDED);
        raiseStudyAttendance(activity, activity.attendance());
        return store.save(activity);
    }

    public Activity cancel(String id, String reason) {
        Activity activity = writable(id);
        activity.cancel(reason);
        raise(activity, ActivityEvents.CANCELLED);
        return store.save(activity);
    }

    public Activity archive(String id) {
        Activity activity = writable(id);
        activity.archive(clock.instant(), CurrentCaller.get().username());
        return store.save(activity);
    }

    public Activity openCheckIn(String id, boolean open) {
        Activity activity = writable(id);
        activity.openCheckIn(open);
        return store.save(activity);
    }

    /** The secretary records attendance; every member named must be an active member of the activity's branch. */
    public Activity recordAttendance(String id, List<AttendanceInput> entries) {
        Activity activity = writable(id);
        Instant now = clock.instant();
        String by = CurrentCaller.get().username();
        for (int i = 0; i < entries.size(); i++) {
            AttendanceInput input = entries.get(i);
            RosterMember member = branchMember(activity, input.memberId(), "entries[" + i + "].memberId");
            activity.recordAttendance(new AttendanceEntry(member.memberId(), member.name(), input.attendance(),
                    blankToNull(input.reason()), by, now, false));
            activity.raise(events.create(ActivityEvents.ATTENDANCE_RECORDED, activity.id(), activity.department(),
                    new ActivityEvents.AttendanceData(activity.id(), activity.department(), activity.branchId(),
                            member.memberId(), input.attendance())));
        }
        java.util.Set<String> named = entries.stream().map(AttendanceInput::memberId).collect(java.util.stream.Collectors.toSet());
        raiseStudyAttendance(activity, activity.attendance().stream().filter(e -> named.contains(e.memberId())).toList());
        return store.save(activity);
    }

    public record AttendanceInput(String memberId, Attendance attendance, String reason) {
    }

    /** A member checks in to a sitting of its own branch while check-in is open. */
    public Activity checkIn(String id) {
        RosterMember self = access.self();
        Activity activity = store.getById(id, Activity.class, ENTITY);
        if (!activity.branchId().equals(self.branchId())) {
            throw Problems.notFound(ENTITY, id);
        }
        years.requireOpen(activity.occursAt());
        activity.checkIn(self.memberId(), self.name(), clock.instant());
        activity.raise(events.create(ActivityEvents.ATTENDANCE_RECORDED, activity.id(), activity.department(),
                new ActivityEvents.AttendanceData(activity.id(), activity.department(), activity.branchId(),
                        self.memberId(), Attendance.PRESENT)));
        raiseStudyAttendance(activity, activity.attendance().stream()
                .filter(e -> e.memberId().equals(self.memberId())).toList());
        return store.save(activity);
    }

    /**
     * Rates a member in a democratic appraisal. A member inside a discipline influence period on the day of the
     * appraisal cannot be rated 优秀; the refusal names the period's end.
     */
    public Activity appraise(String id, String memberId, Rating rating) {
        Activity activity = writable(id);
        RosterMember member = branchMember(activity, memberId, "memberId");
        if (rating == Rating.EXCELLENT && activity.held() != null) {
            LocalDate day = activity.held().heldAt().atZone(Period.ZONE).toLocalDate();
            roster.influencePeriod(memberId, day).ifPresent(p -> {
                throw Problems.rule("rating", "appraisal.influencePeriod", member.name(), p.influenceUntil().toString());
            });
        }
        activity.appraise(new Appraisal(member.memberId(), member.name(), rating, CurrentCaller.get().username(),
                clock.instant()));
        return store.save(activity);
    }

    /** Logs volunteering hours; every member named must be an active member of the activity's branch. */
    public Activity logVolunteerHours(String id, List<VolunteerInput> entries) {
        Activity activity = writable(id);
        for (int i = 0; i < entries.size(); i++) {
            RosterMember member = branchMember(activity, entries.get(i).memberId(), "entries[" + i + "].memberId");
            activity.logVolunteerHours(new VolunteerHours(member.memberId(), member.name(), entries.get(i).hours()));
        }
        return store.save(activity);
    }

    public record VolunteerInput(String memberId, java.math.BigDecimal hours) {
    }

    public Activity get(String id) {
        Activity activity = store.getById(id, Activity.class, ENTITY);
        access.requireReadable(activity.branchId(), ENTITY, id);
        return activity;
    }

    /** Activities in scope, newest first; by branch and by the period their sitting falls in (held, else planned). */
    public Page<Activity> list(String branchId, Period period, ActivityStatus status, ActivityType type, Pageable pageable) {
        Criteria criteria = new Criteria();
        Optional<Set<String>> limit = access.readLimit();
        if (branchId != null && limit.filter(own -> !own.contains(branchId)).isPresent()) {
            throw Problems.forbidden("access.otherBranch", branchId);
        }
        if (branchId != null) {
            criteria.and("branchId").is(branchId);
        } else {
            limit.ifPresent(own -> criteria.and("branchId").in(own));
        }
        if (period != null) {
            criteria.and("occursAt").gte(period.start()).lt(period.end());
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (type != null) {
            criteria.and("types").is(type);
        }
        Pageable sorted = org.springframework.data.domain.PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Direction.DESC, "occursAt"));
        return store.page(criteria, sorted, Activity.class);
    }

    /** The calling member's own attendance, newest first. */
    public List<Activity> myAttendance(int year) {
        RosterMember self = access.self();
        Period y = Period.year(year);
        return store.find(Criteria.where("attendance.memberId").is(self.memberId())
                .and("occursAt").gte(y.start()).lt(y.end()), Sort.by(Sort.Direction.DESC, "occursAt"), Activity.class);
    }

    /** Sittings of a branch that happened in a period (for leading cadres' attendance and back-fill reports). */
    public List<Activity> happened(String branchId, Period period) {
        access.requireReadable(branchId, "entity.branch", branchId);
        return store.find(Criteria.where("branchId").is(branchId).and("status").in(ActivityStatus.HELD, ActivityStatus.ARCHIVED)
                .and("occursAt").gte(period.start()).lt(period.end()), Sort.by("occursAt"), Activity.class);
    }

    /** A record of the secretary's own branch, in a year not closed (a closed year's records are read-only). */
    private Activity writable(String id) {
        Activity activity = ownBranchRecord(id);
        years.requireOpen(activity.occursAt());
        return activity;
    }

    private Activity ownBranchRecord(String id) {
        Activity activity = store.getById(id, Activity.class, ENTITY);
        if (!access.serves(activity.branchId())) {
            throw Problems.notFound(ENTITY, id);
        }
        return activity;
    }

    /** The secretary asks to correct a record of a closed year (an open year's record is amended directly). */
    public Activity requestCorrection(String id, HeldRecord proposed, String reason) {
        Activity activity = ownBranchRecord(id);
        if (!years.isClosed(activity.occursAt())) {
            throw Problems.conflict("correction.yearOpen");
        }
        activity.requestCorrection(proposed, reason, clock.instant(), CurrentCaller.get().username());
        return store.save(activity);
    }

    /**
     * The department admin decides on a pending correction; an approval applies it and tells the scorecard
     * ({@code correction.approved}, with the reason) and the readers of activities ({@code amended}).
     */
    public Activity decideCorrection(String id, String correctionId, boolean approve) {
        Activity activity = store.getById(id, Activity.class, ENTITY);
        Instant now = clock.instant();
        String by = CurrentCaller.get().username();
        if (!approve) {
            activity.refuseCorrection(correctionId, now, by);
            return store.save(activity);
        }
        int year = activity.occursAt().atZone(Period.ZONE).getYear();
        HeldRecord proposed = activity.corrections().stream().filter(c -> c.id().equals(correctionId))
                .findFirst().map(Correction::proposed).orElseThrow(() -> Problems.conflict("correction.notPending"));
        Correction approved = activity.approveCorrection(correctionId, lateEntryRule(activity.department(), proposed),
                expected(activity, proposed), now, by);
        raise(activity, ActivityEvents.AMENDED);
        activity.raise(events.create(ActivityEvents.CORRECTION_APPROVED, activity.id(), activity.department(),
                new ActivityEvents.CorrectionApprovedData(activity.id() + ":" + approved.id(), activity.id(),
                        activity.department(), activity.branchId(), year, approved.reason(), approved.requestedBy(),
                        approved.requestedAt(), by, now)));
        return store.save(activity);
    }

    private RosterMember branchMember(Activity activity, String memberId, String field) {
        return roster.member(memberId).filter(RosterMember::active)
                .filter(m -> m.branchId().equals(activity.branchId()))
                .orElseThrow(() -> Problems.rule(field, "attendance.notInBranch", memberId));
    }

    private void requireGroupOf(String branchId, String partyGroupId, Collection<ActivityType> types) {
        if (partyGroupId != null) {
            roster.organization(partyGroupId).filter(RosterOrganization::active)
                    .filter(g -> RosterOrganization.PARTY_GROUP.equals(g.type()) && branchId.equals(g.parentId()))
                    .orElseThrow(() -> Problems.rule("partyGroupId", "activity.groupNotInBranch", partyGroupId));
        } else if (types.contains(ActivityType.PARTY_GROUP_MEETING)) {
            throw Problems.rule("partyGroupId", "activity.groupRequired");
        }
    }

    private LateEntryRule lateEntryRule(String department, HeldRecord held) {
        return rules.lateEntryRule(department, held.heldAt().atZone(Period.ZONE).getYear());
    }

    /** The branch's roster on the day of the sitting: who is expected at it. */
    private java.util.Set<String> expected(Activity activity, HeldRecord held) {
        return roster.expectedAt(activity.branchId(), held.heldAt().atZone(Period.ZONE).toLocalDate());
    }

    /**
     * 党课 and offline study earn credit hours in study-service: each entry of a held study sitting is announced, and
     * announced again when it or the held record changes (the latest per member wins there).
     */
    private void raiseStudyAttendance(Activity activity, List<AttendanceEntry> entries) {
        if (!activity.happened()) {
            return;
        }
        ActivityEvents.STUDY_KINDS.stream().filter(activity.types()::contains).findFirst().ifPresent(kind -> {
            for (AttendanceEntry e : entries) {
                activity.raise(events.create(ActivityEvents.STUDY_ATTENDED, activity.id(), activity.department(),
                        new ActivityEvents.StudyAttendanceData(activity.id(), activity.department(),
                                activity.branchId(), e.memberId(), kind, activity.title(), activity.held().heldAt(),
                                activity.held().durationMinutes(), e.attendance(), activity.lateEntry())));
            }
        });
    }

    private void raise(Activity activity, EventType type) {
        activity.raise(events.create(type, activity.id(), activity.department(), ActivityEvents.ActivityData.of(activity)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

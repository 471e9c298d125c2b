package cn.city.party.study.progress;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.rules.RulesInForce;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import cn.city.party.common.security.SecretaryBranches;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.study.StudyFiguresChanged;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.study.material.Material;
import cn.city.party.study.material.MaterialService;
import cn.city.party.study.plan.Assignment;
import cn.city.party.study.points.Points;
import cn.city.party.study.roster.Roster;
import cn.city.party.study.roster.RosterMember;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@Service
public class ProgressService {

    private final ScopedMongo store;
    private final MongoTemplate mongo;
    private final Roster roster;
    private final MaterialService materials;
    private final StudyRules rules;
    private final RulesInForce inForce;
    private final RuleKind<StudyTargets> targets;
    private final Points points;
    private final EventFactory events;
    private final Clock clock;
    private final PlatformCalendar calendar;

    public ProgressService(ScopedMongo store, MongoTemplate mongo, Roster roster, MaterialService materials,
                           StudyRules rules, RulesInForce inForce, RuleKind<StudyTargets> targets, Points points,
                           EventFactory events, Clock clock,
                           PlatformCalendar calendar) {
        this.store = store;
        this.mongo = mongo;
        this.roster = roster;
        this.materials = materials;
        this.rules = rules;
        this.inForce = inForce;
        this.targets = targets;
        this.points = points;
        this.events = events;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** Starts (or resumes) the caller's study of a published material meant for it. */
    public Progress start(Caller caller, String materialId) {
        RosterMember member = roster.requireMember(caller);
        Material material = openTo(member, materialId);
        return store.findById(Progress.idOf(member.id(), material.id()), Progress.class)
                .orElseGet(() -> store.insert(new Progress(member.department(), member.branchId(), member.id(),
                        material.id(), clock.instant())));
    }

    public Progress report(Caller caller, String materialId, long seconds) {
        RosterMember member = roster.requireMember(caller);
        Material material = openTo(member, materialId);
        Progress progress = started(member, materialId);
        progress.report(seconds, material.estimatedMinutes(), rules, clock.instant());
        return store.save(progress);
    }

    /**
     * Completes the caller's study of a material: the material's credit hours count for this year (Asia/Shanghai),
     * and one write stores the completion with its two events (completed; the member's credits of the year).
     */
    public Progress complete(Caller caller, String materialId) {
        RosterMember member = roster.requireMember(caller);
        Material material = openTo(member, materialId);
        Progress progress = started(member, materialId);
        long needed = rules.secondsNeeded(material.estimatedMinutes());
        if (progress.secondsSpent() < needed) {
            // clicking through is not studying: a share of the material's estimated time must have been spent on it
            throw Problems.rule("secondsSpent", "progress.tooLittleTime", (needed + 59) / 60, progress.secondsSpent() / 60);
        }
        Instant now = clock.instant();
        int year = now.atZone(calendar.zone()).getYear();
        progress.complete(material.creditHours(), material.required(), year, now);
        List<Progress> completions = new ArrayList<>(completions(Set.of(member.id())).getOrDefault(member.id(), List.of()));
        completions.add(progress);
        CreditLedger.Summary summary = CreditLedger.summarize(member, year, requirements(year, Set.of(member.department())),
                completions, offline(Set.of(member.id())).getOrDefault(member.id(), List.of()), rules,
                inForce.of(targets, year), today());
        progress.raise(events.create(ProgressEvents.COMPLETED, member.id(), member.department(),
                new ProgressEvents.CompletedData(member.id(), member.department(), member.branchId(), material.id(),
                        material.required(), now, material.creditHours())));
        progress.raise(events.create(ProgressEvents.CREDITS_UPDATED, member.id(), member.department(),
                ProgressEvents.CreditsData.of(summary)));
        Progress saved = store.save(progress);
        points.award(member.id(), member.department(), Points.Action.MATERIAL_COMPLETED);
        return saved;
    }

    public CreditLedger.Summary mine(Caller caller, int year) {
        return summary(roster.requireMember(caller), year);
    }

    /** A member's year for the organizers (a secretary: members of its own branch only). */
    public CreditLedger.Summary ofMember(Caller caller, String memberId, int year) {
        RosterMember member = roster.member(memberId);
        requireOrganizerOf(caller, member.branchId());
        return summary(member, year);
    }

    private CreditLedger.Summary summary(RosterMember member, int year) {
        return summaries(List.of(member), year).get(0);
    }

    /**
     * The year's summaries of these members, in their order: read one department at a time, so that a pass over the
     * whole city (the reminders, a city-wide assignment) holds one department's completions and offline sittings in
     * memory, not the city's (about 100,000 offline sittings).
     */
    public List<CreditLedger.Summary> summaries(List<RosterMember> members, int year) {
        LocalDate today = today();
        StudyTargets ofYear = inForce.of(targets, year);
        Map<String, CreditLedger.Summary> byMember = new HashMap<>();
        Map<String, List<RosterMember>> byDepartment = members.stream()
                .collect(Collectors.groupingBy(RosterMember::department));
        byDepartment.forEach((department, ofDepartment) -> {
            Set<String> ids = ofDepartment.stream().map(RosterMember::id).collect(Collectors.toSet());
            List<CreditLedger.Requirement> requirements = requirements(year, Set.of(department));
            Map<String, List<Progress>> completions = completions(ids);
            Map<String, List<OfflineStudy>> offline = offline(ids);
            ofDepartment.forEach(m -> byMember.put(m.id(), CreditLedger.summarize(m, year, requirements,
                    completions.getOrDefault(m.id(), List.of()), offline.getOrDefault(m.id(), List.of()), rules, ofYear,
                    today)));
        });
        return members.stream().map(m -> byMember.get(m.id())).toList();
    }

    /**
     * Recomputes the credits of the members a change concerns (an assignment: every active member of its department;
     * the roster or an offline sitting: one member) and publishes {@code credits.updated} for each whose figures
     * moved (with the member's branch as the roster now has it), so the scorecards follow assignments and the
     * roster, not only completions.
     */
    @EventListener
    public void on(StudyFiguresChanged change) {
        List<RosterMember> members;
        if (change.memberId() == null) {
            Criteria active = Criteria.where("status").in(RosterMember.ACTIVE_STATUSES);
            members = mongo.find(Query.query(Reach.cityWide(change.department()) ? active
                    : active.and("department").is(change.department())), RosterMember.class);
        } else {
            RosterMember one = mongo.findById(change.memberId(), RosterMember.class);
            members = one == null || one.department() == null ? List.of() : List.of(one);
        }
        for (CreditLedger.Summary summary : summaries(members, change.year())) {
            ProgressEvents.CreditsData figures = ProgressEvents.CreditsData.of(summary);
            MemberCredits credits = mongo.findById(MemberCredits.idOf(summary.memberId(), summary.year()), MemberCredits.class);
            if (credits == null) {
                credits = new MemberCredits(summary.memberId(), summary.year(), summary.department());
            }
            if (credits.update(figures)) {
                credits.raise(events.create(ProgressEvents.CREDITS_UPDATED, summary.memberId(), summary.department(), figures));
                mongo.save(credits);
            }
        }
    }

    public record Rate(String department, String branchId, String branchName, int members, int requiredTotal,
                       int requiredCompleted, BigDecimal completionRate, int membersAtTarget, int membersWithOverdue) {
    }

    public record Completion(int year, List<Rate> departments, List<Rate> branches) {
    }

    /** 完成率 per department and per branch, over the active members in the caller's scope. */
    public Completion completion(Caller caller, int year, String department) {
        String branch = null;
        if (!caller.hasAny(Role.WORK_COMMITTEE_ADMIN, Role.DEPT_ADMIN)) {
            branch = roster.requireMember(caller).branchId();
        }
        List<RosterMember> members = roster.activeMembers(department, branch);
        List<CreditLedger.Summary> summaries = summaries(members, year);
        Map<String, List<CreditLedger.Summary>> byDepartment = summaries.stream()
                .collect(Collectors.groupingBy(CreditLedger.Summary::department, LinkedHashMap::new, Collectors.toList()));
        Map<List<String>, List<CreditLedger.Summary>> byBranch = summaries.stream()
                .collect(Collectors.groupingBy(s -> java.util.Arrays.asList(s.department(), s.branchId()),
                        LinkedHashMap::new, Collectors.toList()));
        return new Completion(year,
                byDepartment.entrySet().stream().map(e -> rate(e.getKey(), null, null, e.getValue())).toList(),
                byBranch.entrySet().stream().map(e -> rate(e.getKey().get(0), e.getKey().get(1),
                        roster.organization(e.getKey().get(1)).map(o -> o.name()).orElse(null), e.getValue())).toList());
    }

    private static Rate rate(String department, String branchId, String branchName, List<CreditLedger.Summary> group) {
        int total = group.stream().mapToInt(CreditLedger.Summary::requiredTotal).sum();
        int done = group.stream().mapToInt(CreditLedger.Summary::requiredCompleted).sum();
        BigDecimal rate = total == 0 ? BigDecimal.valueOf(100).setScale(1)
                : BigDecimal.valueOf(done * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
        return new Rate(department, branchId, branchName, group.size(), total, done, rate,
                (int) group.stream().filter(CreditLedger.Summary::targetMet).count(),
                (int) group.stream().filter(s -> !s.overdue().isEmpty()).count());
    }

    /**
     * Required materials published in {@code year} or meant for new members (whenever published), and assignments due
     * in {@code year}, for these departments.
     */
    List<CreditLedger.Requirement> requirements(int year, Collection<String> departments) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(calendar.zone()).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(calendar.zone()).toInstant();
        List<String> reach = new ArrayList<>(departments);
        reach.add(Reach.CITY);
        List<CreditLedger.Requirement> requirements = new ArrayList<>();
        for (Material m : materials.publishedMatching(Criteria.where("department").in(reach).and("required").is(true)
                .orOperator(Criteria.where("publishedAt").gte(from).lt(to), Criteria.where("audience").is(Audience.NEW_MEMBERS)))) {
            requirements.add(new CreditLedger.Requirement(m.id(), m.title(), m.reach(), null));
        }
        List<Assignment> assignments = mongo.find(Query.query(Criteria.where("department").in(departments)
                .and("dueOn").gte(LocalDate.of(year, 1, 1)).lte(LocalDate.of(year, 12, 31))), Assignment.class);
        Map<String, Material> assigned = materials.publishedMatching(Criteria.where("_id")
                .in(assignments.stream().map(Assignment::materialId).distinct().toList())).stream()
                .collect(Collectors.toMap(Material::id, Function.identity()));
        for (Assignment a : assignments) {
            Material m = assigned.get(a.materialId());
            if (m != null) {
                requirements.add(new CreditLedger.Requirement(m.id(), m.title(), a.reach(), a.dueOn()));
            }
        }
        return requirements;
    }

    private Map<String, List<Progress>> completions(Set<String> memberIds) {
        return mongo.find(Query.query(Criteria.where("memberId").in(memberIds).and("completedAt").ne(null)), Progress.class)
                .stream().collect(Collectors.groupingBy(Progress::memberId));
    }

    private Map<String, List<OfflineStudy>> offline(Set<String> memberIds) {
        return mongo.find(Query.query(Criteria.where("memberId").in(memberIds)), OfflineStudy.class)
                .stream().collect(Collectors.groupingBy(OfflineStudy::memberId));
    }

    private Material openTo(RosterMember member, String materialId) {
        Material material = materials.published(materialId)
                .orElseThrow(() -> Problems.notFound("entity.material", materialId));
        if (!material.reach().reaches(member)) {
            throw Problems.notFound("entity.material", materialId);
        }
        return material;
    }

    private Progress started(RosterMember member, String materialId) {
        return store.findById(Progress.idOf(member.id(), materialId), Progress.class)
                .orElseThrow(() -> Problems.conflict("progress.notStarted"));
    }

    private void requireOrganizerOf(Caller caller, String branchId) {
        if (caller.hasAny(Role.WORK_COMMITTEE_ADMIN, Role.DEPT_ADMIN)) {
            return; // the member was found in the caller's department scope
        }
        if (!SecretaryBranches.serves(caller, branchId)) {
            throw Problems.forbidden("publish.notYourScope");
        }
    }

    private LocalDate today() {
        return calendar.today();
    }
}

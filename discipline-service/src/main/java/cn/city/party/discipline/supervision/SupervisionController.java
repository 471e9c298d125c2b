package cn.city.party.discipline.supervision;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.discipline.audit.AuditTrail;
import cn.city.party.discipline.lead.LeadService;
import cn.city.party.discipline.roster.Roster;
import cn.city.party.discipline.roster.RosterMember;
import cn.city.party.discipline.roster.RosterOrganization;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 廉政谈话、巡查回访、廉政监督卡: inspectors record them; coverage rates (counts only) are also shown to the work
 * committee.
 */
@RestController
@RequestMapping("/api/discipline/supervision")
@Tag(name = "日常监督 Talks, visits, cards")
public class SupervisionController {

    private final ScopedMongo store;
    private final Roster roster;
    private final AuditTrail audit;
    private final Clock clock;

    public SupervisionController(ScopedMongo store, Roster roster, AuditTrail audit, Clock clock) {
        this.store = store;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
    }

    public record Create(@Pattern(regexp = "[a-z][a-z0-9-]{1,31}") String department,
                         @NotNull SupervisionRecord.Kind kind,
                         @NotNull LocalDate heldOn,
                         @NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 64) String> coveredIds,
                         @Size(max = 1000) String note) {
    }

    public record View(String id, String department, SupervisionRecord.Kind kind, LocalDate heldOn, int year,
                       List<String> coveredIds, String note, String recordedBy, Instant createdAt) {
        static View of(SupervisionRecord r) {
            return new View(r.id(), r.department(), r.kind(), r.heldOn(), r.year(), r.coveredIds(), r.note(),
                    r.recordedBy(), r.createdAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "记录谈话、回访或监督卡 Record a talk, a visit or issued cards, with whom they covered")
    public View create(@Valid @RequestBody Create request) {
        Caller caller = CurrentCaller.get();
        String department = request.department() != null ? request.department() : caller.department();
        store.requireWritable(department);
        if (request.heldOn().isAfter(LocalDate.now(clock.withZone(LeadService.ZONE)))) {
            throw Problems.rule("heldOn", "date.inFuture", request.heldOn());
        }
        List<String> covered = request.coveredIds().stream().distinct().toList();
        if (request.kind().population() == SupervisionRecord.Population.MEMBERS) {
            roster.requireMembers("coveredIds", covered, department);
        } else {
            for (int i = 0; i < covered.size(); i++) {
                roster.requireOrganization("coveredIds[" + i + "]", covered.get(i), department);
            }
        }
        SupervisionRecord record = new SupervisionRecord(UUID.randomUUID().toString(), department, request.kind(),
                request.heldOn(), request.heldOn().getYear(), covered, request.note(), caller.username(), clock.instant());
        return View.of(audit.change(record, "supervision.recorded", request.kind().name(), store::insert));
    }

    @GetMapping
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "监督记录 Records of a year in scope")
    public List<View> list(@RequestParam int year, @RequestParam(required = false) SupervisionRecord.Kind kind) {
        Criteria criteria = Criteria.where("year").is(year);
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        return store.find(criteria, Sort.by("department", "heldOn"), SupervisionRecord.class).stream().map(View::of).toList();
    }

    @GetMapping("/coverage")
    @PreAuthorize("hasAnyRole('INSPECTOR','WORK_COMMITTEE_ADMIN')")
    @Operation(summary = "覆盖率 Coverage per department and kind against the 100% target (counts only)")
    public List<Coverage> coverage(@RequestParam int year, @RequestParam(required = false) String department) {
        Map<String, List<RosterMember>> members = roster.members(department).stream().filter(RosterMember::isCurrent)
                .collect(Collectors.groupingBy(RosterMember::department, TreeMap::new, Collectors.toList()));
        Map<String, List<RosterOrganization>> branches = roster.organizations(department).stream()
                .filter(o -> o.isActive() && "BRANCH".equals(o.type()))
                .collect(Collectors.groupingBy(RosterOrganization::department));
        Criteria criteria = Criteria.where("year").is(year);
        if (department != null) {
            criteria = criteria.and("department").is(department);
        }
        Map<String, List<SupervisionRecord>> records = store.find(criteria, SupervisionRecord.class).stream()
                .collect(Collectors.groupingBy(SupervisionRecord::department));
        List<Coverage> result = new ArrayList<>();
        for (String dept : members.keySet()) {
            for (SupervisionRecord.Kind kind : SupervisionRecord.Kind.values()) {
                List<String> population = kind.population() == SupervisionRecord.Population.MEMBERS
                        ? members.get(dept).stream().map(RosterMember::memberId).toList()
                        : branches.getOrDefault(dept, List.of()).stream().map(RosterOrganization::id).toList();
                result.add(Coverage.of(dept, kind, year, population, records.getOrDefault(dept, List.of())));
            }
        }
        return result;
    }
}

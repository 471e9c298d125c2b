package cn.city.party.discipline.riskpoint;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.discipline.DisciplineRules;
import cn.city.party.discipline.audit.AuditTrail;
import cn.city.party.discipline.lead.LeadService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 廉政风险点: inspectors record and re-assess them; the department's Party committee and the work committee read
 * them (they hold no case content).
 */
@RestController
@RequestMapping("/api/discipline/risk-points")
@Tag(name = "廉政风险点 Integrity risk points")
public class RiskPointController {

    static final String ENTITY = "entity.riskPoint";

    private final ScopedMongo store;
    private final AuditTrail audit;
    private final DisciplineRules rules;
    private final Clock clock;

    public RiskPointController(ScopedMongo store, AuditTrail audit, DisciplineRules rules, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
    }

    public record Create(@Pattern(regexp = "[a-z][a-z0-9-]{1,31}") String department,
                         @NotBlank @Size(max = 64) String post,
                         @NotBlank @Size(max = 2000) String description,
                         @NotNull RiskPoint.Level level,
                         @NotBlank @Size(max = 2000) String measures,
                         @NotBlank @Size(max = 64) String owner,
                         @NotNull LocalDate nextReviewOn) {
    }

    public record Reassess(@NotNull RiskPoint.Result result, RiskPoint.Level level, @Size(max = 2000) String measures,
                           @NotBlank @Size(max = 1000) String note, LocalDate nextReviewOn) {
    }

    public record RiskPointView(String id, String department, String post, String description, RiskPoint.Level level,
                                String measures, String owner, LocalDate nextReviewOn, LocalDate lastReviewedOn,
                                boolean reviewOverdue, List<RiskPoint.Review> reviews) {
        static RiskPointView of(RiskPoint r, LocalDate today) {
            return new RiskPointView(r.id(), r.department(), r.post(), r.description(), r.level(), r.measures(),
                    r.owner(), r.nextReviewOn(), r.lastReviewedOn(), r.reviewOverdue(today), r.reviews());
        }
    }

    /** 年度评估进度: how many of the department's points were re-assessed in the year, and which are not yet. */
    public record Reassessment(int year, long total, long reviewed, List<RiskPointView> pending) {
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(LeadService.ZONE));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "登记风险点 Record a risk point of a post")
    public RiskPointView create(@Valid @RequestBody Create request) {
        String department = request.department() != null ? request.department() : CurrentCaller.get().department();
        store.requireWritable(department);
        RiskPoint point = new RiskPoint(UUID.randomUUID().toString(), department, request.post(),
                request.description(), request.level(), request.measures(), request.owner(), request.nextReviewOn(),
                today(), rules.riskReviewMonths(), clock.instant());
        return RiskPointView.of(audit.change(point, "riskPoint.created", point.level().name(), store::insert), today());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('INSPECTOR','DEPT_ADMIN','WORK_COMMITTEE_ADMIN')")
    @Operation(summary = "风险点清单 Risk points in scope")
    public List<RiskPointView> list(@RequestParam(required = false) String department) {
        LocalDate today = today();
        return points(department).stream().map(r -> RiskPointView.of(r, today)).toList();
    }

    @GetMapping("/overdue-reviews")
    @PreAuthorize("hasAnyRole('INSPECTOR','DEPT_ADMIN','WORK_COMMITTEE_ADMIN')")
    @Operation(summary = "逾期未评估 Risk points past their review date")
    public List<RiskPointView> overdue() {
        LocalDate today = today();
        return store.find(Criteria.where("nextReviewOn").lt(today), Sort.by("nextReviewOn"), RiskPoint.class).stream()
                .map(r -> RiskPointView.of(r, today)).toList();
    }

    @GetMapping("/reassessment")
    @PreAuthorize("hasAnyRole('INSPECTOR','DEPT_ADMIN','WORK_COMMITTEE_ADMIN')")
    @Operation(summary = "年度评估进度 Progress of a year's re-assessment")
    public Reassessment reassessment(@RequestParam int year, @RequestParam(required = false) String department) {
        LocalDate today = today();
        List<RiskPoint> all = points(department);
        List<RiskPointView> pending = all.stream().filter(r -> !r.reviewedIn(year)).map(r -> RiskPointView.of(r, today)).toList();
        return new Reassessment(year, all.size(), all.size() - pending.size(), pending);
    }

    @PostMapping("/{id}/reviews")
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "年度评估 Mark the point reviewed (confirmed) or changed")
    public RiskPointView reassess(@PathVariable String id, @Valid @RequestBody Reassess request) {
        RiskPoint point = store.getById(id, RiskPoint.class, ENTITY);
        point.reassess(request.result(), request.level(), request.measures(), request.note(), request.nextReviewOn(),
                today(), rules.riskReviewMonths(), CurrentCaller.get(), clock.instant());
        return RiskPointView.of(audit.change(point, "riskPoint.reassessed", request.result().name(), store::save), today());
    }

    private List<RiskPoint> points(String department) {
        Criteria criteria = department == null ? new Criteria() : Criteria.where("department").is(department);
        return store.find(criteria, Sort.by("department", "post"), RiskPoint.class);
    }
}

package cn.city.party.discipline.riskpoint;

import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.DepartmentCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * 廉政风险点: inspectors record and re-assess them; the department's Party committee and the work committee read
 * them (they hold no case content).
 */
@RestController
@RequestMapping("/api/discipline/risk-points")
@Tag(name = "廉政风险点 Integrity risk points")
public class RiskPointController {

    private final RiskPointService points;

    public RiskPointController(RiskPointService points) {
        this.points = points;
    }

    public record Create(@DepartmentCode String department,
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

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.Inspector
    @Operation(summary = "登记风险点 Record a risk point of a post")
    public RiskPointView create(@Valid @RequestBody Create request) {
        return RiskPointView.of(points.create(new RiskPointService.NewRiskPoint(request.department(), request.post(),
                request.description(), request.level(), request.measures(), request.owner(), request.nextReviewOn())),
                points.today());
    }

    @GetMapping
    @For.WorkCommitteeDeptAdminOrInspector
    @Operation(summary = "风险点清单 Risk points in scope")
    public List<RiskPointView> list(@RequestParam(required = false) String department) {
        LocalDate today = points.today();
        return points.list(department).stream().map(r -> RiskPointView.of(r, today)).toList();
    }

    @GetMapping("/overdue-reviews")
    @For.WorkCommitteeDeptAdminOrInspector
    @Operation(summary = "逾期未评估 Risk points past their review date")
    public List<RiskPointView> overdue() {
        LocalDate today = points.today();
        return points.overdue().stream().map(r -> RiskPointView.of(r, today)).toList();
    }

    @GetMapping("/reassessment")
    @For.WorkCommitteeDeptAdminOrInspector
    @Operation(summary = "年度评估进度 Progress of a year's re-assessment")
    public Reassessment reassessment(@RequestParam int year, @RequestParam(required = false) String department) {
        LocalDate today = points.today();
        RiskPointService.Progress progress = points.reassessment(year, department);
        return new Reassessment(year, progress.total(), progress.reviewed(),
                progress.pending().stream().map(r -> RiskPointView.of(r, today)).toList());
    }

    @PostMapping("/{id}/reviews")
    @For.Inspector
    @Operation(summary = "年度评估 Mark the point reviewed (confirmed) or changed")
    public RiskPointView reassess(@PathVariable String id, @Valid @RequestBody Reassess request) {
        return RiskPointView.of(points.reassess(id, new RiskPointService.Review(request.result(), request.level(),
                request.measures(), request.note(), request.nextReviewOn())), points.today());
    }
}

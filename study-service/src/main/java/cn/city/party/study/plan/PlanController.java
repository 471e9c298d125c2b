package cn.city.party.study.plan;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.DepartmentCode;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 学习计划 and 必学任务 */
@RestController
@Validated
@RequestMapping("/api/study")
@Tag(name = "学习计划 Study plans")
public class PlanController {

    private final PlanService plans;

    public PlanController(PlanService plans) {
        this.plans = plans;
    }

    public record CreatePlan(@NotBlank @Size(max = 64) String organizationId, @Min(2000) @Max(2100) int year,
                             @NotNull StudyPlan.Kind kind, @NotBlank @Size(max = 120) String title) {
    }

    public record AddSession(@NotNull LocalDate date, @NotBlank @Size(max = 200) String topic,
                             @NotNull @Size(max = 20) List<@NotBlank String> materialIds) {
    }

    public record CreateAssignment(@NotBlank String materialId, @NotNull Audience audience,
                                   @DepartmentCode String department,
                                   @Size(max = 64) String branchId, @NotNull LocalDate dueOn, String planId) {
    }

    public record PlanView(String id, String department, String organizationId, int year, StudyPlan.Kind kind,
                           String title, List<StudyPlan.Session> sessions, Instant createdAt) {

        static PlanView of(StudyPlan p) {
            return new PlanView(p.id(), p.department(), p.organizationId(), p.year(), p.kind(), p.title(),
                    p.sessions(), p.createdAt());
        }
    }

    public record AssignmentView(String id, String department, String branchId, Audience audience, String materialId,
                                 String planId, LocalDate dueOn, Instant createdAt) {

        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.id(), a.department(), a.branchId(), a.audience(), a.materialId(), a.planId(),
                    a.dueOn(), a.createdAt());
        }
    }

    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "制定学习计划 Create an organization's plan of a year")
    public PlanView create(@Valid @RequestBody CreatePlan r) {
        return PlanView.of(plans.create(CurrentCaller.get(), r.organizationId(), r.year(), r.kind(), r.title()));
    }

    @PostMapping("/plans/{id}/sessions")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "安排一次学习 Add a session with topic and materials")
    public PlanView addSession(@PathVariable String id, @Valid @RequestBody AddSession r) {
        return PlanView.of(plans.addSession(CurrentCaller.get(), id, r.date(), r.topic(), r.materialIds()));
    }

    @GetMapping("/plans")
    @For.WorkCommitteeDeptAdminSecretaryOrMember
    public List<PlanView> list(@RequestParam @Min(2000) @Max(2100) int year,
                               @RequestParam(required = false) String organizationId) {
        return plans.list(year, organizationId).stream().map(PlanView::of).toList();
    }

    @GetMapping("/plans/{id}")
    @For.WorkCommitteeDeptAdminSecretaryOrMember
    public PlanView get(@PathVariable String id) {
        return PlanView.of(plans.get(id));
    }

    @PostMapping("/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "布置必学任务 Assign a required material with a due date")
    public AssignmentView assign(@Valid @RequestBody CreateAssignment r) {
        return AssignmentView.of(plans.assign(CurrentCaller.get(), r.materialId(),
                new Reach(r.department(), r.branchId(), r.audience()), r.dueOn(), r.planId()));
    }

    @GetMapping("/assignments")
    @For.WorkCommitteeDeptAdminOrSecretary
    public List<AssignmentView> assignments(@RequestParam(required = false) String materialId) {
        return plans.assignments(materialId).stream().map(AssignmentView::of).toList();
    }
}

package cn.city.party.activity.compliance;

import cn.city.party.activity.period.Period;
import cn.city.party.common.security.For;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 实时合规: for any period ({@code 2026-03}, {@code 2026-Q1}, {@code 2026-H1}, {@code 2026}), each rule met, at risk or
 * missed, with the quality indicators; branch figures list the records behind them.
 */
@RestController
@RequestMapping("/api/compliance")
@Tag(name = "合规 Compliance")
@Validated
public class ComplianceController {

    private final ComplianceService compliance;

    public ComplianceController(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/branches/{branchId}")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "支部合规情况（含明细记录） A branch, with the records behind each number")
    public ComplianceService.BranchView branch(@PathVariable String branchId, @RequestParam String period) {
        return compliance.branch(branchId, Period.param("period", period));
    }

    @GetMapping("/branches/{branchId}/periods")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "支部各期评估结果（关账后冻结） A branch's periods as judged, frozen once closed")
    public java.util.List<ComplianceEvents.PeriodData> periods(@PathVariable String branchId,
                                                               @RequestParam @Min(2000) @Max(2100) int year) {
        return compliance.periods(branchId, year);
    }

    @GetMapping("/departments/{department}")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "部门合规情况（各支部） A department, branch by branch")
    public ComplianceService.DepartmentView department(@PathVariable String department, @RequestParam String period) {
        return compliance.department(department, Period.param("period", period));
    }

    @GetMapping("/city")
    @For.WorkCommittee
    @Operation(summary = "全市合规情况（各部门） The city, department by department")
    public ComplianceService.CityView city(@RequestParam String period) {
        return compliance.city(Period.param("period", period));
    }
}

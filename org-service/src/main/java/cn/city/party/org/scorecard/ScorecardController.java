package cn.city.party.org.scorecard;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.For;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.sheet.SheetReader;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/** 党建考核: branch scorecards, rankings and the work committee's scoring rules. */
@RestController
@RequestMapping("/api/org/scorecards")
class ScorecardController {

    private final ScorecardService service;
    private final ScorecardExport export;
    private final PlatformCalendar calendar;

    ScorecardController(ScorecardService service, ScorecardExport export, PlatformCalendar calendar) {
        this.service = service;
        this.export = export;
        this.calendar = calendar;
    }

    /** The weights, deductions and star thresholds the work committee sets for a year, and why (kept in the history). */
    record RulesRequest(BigDecimal complianceWeight, BigDecimal qualityWeight, BigDecimal studyWeight,
                        BigDecimal termOnTimeWeight, BigDecimal committeeCompleteWeight, BigDecimal duesWeight,
                        BigDecimal duesArrearsDeduction, BigDecimal sanctionDeduction,
                        BigDecimal accountabilityDeduction, BigDecimal lateEntryDeduction,
                        List<BigDecimal> starThresholds, ScoringRules.WeakBranchCriteria weakBranch,
                        @Size(max = 500) String reason) {

        ScoringRules toRules() {
            return new ScoringRules(complianceWeight, qualityWeight, studyWeight, termOnTimeWeight,
                    committeeCompleteWeight, duesWeight, duesArrearsDeduction, sanctionDeduction,
                    accountabilityDeduction, lateEntryDeduction, starThresholds, weakBranch);
        }
    }

    @GetMapping("/rules/{year}")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "考核细则 The year's scoring rules (the city default while none was set)")
    ScoringRules.OfYear rules(@PathVariable int year) {
        return service.rules(checked(year));
    }

    @PutMapping("/rules/{year}")
    @For.WorkCommittee
    @Operation(summary = "设定考核细则 Set a new version of the year's rules; every scorecard of the year follows it")
    ScoringRules.OfYear setRules(@PathVariable int year, @Valid @RequestBody RulesRequest request) {
        return service.setRules(checked(year), request.toRules(), request.reason());
    }

    @GetMapping("/branches/{branchId}")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "支部考核得分 A branch's scorecard with the facts behind every point")
    Scorecard branch(@PathVariable String branchId, @RequestParam(required = false) Integer year) {
        return service.branch(branchId, yearOrCurrent(year));
    }

    @GetMapping("/branches/{branchId}/comparison")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "同比 The branch's scorecard against the year before")
    ScorecardService.Comparison comparison(@PathVariable String branchId, @RequestParam(required = false) Integer year) {
        return service.comparison(branchId, yearOrCurrent(year));
    }

    @GetMapping("/rankings/departments/{department}")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "支部排名 Ranking of the department's branches")
    List<ScorecardService.Ranked> departmentRanking(@PathVariable String department,
                                                    @RequestParam(required = false) Integer year) {
        return service.departmentRanking(department, yearOrCurrent(year));
    }

    @GetMapping("/rankings/departments/{department}/export")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "导出支部排名 The department's branch ranking as .xlsx")
    ResponseEntity<byte[]> exportRanking(@PathVariable String department, @RequestParam(required = false) Integer year) {
        int y = yearOrCurrent(year);
        byte[] xlsx = export.ranking(service.departmentRanking(department, y));
        return SheetReader.attachment(xlsx, "支部考核排名-" + department + "-" + y + ".xlsx");
    }

    /** 业务考核得分 of a department and year. */
    record BusinessScoreRequest(BigDecimal score) {
    }

    @PutMapping("/business-scores/{year}/{department}")
    @For.WorkCommittee
    @Operation(summary = "双百分考核：录入部门业务考核得分 Record a department's business score of the year (0–100)")
    BusinessScore setBusinessScore(@PathVariable int year, @PathVariable String department,
                                   @RequestBody BusinessScoreRequest request) {
        return service.setBusinessScore(checked(year), department, request.score());
    }

    @GetMapping("/weak-branches")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "软弱涣散基层党组织 Branches meeting a weak-branch criterion, with the criteria met")
    List<Scorecard> weakBranches(@RequestParam(required = false) String department,
                                 @RequestParam(required = false) Integer year) {
        return service.weakBranches(department, yearOrCurrent(year));
    }

    @GetMapping("/rankings/city")
    @For.WorkCommittee
    @Operation(summary = "部门排名（双百分） Departments by their branches' mean total beside their business score and place")
    List<ScorecardService.DepartmentRank> cityRanking(@RequestParam(required = false) Integer year) {
        return service.cityRanking(yearOrCurrent(year));
    }

    private int yearOrCurrent(Integer year) {
        return year == null ? calendar.today().getYear() : checked(year);
    }

    private static int checked(int year) {
        if (year < 2000 || year > 2100) {
            throw Problems.invalid("year", "scorecard.yearRange", 2000, 2100);
        }
        return year;
    }
}

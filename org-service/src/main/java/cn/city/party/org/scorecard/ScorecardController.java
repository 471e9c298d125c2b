package cn.city.party.org.scorecard;

import cn.city.party.common.error.Problems;
import cn.city.party.org.OrgCalendar;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** 党建考核: branch scorecards, rankings and the work committee's scoring rules. */
@RestController
@RequestMapping("/api/org/scorecards")
class ScorecardController {

    private final ScorecardService service;
    private final ScorecardExport export;
    private final OrgCalendar calendar;

    ScorecardController(ScorecardService service, ScorecardExport export, OrgCalendar calendar) {
        this.service = service;
        this.export = export;
        this.calendar = calendar;
    }

    /** The weights, deductions and star thresholds the work committee sets for a year. */
    record RulesRequest(BigDecimal complianceWeight, BigDecimal qualityWeight, BigDecimal studyWeight,
                        BigDecimal termOnTimeWeight, BigDecimal committeeCompleteWeight, BigDecimal duesWeight,
                        BigDecimal duesArrearsDeduction, BigDecimal sanctionDeduction,
                        BigDecimal accountabilityDeduction, BigDecimal lateEntryDeduction,
                        List<BigDecimal> starThresholds, ScoringRules.WeakBranchCriteria weakBranch) {

        ScoringRules toRules(int year) {
            return new ScoringRules(year, 0, complianceWeight, qualityWeight, studyWeight, termOnTimeWeight,
                    committeeCompleteWeight, duesWeight, duesArrearsDeduction, sanctionDeduction,
                    accountabilityDeduction, lateEntryDeduction, starThresholds, weakBranch);
        }
    }

    @GetMapping("/rules/{year}")
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN','BRANCH_SECRETARY')")
    @Operation(summary = "考核细则 The year's scoring rules (the city default while none was set)")
    ScoringRules rules(@PathVariable int year) {
        return service.rules(checked(year));
    }

    @PutMapping("/rules/{year}")
    @PreAuthorize("hasRole('WORK_COMMITTEE_ADMIN')")
    @Operation(summary = "设定考核细则 Set a new version of the year's rules; every scorecard of the year follows it")
    ScoringRules setRules(@PathVariable int year, @RequestBody RulesRequest request) {
        return service.setRules(checked(year), request.toRules(year));
    }

    @GetMapping("/branches/{branchId}")
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN','BRANCH_SECRETARY')")
    @Operation(summary = "支部考核得分 A branch's scorecard with the facts behind every point")
    Scorecard branch(@PathVariable String branchId, @RequestParam(required = false) Integer year) {
        return service.branch(branchId, yearOrCurrent(year));
    }

    @GetMapping("/branches/{branchId}/comparison")
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN','BRANCH_SECRETARY')")
    @Operation(summary = "同比 The branch's scorecard against the year before")
    ScorecardService.Comparison comparison(@PathVariable String branchId, @RequestParam(required = false) Integer year) {
        return service.comparison(branchId, yearOrCurrent(year));
    }

    @GetMapping("/rankings/departments/{department}")
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN')")
    @Operation(summary = "支部排名 Ranking of the department's branches")
    List<ScorecardService.Ranked> departmentRanking(@PathVariable String department,
                                                    @RequestParam(required = false) Integer year) {
        return service.departmentRanking(department, yearOrCurrent(year));
    }

    @GetMapping("/rankings/departments/{department}/export")
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN')")
    @Operation(summary = "导出支部排名 The department's branch ranking as .xlsx")
    ResponseEntity<byte[]> exportRanking(@PathVariable String department, @RequestParam(required = false) Integer year) {
        int y = yearOrCurrent(year);
        byte[] xlsx = export.ranking(service.departmentRanking(department, y));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ScorecardExport.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("支部考核排名-" + department + "-" + y + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }

    /** 业务考核得分 of a department and year. */
    record BusinessScoreRequest(BigDecimal score) {
    }

    @PutMapping("/business-scores/{year}/{department}")
    @PreAuthorize("hasRole('WORK_COMMITTEE_ADMIN')")
    @Operation(summary = "双百分考核：录入部门业务考核得分 Record a department's business score of the year (0–100)")
    BusinessScore setBusinessScore(@PathVariable int year, @PathVariable String department,
                                   @RequestBody BusinessScoreRequest request) {
        return service.setBusinessScore(checked(year), department, request.score());
    }

    @GetMapping("/weak-branches")
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN')")
    @Operation(summary = "软弱涣散基层党组织 Branches meeting a weak-branch criterion, with the criteria met")
    List<Scorecard> weakBranches(@RequestParam(required = false) String department,
                                 @RequestParam(required = false) Integer year) {
        return service.weakBranches(department, yearOrCurrent(year));
    }

    @GetMapping("/rankings/city")
    @PreAuthorize("hasRole('WORK_COMMITTEE_ADMIN')")
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

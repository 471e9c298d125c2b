package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.period.PeriodKind;
import cn.city.party.common.error.Problems;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.For;
import cn.city.party.common.security.Role;
import cn.city.party.common.tenancy.DepartmentCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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

import java.util.List;
import java.util.Map;

/** 考核规则: versioned rule sets per year, the city default and departments' overrides (kind {@code compliance} of the rule book). */
@RestController
@RequestMapping("/api/compliance/rules")
@Tag(name = "合规规则 Compliance rules")
@Validated
public class RuleSetController {

    private final RuleSetService rules;

    public RuleSetController(RuleSetService rules) {
        this.rules = rules;
    }

    public record RuleInput(@NotNull ActivityType type, @NotNull @Positive @Max(1000) Integer minCount,
                            @NotNull PeriodKind period, RuleScope scope, RuleCondition condition) {
    }

    /**
     * A new version. Parameters left out are those of the rule set it replaces (for a department: the one in force
     * for it); {@code reason}: why (kept in the version's history); {@code laxerApprovalReason}: the work committee's
     * reason for letting a department's override be laxer.
     */
    public record PublishRules(@Min(0) @Max(366) Integer lateEntryDays,
                               Map<PeriodKind, @NotNull @Min(0) @Max(366) Integer> warningDays,
                               @DecimalMin("0") @DecimalMax("1") Double lateEntryWeight,
                               @DecimalMin("0") @DecimalMax("1") Double multiPurposeWeight,
                               @NotEmpty @Size(max = 100) List<@Valid @NotNull RuleInput> rules,
                               @Size(max = 500) String reason, @Size(max = 500) String laxerApprovalReason) {
    }

    @GetMapping
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "现行规则（部门覆盖优先，其次全市默认） The rule set in force for a department, or the city")
    public RuleSet effective(@RequestParam @Min(2000) @Max(2100) int year,
                             @RequestParam(required = false) @DepartmentCode String department) {
        var caller = CurrentCaller.get();
        return rules.effective(caller.has(Role.WORK_COMMITTEE_ADMIN) ? department : caller.department(), year);
    }

    @GetMapping("/{owner}/{year}/versions")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "历次版本 Every published version, newest first")
    public List<RuleSet> history(@PathVariable String owner, @PathVariable @Min(2000) @Max(2100) int year) {
        var caller = CurrentCaller.get();
        if (!caller.has(Role.WORK_COMMITTEE_ADMIN)
                && !owner.equals(caller.department()) && !RuleSet.CITY.equals(owner)) {
            throw Problems.forbidden("rules.notYours", owner);
        }
        return rules.history(owner, year);
    }

    @PostMapping("/{owner}/{year}")
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "发布新版本（city = 全市默认，工委；部门代码 = 部门覆盖） Publish a new version")
    public RuleSet publish(@PathVariable @DepartmentCode String owner,
                           @PathVariable int year, @Valid @RequestBody PublishRules request) {
        List<Rule> list = request.rules().stream()
                .map(r -> new Rule(r.type(), r.minCount(), r.period(), r.scope(), r.condition())).toList();
        return rules.publish(owner, year, new RuleSetService.Parameters(request.lateEntryDays(), request.warningDays(),
                request.lateEntryWeight(), request.multiPurposeWeight()), list, request.reason(),
                request.laxerApprovalReason());
    }
}

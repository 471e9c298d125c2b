package cn.city.party.org.department;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.rules.RulesInForce;
import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.DepartmentCode;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.OrgRules;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** 部门管理: the departments (tenants). Only the work committee registers them. */
@RestController
@RequestMapping("/api/org/departments")
@Tag(name = "部门 Departments")
public class DepartmentController {

    private final DepartmentService departments;
    private final CadreCount roster;
    private final RulesInForce inForce;
    private final RuleKind<OrgRules.Cadres> cadres;
    private final PlatformCalendar calendar;

    public DepartmentController(DepartmentService departments, CadreCount roster, RulesInForce inForce,
                                RuleKind<OrgRules.Cadres> cadres, PlatformCalendar calendar) {
        this.departments = departments;
        this.roster = roster;
        this.inForce = inForce;
        this.cadres = cadres;
        this.calendar = calendar;
    }

    public record RegisterDepartment(
            @NotBlank @DepartmentCode String code,
            @NotBlank @Size(max = 64) String name,
            @NotNull @PositiveOrZero @Max(1_000_000) Integer staffHeadcount) {
    }

    public record ChangeDepartment(@NotBlank @Size(max = 64) String name,
                                   @NotNull @PositiveOrZero @Max(1_000_000) Integer staffHeadcount) {
    }

    /** A department's page, with its Party-affairs cadre ratio against the target (2% by default). */
    public record DepartmentView(String code, String name, int staffHeadcount, Instant registeredAt, CadreRatio partyAffairsCadres) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommittee
    @Operation(summary = "注册部门 Register a department")
    public DepartmentView register(@Valid @RequestBody RegisterDepartment request) {
        return view(departments.register(request.code(), request.name(), request.staffHeadcount()));
    }

    @GetMapping
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "部门列表（工委看全部，部门管理员看本部门） List departments in scope")
    public List<DepartmentView> list() {
        return departments.list().stream().map(this::view).toList();
    }

    @GetMapping("/{code}")
    @For.WorkCommitteeOrDeptAdmin
    public DepartmentView get(@PathVariable String code) {
        return view(departments.get(code));
    }

    @PutMapping("/{code}")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "修改部门名称与在编人数 Change name and staff headcount")
    public DepartmentView change(@PathVariable String code, @Valid @RequestBody ChangeDepartment request) {
        return view(departments.change(code, request.name(), request.staffHeadcount()));
    }

    private DepartmentView view(Department d) {
        return new DepartmentView(d.code(), d.name(), d.staffHeadcount(), d.registeredAt(),
                CadreRatio.of(roster.fullTimeCadres(d.code()), d.staffHeadcount(),
                        inForce.of(cadres, calendar.today().getYear()).partyAffairsPercent()));
    }
}

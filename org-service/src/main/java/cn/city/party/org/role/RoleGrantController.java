package cn.city.party.org.role;

import cn.city.party.common.security.For;
import cn.city.party.common.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 角色授权: the work committee's grants and withdrawals, and the record of every role change (elections' too). */
@RestController
@Tag(name = "角色授权 Role grants")
public class RoleGrantController {

    private final RoleGrantService grants;

    public RoleGrantController(RoleGrantService grants) {
        this.grants = grants;
    }

    /**
     * @param department   the department the member is stated to belong to; a member of another is refused
     * @param jurisdiction for {@code INSPECTOR}: {@code department} (default) or {@code city}
     */
    public record Grant(@NotBlank @Size(max = 64) String member, @NotBlank @Size(max = 64) String department,
                        @NotNull Role role, @Size(max = 16) String jurisdiction, @NotBlank @Size(max = 500) String reason) {
    }

    public record Withdrawal(@NotBlank @Size(max = 64) String member, @NotBlank @Size(max = 64) String department,
                             @NotNull Role role, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/api/org/role-grants")
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommittee
    @Operation(summary = "授予部门管理员或纪检干部角色 Grant DEPT_ADMIN or INSPECTOR to a member")
    public RoleGrant grant(@Valid @RequestBody Grant g) {
        return grants.grant(g.member(), g.department(), g.role(), g.jurisdiction(), g.reason());
    }

    @PostMapping("/api/org/role-grants/withdrawals")
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommittee
    @Operation(summary = "收回角色 Withdraw DEPT_ADMIN or INSPECTOR from a member")
    public RoleGrant withdraw(@Valid @RequestBody Withdrawal w) {
        return grants.withdraw(w.member(), w.department(), w.role(), w.reason());
    }

    @GetMapping("/api/org/role-grants")
    @For.WorkCommittee
    @Operation(summary = "角色授予与收回记录（含换届自动授予） Every grant and withdrawal, elections' included")
    public List<RoleGrant> list(@RequestParam(required = false) String department,
                                @RequestParam(required = false) String member) {
        return grants.list(department, member);
    }
}

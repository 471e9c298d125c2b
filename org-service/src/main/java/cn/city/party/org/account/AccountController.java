package cn.city.party.org.account;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.For;
import cn.city.party.org.sheet.SheetReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "党员 Members")
public class AccountController {

    private final AccountProvisioning provisioning;
    private final AccountSheet sheet;

    public AccountController(AccountProvisioning provisioning, AccountSheet sheet) {
        this.provisioning = provisioning;
        this.sheet = sheet;
    }

    public record ProvisionAccount(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}") String username,
                                   @Email @Size(max = 64) String email) {
    }

    /** The temporary password appears in this answer only; the member must change it at first login. */
    public record ProvisionedView(String memberId, String accountSubject, String username, String temporaryPassword) {
    }

    /** A branch (with its sub-organizations), or the caller's whole department: one of the two. */
    public record BulkProvisioning(@Size(max = 64) String organization, Boolean department) {
    }

    /**
     * The answer is the only copy of the one-time passwords: an .xlsx to hand out (姓名, 所属支部, 登录名, 初始密码,
     * 结果), never stored, never logged, not cached. The counts are also in headers for API clients.
     */
    @PostMapping("/api/org/accounts/provision")
    @For.DeptAdmin
    @Operation(summary = "批量开通账号（支部或全部门），返回初始密码表 .xlsx Provision the accounts of a branch or the department")
    public ResponseEntity<byte[]> provisionAll(@Valid @RequestBody BulkProvisioning r) {
        boolean wholeDepartment = Boolean.TRUE.equals(r.department());
        if (wholeDepartment == (r.organization() != null)) {
            throw Problems.invalid("organization", "account.provisionScope");
        }
        List<AccountProvisioning.Line> lines = provisioning.provisionAll(wholeDepartment ? null : r.organization());
        ResponseEntity<byte[]> sheetAnswer = SheetReader.attachment(sheet.write(lines), "账号开通-初始密码.xlsx");
        return ResponseEntity.ok().headers(sheetAnswer.getHeaders())
                .cacheControl(CacheControl.noStore())
                .header("X-Accounts-Created", count(lines, AccountProvisioning.Outcome.CREATED))
                .header("X-Accounts-Existing", count(lines, AccountProvisioning.Outcome.ALREADY_LINKED))
                .header("X-Accounts-Failed", count(lines, AccountProvisioning.Outcome.NOT_CREATED))
                .body(sheetAnswer.getBody());
    }

    private static String count(List<AccountProvisioning.Line> lines, AccountProvisioning.Outcome outcome) {
        return String.valueOf(lines.stream().filter(l -> l.outcome() == outcome).count());
    }

    /** The work committee too: the account of a new department's first admin, to which it then grants DEPT_ADMIN. */
    @PostMapping("/api/org/members/{id}/account")
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "开通登录账号（Keycloak：MEMBER 角色与本部门组织） Provision the member's Keycloak account")
    public ProvisionedView provision(@PathVariable String id, @Valid @RequestBody ProvisionAccount r) {
        AccountProvisioning.Provisioned p = provisioning.provision(id, r.username(), r.email());
        return new ProvisionedView(p.member().id(), p.member().accountSubject(), p.username(), p.temporaryPassword());
    }
}

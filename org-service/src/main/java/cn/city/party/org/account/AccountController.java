package cn.city.party.org.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "党员 Members")
public class AccountController {

    private final AccountProvisioning provisioning;

    public AccountController(AccountProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    public record ProvisionAccount(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}") String username,
                                   @Email @Size(max = 64) String email) {
    }

    /** The temporary password appears in this answer only; the member must change it at first login. */
    public record ProvisionedView(String memberId, String accountSubject, String username, String temporaryPassword) {
    }

    @PostMapping("/api/org/members/{id}/account")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DEPT_ADMIN')")
    @Operation(summary = "开通登录账号（Keycloak：MEMBER 角色与本部门组织） Provision the member's Keycloak account")
    public ProvisionedView provision(@PathVariable String id, @Valid @RequestBody ProvisionAccount r) {
        AccountProvisioning.Provisioned p = provisioning.provision(id, r.username(), r.email());
        return new ProvisionedView(p.member().id(), p.member().accountSubject(), p.username(), p.temporaryPassword());
    }
}

package cn.city.party.org.organization;

import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.DepartmentCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 组织管理: the organization tree of a department. */
@RestController
@RequestMapping("/api/org/organizations")
@Tag(name = "组织 Organizations")
public class OrganizationController {

    private final OrganizationService organizations;

    public OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    public record CreateOrganization(
            @NotBlank @DepartmentCode String department,
            @NotNull OrganizationType type,
            @NotBlank @Size(max = 64) String name,
            @Size(max = 64) String parentId) {
    }

    public record Rename(@NotBlank @Size(max = 64) String name) {
    }

    public record Move(@NotBlank @Size(max = 64) String parentId) {
    }

    /**
     * An organization; on the tree (list and subtree) a branch also carries its size and what it breaks
     * ({@code size}, null elsewhere and for other types).
     */
    public record OrganizationView(String id, String department, OrganizationType type, String typeLabel, String name,
                                   String code, LocalDate foundedOn, String parentId, List<String> ancestors,
                                   Organization.Status status, Instant createdAt, Instant dissolvedAt, SizeView size) {

        static OrganizationView of(Organization o) {
            return of(o, null);
        }

        static OrganizationView of(Organization o, BranchSizeCheck.Assessment size) {
            return new OrganizationView(o.id(), o.department(), o.type(), o.type().label(), o.name(), o.code(),
                    o.foundedOn(), o.parentId(),
                    o.ancestors(), o.status(), o.createdAt(), o.dissolvedAt(), size == null ? null : SizeView.of(size));
        }
    }

    /** 支部规模: counts and flags, each flag with its Chinese label. */
    public record SizeView(long fullMembers, long members, List<FlagView> flags) {
        static SizeView of(BranchSizeCheck.Assessment a) {
            return new SizeView(a.fullMembers(), a.members(),
                    a.flags().stream().map(f -> new FlagView(f, f.label())).toList());
        }
    }

    public record FlagView(BranchSizeCheck.Flag flag, String label) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "成立组织 Create an organization")
    public OrganizationView create(@Valid @RequestBody CreateOrganization request) {
        return OrganizationView.of(organizations.create(request.department(), request.type(), request.name(), request.parentId()));
    }

    @GetMapping
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "组织列表 List organizations in scope, optionally of one department")
    public List<OrganizationView> list(@RequestParam(required = false) String department) {
        return tree(organizations.list(department));
    }

    @GetMapping("/{id}")
    @For.WorkCommitteeDeptAdminOrSecretary
    public OrganizationView get(@PathVariable String id) {
        return OrganizationView.of(organizations.readable(id));
    }

    @GetMapping("/{id}/subtree")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "下级组织 The organization and everything below it")
    public List<OrganizationView> subtree(@PathVariable String id) {
        return tree(organizations.subtree(id));
    }

    private List<OrganizationView> tree(List<Organization> list) {
        var sizes = organizations.branchSizes(list);
        return list.stream().map(o -> OrganizationView.of(o, sizes.get(o.id()))).toList();
    }

    @PutMapping("/{id}/name")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "更名 Rename")
    public OrganizationView rename(@PathVariable String id, @Valid @RequestBody Rename request) {
        return OrganizationView.of(organizations.rename(id, request.name()));
    }

    @PutMapping("/{id}/parent")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "调整隶属关系 Move under another organization")
    public OrganizationView move(@PathVariable String id, @Valid @RequestBody Move request) {
        return OrganizationView.of(organizations.move(id, request.parentId()));
    }

    @DeleteMapping("/{id}")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "撤销（仅限无下级组织与党员） Dissolve (only when empty)")
    public OrganizationView dissolve(@PathVariable String id) {
        return OrganizationView.of(organizations.dissolve(id));
    }
}

package cn.city.party.study.material;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.DepartmentCode;
import cn.city.party.common.web.PageView;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import java.math.BigDecimal;
import java.time.Instant;

/** 学习资料 */
@RestController
@Validated
@RequestMapping("/api/study/materials")
@Tag(name = "学习资料 Materials")
public class MaterialController {

    private final MaterialService materials;

    public MaterialController(MaterialService materials) {
        this.materials = materials;
    }

    public record CreateMaterial(
            @NotBlank @Size(max = 120) String title,
            @NotNull Material.Kind kind,
            @Size(max = 100_000) String body,
            @Size(max = 1000) @Pattern(regexp = "https?://\\S+") String url,
            @NotNull Category category,
            @NotNull Audience audience,
            /* null: the city for the work committee, else the caller's own department */
            @DepartmentCode String department,
            @Size(max = 64) String branchId,
            boolean required,
            @NotNull @DecimalMin("0") @DecimalMax("100")
            @Digits(integer = 3, fraction = 1) BigDecimal creditHours,
            @Min(1) @Max(1440) int estimatedMinutes) {
    }

    public record MaterialView(String id, String department, String branchId, Audience audience, String title,
                               Material.Kind kind, String body, String url, Category category, String categoryLabel,
                               boolean required, BigDecimal creditHours, int estimatedMinutes, Material.Status status,
                               String source, Instant createdAt, Instant publishedAt) {

        static MaterialView of(Material m) {
            return new MaterialView(m.id(), m.department(), m.branchId(), m.audience(), m.title(), m.kind(), m.body(),
                    m.url(), m.category(), m.category().label(), m.required(), m.creditHours(), m.estimatedMinutes(),
                    m.status(), m.source(), m.createdAt(), m.publishedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "新建学习资料（草稿） Create a material as a draft")
    public MaterialView create(@Valid @RequestBody CreateMaterial r) {
        return MaterialView.of(materials.create(CurrentCaller.get(), new Reach(r.department(), r.branchId(), r.audience()),
                new MaterialService.Draft(r.title(), r.kind(), r.body(), r.url(), r.category(), r.required(),
                        r.creditHours(), r.estimatedMinutes())));
    }

    @PostMapping("/{id}/publish")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "发布 Publish")
    public MaterialView publish(@PathVariable String id) {
        return MaterialView.of(materials.publish(CurrentCaller.get(), id));
    }

    @PostMapping("/{id}/withdraw")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "撤回 Withdraw")
    public MaterialView withdraw(@PathVariable String id) {
        return MaterialView.of(materials.withdraw(CurrentCaller.get(), id));
    }

    @GetMapping
    @For.WorkCommitteeDeptAdminSecretaryOrMember
    @Operation(summary = "按标题、分类检索（分页） Search by title and category, paged")
    public PageView<MaterialView> search(@RequestParam(required = false) @Size(max = 60) String title,
                                         @RequestParam(required = false) Category category,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(materials.search(CurrentCaller.get(), title, category, page, size), MaterialView::of);
    }

    @GetMapping("/{id}")
    @For.WorkCommitteeDeptAdminSecretaryOrMember
    public MaterialView get(@PathVariable String id) {
        return MaterialView.of(materials.get(CurrentCaller.get(), id));
    }
}

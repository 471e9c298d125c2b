package cn.city.party.discipline.supervision;

import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.DepartmentCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 廉政谈话、巡查回访、廉政监督卡: inspectors record them; coverage rates (counts only) are also shown to the work
 * committee.
 */
@RestController
@RequestMapping("/api/discipline/supervision")
@Tag(name = "日常监督 Talks, visits, cards")
public class SupervisionController {

    private final SupervisionService supervision;

    public SupervisionController(SupervisionService supervision) {
        this.supervision = supervision;
    }

    public record Create(@DepartmentCode String department,
                         @NotNull SupervisionRecord.Kind kind,
                         @NotNull LocalDate heldOn,
                         @NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 64) String> coveredIds,
                         @Size(max = 1000) String note) {
    }

    public record View(String id, String department, SupervisionRecord.Kind kind, LocalDate heldOn, int year,
                       List<String> coveredIds, String note, String recordedBy, Instant createdAt) {
        static View of(SupervisionRecord r) {
            return new View(r.id(), r.department(), r.kind(), r.heldOn(), r.year(), r.coveredIds(), r.note(),
                    r.recordedBy(), r.createdAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.Inspector
    @Operation(summary = "记录谈话、回访或监督卡 Record a talk, a visit or issued cards, with whom they covered")
    public View create(@Valid @RequestBody Create request) {
        return View.of(supervision.record(new SupervisionService.NewRecord(request.department(), request.kind(),
                request.heldOn(), request.coveredIds(), request.note())));
    }

    @GetMapping
    @For.Inspector
    @Operation(summary = "监督记录 Records of a year in scope")
    public List<View> list(@RequestParam int year, @RequestParam(required = false) SupervisionRecord.Kind kind) {
        return supervision.list(year, kind).stream().map(View::of).toList();
    }

    @GetMapping("/coverage")
    @For.WorkCommitteeOrInspector
    @Operation(summary = "覆盖率 Coverage per department and kind against the 100% target (counts only)")
    public List<Coverage> coverage(@RequestParam int year, @RequestParam(required = false) String department) {
        return supervision.coverage(year, department);
    }
}

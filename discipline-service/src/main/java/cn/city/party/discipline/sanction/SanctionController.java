package cn.city.party.discipline.sanction;

import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.DepartmentCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** 党纪处分与诫勉: inspectors only, department-scoped; each change is published for the other services. */
@RestController
@RequestMapping("/api/discipline/sanctions")
@Tag(name = "处分 Sanctions")
public class SanctionController {

    private final SanctionService sanctions;

    public SanctionController(SanctionService sanctions) {
        this.sanctions = sanctions;
    }

    public record Impose(@DepartmentCode String department,
                         @NotBlank @Size(max = 64) String memberId,
                         @NotNull SanctionType type,
                         @NotNull LocalDate decidedOn,
                         Integer probationMonths,
                         @Size(max = 64) String leadId) {
    }

    public record Correct(@NotNull SanctionType type, @NotNull LocalDate decidedOn, Integer probationMonths,
                          @NotBlank @Size(max = 1000) String reason) {
    }

    public record Revoke(@NotNull LocalDate revokedOn, @NotBlank @Size(max = 1000) String reason) {
    }

    public record SanctionView(String id, String department, String memberId, String branchId, String leadId,
                               SanctionType type,
                               String typeLabel, int form, Integer probationMonths, LocalDate decidedOn,
                               LocalDate influenceFrom, LocalDate influenceUntil, boolean inForce,
                               Sanction.Status status, LocalDate revokedOn, List<Sanction.Change> changes) {
        static SanctionView of(Sanction s, LocalDate today) {
            return new SanctionView(s.id(), s.department(), s.memberId(), s.branchId(), s.leadId(), s.type(), s.type().label(),
                    s.type().form(), s.probationMonths(), s.decidedOn(), s.influenceFrom(), s.influenceUntil(),
                    s.inForce(today), s.status(), s.revokedOn(), s.changes());
        }
    }

    /** A line of the list: what the sanction is and when, never its history or reasons (those are the audited details). */
    public record SanctionSummary(String id, String department, String memberId, String branchId, SanctionType type,
                                  String typeLabel, int form, LocalDate decidedOn, LocalDate influenceUntil,
                                  boolean inForce, Sanction.Status status) {
        static SanctionSummary of(Sanction s, LocalDate today) {
            return new SanctionSummary(s.id(), s.department(), s.memberId(), s.branchId(), s.type(), s.type().label(),
                    s.type().form(), s.decidedOn(), s.influenceUntil(), s.inForce(today), s.status());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.Inspector
    @Operation(summary = "作出处分或诫勉 Impose a sanction; the influence period follows from the rule set")
    public SanctionView impose(@Valid @RequestBody Impose request) {
        return SanctionView.of(sanctions.impose(request.department(), request.memberId(), request.type(),
                request.decidedOn(), request.probationMonths(), request.leadId()), sanctions.today());
    }

    @GetMapping
    @For.Inspector
    @Operation(summary = "处分列表 Sanctions in scope, as summaries (the details are read one by one, audited)")
    public List<SanctionSummary> list(@RequestParam(required = false) String department,
                                      @RequestParam(required = false) String memberId) {
        LocalDate today = sanctions.today();
        return sanctions.list(department, memberId).stream().map(s -> SanctionSummary.of(s, today)).toList();
    }

    @GetMapping("/{id}")
    @For.Inspector
    @Operation(summary = "处分详情 A sanction with its history; every read is recorded in the audit trail")
    public SanctionView get(@PathVariable String id) {
        return SanctionView.of(sanctions.read(id), sanctions.today());
    }

    @PostMapping("/{id}/corrections")
    @For.Inspector
    @Operation(summary = "更正 Correct type or decision date (publishes the corrected sanction)")
    public SanctionView correct(@PathVariable String id, @Valid @RequestBody Correct request) {
        return SanctionView.of(sanctions.correct(id, request.type(), request.decidedOn(), request.probationMonths(),
                request.reason()), sanctions.today());
    }

    @PostMapping("/{id}/revocation")
    @For.Inspector
    @Operation(summary = "撤销处分 Revoke")
    public SanctionView revoke(@PathVariable String id, @Valid @RequestBody Revoke request) {
        return SanctionView.of(sanctions.revoke(id, request.revokedOn(), request.reason()), sanctions.today());
    }
}

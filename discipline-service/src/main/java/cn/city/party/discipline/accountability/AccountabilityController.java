package cn.city.party.discipline.accountability;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** 问责: inspectors record accountability against an organization of the roster; published for the scorecards. */
@RestController
@RequestMapping("/api/discipline/accountability")
@Tag(name = "问责 Accountability")
public class AccountabilityController {

    private final AccountabilityService accountability;

    public AccountabilityController(AccountabilityService accountability) {
        this.accountability = accountability;
    }

    public record Create(@DepartmentCode String department,
                         @NotBlank @Size(max = 64) String organizationId,
                         @NotNull Accountability.Kind kind,
                         @NotNull LocalDate decidedOn,
                         @NotBlank @Size(max = 2000) String reason) {
    }

    public record View(String id, String department, String organizationId, Accountability.Kind kind,
                       LocalDate decidedOn, String reason, String recordedBy) {
        static View of(Accountability a) {
            return new View(a.id(), a.department(), a.organizationId(), a.kind(), a.decidedOn(), a.reason(), a.recordedBy());
        }
    }

    /** A line of the list: against whom, what and when; the reasons are in the audited details. */
    public record Summary(String id, String department, String organizationId, Accountability.Kind kind, LocalDate decidedOn) {
        static Summary of(Accountability a) {
            return new Summary(a.id(), a.department(), a.organizationId(), a.kind(), a.decidedOn());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.Inspector
    @Operation(summary = "记录问责 Record accountability against an organization")
    public View create(@Valid @RequestBody Create request) {
        return View.of(accountability.record(new AccountabilityService.NewAccountability(request.department(),
                request.organizationId(), request.kind(), request.decidedOn(), request.reason())));
    }

    @GetMapping
    @For.Inspector
    @Operation(summary = "问责记录 Accountability records in scope, as summaries")
    public List<Summary> list() {
        return accountability.list().stream().map(Summary::of).toList();
    }

    @GetMapping("/{id}")
    @For.Inspector
    @Operation(summary = "问责详情 One record with its reasons; every read is recorded in the audit trail")
    public View get(@PathVariable String id) {
        return View.of(accountability.read(id));
    }
}

package cn.city.party.discipline.rectification;

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

/**
 * 巡察整改台账. Inspectors record items, review and close them out or reopen them; the department's Party committee
 * (DEPT_ADMIN) sees its own ledger and submits evidence; the work committee sees every ledger and the escalations.
 * No lead or case content lives here.
 */
@RestController
@RequestMapping("/api/discipline/rectifications")
@Tag(name = "整改 Rectification ledger")
public class RectificationController {

    private final RectificationService items;

    public RectificationController(RectificationService items) {
        this.items = items;
    }

    public record Create(@DepartmentCode String department,
                         @NotNull RectificationItem.Source source,
                         @NotBlank @Size(max = 2000) String problem,
                         @NotNull LocalDate foundOn,
                         @NotBlank @Size(max = 2000) String measure,
                         @NotBlank @Size(max = 64) String owner,
                         @NotNull LocalDate deadline) {
    }

    public record AddEvidence(@NotBlank @Size(max = 2000) String description) {
    }

    public record CloseOut(@NotBlank @Size(max = 2000) String reviewNote) {
    }

    public record Reopen(@NotBlank @Size(max = 1000) String reason, @NotNull LocalDate deadline) {
    }

    public record ItemView(String id, String department, RectificationItem.Source source, String problem,
                           LocalDate foundOn, String measure, String owner, LocalDate deadline,
                           List<RectificationItem.Evidence> evidence, RectificationItem.Status status,
                           RectificationItem.SignOff signOff, int reopenCount, boolean overdue, long daysOverdue,
                           RectificationItem.Escalation escalation, List<RectificationItem.HistoryEntry> history) {
        static ItemView of(RectificationItem i, LocalDate today, int escalationDays) {
            return new ItemView(i.id(), i.department(), i.source(), i.problem(), i.foundOn(), i.measure(), i.owner(),
                    i.deadline(), i.evidence(), i.status(), i.signOff(), i.reopenCount(), i.overdue(today),
                    i.daysOverdue(today), i.escalation(today, escalationDays), i.history());
        }
    }

    private ItemView view(RectificationItem item) {
        return ItemView.of(item, items.today(), items.escalationDays());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.Inspector
    @Operation(summary = "登记整改事项 Record a problem, its measure, owner and deadline")
    public ItemView create(@Valid @RequestBody Create request) {
        return view(items.create(new RectificationService.NewItem(request.department(), request.source(),
                request.problem(), request.foundOn(), request.measure(), request.owner(), request.deadline())));
    }

    @GetMapping
    @For.WorkCommitteeDeptAdminOrInspector
    @Operation(summary = "整改台账 The ledger in scope")
    public List<ItemView> list(@RequestParam(required = false) String department,
                               @RequestParam(required = false) RectificationItem.Status status) {
        return items.list(department, status).stream().map(this::view).toList();
    }

    @GetMapping("/overdue")
    @For.WorkCommitteeDeptAdminOrInspector
    @Operation(summary = "逾期督办 Overdue items and whom they are escalated to")
    public List<ItemView> overdue() {
        return items.overdue().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    @For.WorkCommitteeDeptAdminOrInspector
    public ItemView get(@PathVariable String id) {
        return view(items.get(id));
    }

    @PostMapping("/{id}/evidence")
    @For.DeptAdminOrInspector
    @Operation(summary = "提交整改佐证 Add evidence of the rectification")
    public ItemView addEvidence(@PathVariable String id, @Valid @RequestBody AddEvidence request) {
        return view(items.addEvidence(id, request.description()));
    }

    @PostMapping("/{id}/close-out")
    @For.Inspector
    @Operation(summary = "销号 Reviewer signs off (needs fresh evidence submitted by someone else)")
    public ItemView closeOut(@PathVariable String id, @Valid @RequestBody CloseOut request) {
        return view(items.closeOut(id, request.reviewNote()));
    }

    @PostMapping("/{id}/reopen")
    @For.Inspector
    @Operation(summary = "重新打开 Reopen on recurrence with a new deadline")
    public ItemView reopen(@PathVariable String id, @Valid @RequestBody Reopen request) {
        return view(items.reopen(id, request.reason(), request.deadline()));
    }
}

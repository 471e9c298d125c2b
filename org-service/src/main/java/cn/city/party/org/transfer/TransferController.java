package cn.city.party.org.transfer;

import cn.city.party.common.security.For;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

import java.util.List;

/** 组织关系转接: the sending side starts (and may cancel), the receiving side accepts or rejects; both see it. */
@RestController
@RequestMapping("/api/org/transfers")
@Tag(name = "组织关系转接 Membership transfers")
public class TransferController {

    private final TransferService transfers;

    public TransferController(TransferService transfers) {
        this.transfers = transfers;
    }

    public record StartTransfer(@NotBlank @Size(max = 64) String memberId,
                                @NotBlank @Size(max = 64) String toBranchId,
                                @Size(max = 200) String reason) {
    }

    public record Decision(@Size(max = 200) String note) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.DeptAdminOrSecretary
    @Operation(summary = "发起转接（转出方） Start a transfer from the member's branch")
    public Transfer start(@Valid @RequestBody StartTransfer r) {
        return transfers.start(r.memberId(), r.toBranchId(), r.reason());
    }

    @GetMapping
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "转接列表（转入/转出） Transfers the caller takes part in")
    public List<Transfer> list(@RequestParam(required = false) TransferService.Direction direction,
                               @RequestParam(required = false) Transfer.Status status) {
        return transfers.list(direction, status);
    }

    @GetMapping("/{id}")
    @For.WorkCommitteeDeptAdminOrSecretary
    public Transfer get(@PathVariable String id) {
        return transfers.get(id);
    }

    @PostMapping("/{id}/accept")
    @For.DeptAdminOrSecretary
    @Operation(summary = "接收（转入方） Accept: the member moves to the receiving branch")
    public Transfer accept(@PathVariable String id, @Valid @RequestBody(required = false) Decision d) {
        return transfers.accept(id, d == null ? null : d.note());
    }

    @PostMapping("/{id}/reject")
    @For.DeptAdminOrSecretary
    @Operation(summary = "退回（转入方） Reject: the member stays where it is")
    public Transfer reject(@PathVariable String id, @Valid @RequestBody(required = false) Decision d) {
        return transfers.reject(id, d == null ? null : d.note());
    }

    @PostMapping("/{id}/cancel")
    @For.DeptAdminOrSecretary
    @Operation(summary = "撤回（转出方） Cancel a pending transfer")
    public Transfer cancel(@PathVariable String id) {
        return transfers.cancel(id);
    }
}

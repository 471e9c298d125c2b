package cn.city.party.discipline.audit;

import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.ScopedMongo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** 审计日志: who read or changed which discipline record, and whether the trail is intact. */
@RestController
@RequestMapping("/api/discipline/audit")
@Tag(name = "审计 Audit trail")
@Validated
public class AuditController {

    private final AuditTrail trail;
    private final ScopedMongo store;

    public AuditController(AuditTrail trail, ScopedMongo store) {
        this.trail = trail;
        this.store = store;
    }

    public record EntryView(long seq, Instant at, String actorName, String action, String targetType, String targetId,
                            String department, String detail) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.seq(), e.at(), e.actorName(), e.action(), e.targetType(), e.targetId(),
                    e.department(), e.detail());
        }
    }

    @GetMapping("/verification")
    @For.Inspector
    @Operation(summary = "校验审计链（分页，仅报告本人监督范围内的断点） Verify a page of the keyed hash chain; the first break in the caller's jurisdiction")
    public AuditTrail.Verification verify(@RequestParam(defaultValue = "1") @Min(1) long fromSeq,
                                          @RequestParam(defaultValue = "1000") @Min(1) @Max(5000) int size) {
        return trail.verify(fromSeq, size);
    }

    @GetMapping("/entries")
    @For.Inspector
    @Operation(summary = "审计记录 Entries about one record (in the caller's department scope)")
    public List<EntryView> entries(@RequestParam @Size(max = 64) String targetId) {
        return store.find(Criteria.where("targetId").is(targetId), Sort.by("seq"), AuditEntry.class).stream()
                .map(EntryView::of).toList();
    }
}

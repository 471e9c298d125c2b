package cn.city.party.activity.ledger;

import cn.city.party.common.security.For;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/** 组织生活记录台账 as Word (.docx) or Excel (.xlsx), generated from the records: per branch and per department. */
@RestController
@RequestMapping("/api/activities/ledger")
@Tag(name = "台账 Ledger")
@Validated
public class LedgerController {

    private final LedgerService ledgers;
    private final LedgerExport export;

    LedgerController(LedgerService ledgers, LedgerExport export) {
        this.ledgers = ledgers;
        this.export = export;
    }

    @GetMapping("/branches/{branchId}")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "支部年度台账 A branch's ledger of a year")
    public ResponseEntity<byte[]> branch(@PathVariable String branchId, @RequestParam @Min(2000) @Max(2100) int year,
                                         @RequestParam(defaultValue = "docx") @Pattern(regexp = "docx|xlsx") String format) {
        return file(ledgers.branch(branchId, year), format, branchId + "-" + year);
    }

    @GetMapping("/departments/{department}")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "部门年度台账（各支部） A department's ledger of a year, branch by branch")
    public ResponseEntity<byte[]> department(@PathVariable String department, @RequestParam @Min(2000) @Max(2100) int year,
                                             @RequestParam(defaultValue = "docx") @Pattern(regexp = "docx|xlsx") String format) {
        return file(ledgers.department(department, year), format, department + "-" + year);
    }

    private ResponseEntity<byte[]> file(LedgerService.Ledger ledger, String format, String name) {
        boolean word = "docx".equals(format);
        byte[] body = word ? export.docx(ledger.title(), ledger.entries()) : export.xlsx(ledger.title(), ledger.entries());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(word ? LedgerExport.DOCX : LedgerExport.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("组织生活记录台账-" + name + "." + format, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}

package cn.city.party.org.member;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.For;
import cn.city.party.org.sheet.SheetReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;

/** 党员名册导入导出 (.xlsx). */
@RestController
@RequestMapping("/api/org/members")
@Tag(name = "党员 Members")
public class RosterController {

    private final RosterImport importer;
    private final RosterExport exporter;
    private final SheetReader sheets;

    public RosterController(RosterImport importer, RosterExport exporter, SheetReader sheets) {
        this.importer = importer;
        this.exporter = exporter;
        this.sheets = sheets;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @For.DeptAdmin
    @Operation(summary = "导入党员名册（全部导入或全不导入，逐行报告） Import the .xlsx roster, all rows or none")
    public ResponseEntity<RosterImport.ImportReport> importRoster(@RequestPart("file") MultipartFile file) throws IOException {
        RosterImport.ImportReport report = sheets.upload(file, importer::importRoster);
        return ResponseEntity.status(report.imported() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }

    @GetMapping("/import/template")
    @For.DeptAdmin
    @Operation(summary = "名册导入模板 The .xlsx template of the import, with the caller's department's branches")
    public ResponseEntity<byte[]> template() {
        return SheetReader.attachment(exporter.template(CurrentCaller.get().department()), "党员名册导入模板.xlsx");
    }

    @GetMapping("/export")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "导出党员名册 Export the filtered member list as .xlsx")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String department,
                                         @RequestParam(required = false) String name,
                                         @RequestParam(required = false) String branchId,
                                         @RequestParam(required = false) MemberStatus status,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedFrom,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedTo) {
        return SheetReader.attachment(exporter.export(new MemberService.MemberFilter(department, name, branchId, status, joinedFrom, joinedTo)),
                "党员名册.xlsx");
    }
}

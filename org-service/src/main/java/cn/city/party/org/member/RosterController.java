package cn.city.party.org.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** 党员名册导入导出 (.xlsx). */
@RestController
@RequestMapping("/api/org/members")
@Tag(name = "党员 Members")
public class RosterController {

    private final RosterImport importer;
    private final RosterExport exporter;

    public RosterController(RosterImport importer, RosterExport exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('DEPT_ADMIN')")
    @Operation(summary = "导入党员名册（全部导入或全不导入，逐行报告） Import the .xlsx roster, all rows or none")
    public ResponseEntity<RosterImport.ImportReport> importRoster(@RequestPart("file") MultipartFile file) throws IOException {
        importer.requireWithinSize(file.getSize());
        try (InputStream in = file.getInputStream()) {
            RosterImport.ImportReport report = importer.importRoster(in);
            return ResponseEntity.status(report.imported() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
        }
    }

    @GetMapping("/export")
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN','BRANCH_SECRETARY')")
    @Operation(summary = "导出党员名册 Export the filtered member list as .xlsx")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String department,
                                         @RequestParam(required = false) String name,
                                         @RequestParam(required = false) String branchId,
                                         @RequestParam(required = false) MemberStatus status,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedFrom,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedTo) {
        byte[] xlsx = exporter.export(new MemberService.MemberFilter(department, name, branchId, status, joinedFrom, joinedTo));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(RosterSheet.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("党员名册.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }
}

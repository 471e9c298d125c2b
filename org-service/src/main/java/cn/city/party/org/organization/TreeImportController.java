package cn.city.party.org.organization;

import cn.city.party.common.security.For;
import cn.city.party.org.sheet.SheetReader;
import cn.city.party.org.sheet.SheetReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** 组织架构导入 (.xlsx): a department's whole tree in one file. */
@RestController
@RequestMapping("/api/org/organizations/import")
@Tag(name = "组织 Organizations")
public class TreeImportController {

    private final TreeImport importer;
    private final SheetReader sheets;

    public TreeImportController(TreeImport importer, SheetReader sheets) {
        this.importer = importer;
        this.sheets = sheets;
    }

    @GetMapping("/template")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "组织架构导入模板 The tree import template")
    public ResponseEntity<byte[]> template() {
        return SheetReader.attachment(importer.template(), "组织架构导入模板.xlsx");
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "导入组织架构（全部导入或全不导入，逐行报告；重复导入不变） Import the tree, all rows or none")
    public ResponseEntity<SheetReport> importTree(@RequestParam(required = false) String department,
                                                  @RequestPart("file") MultipartFile file) throws IOException {
        return sheets.upload(file, in -> importer.importTree(department, in)).response();
    }
}

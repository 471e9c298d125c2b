package cn.city.party.org.dues;

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

/** 党费基数年度申报导入 (.xlsx), per branch or for the whole department. */
@RestController
@RequestMapping("/api/org/dues/bases/import")
@Tag(name = "党费 Party dues")
public class DuesBaseImportController {

    private final DuesBaseImport importer;
    private final SheetReader sheets;

    public DuesBaseImportController(DuesBaseImport importer, SheetReader sheets) {
        this.importer = importer;
        this.sheets = sheets;
    }

    @GetMapping("/template")
    @For.DeptAdmin
    @Operation(summary = "党费基数申报模板 The yearly dues base template")
    public ResponseEntity<byte[]> template(@RequestParam int year) {
        return SheetReader.attachment(importer.template(year), year + "年度党费基数申报模板.xlsx");
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @For.DeptAdmin
    @Operation(summary = "导入年度党费基数（全部导入或全不导入，逐行报告；保留历年基数） Import a year's income bases")
    public ResponseEntity<SheetReport> importBases(@RequestParam int year,
                                                   @RequestParam(required = false) String organization,
                                                   @RequestPart("file") MultipartFile file) throws IOException {
        return sheets.upload(file, in -> importer.importBases(year, organization, in)).response();
    }
}

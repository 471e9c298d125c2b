package cn.city.party.org.member;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import cn.city.party.org.sheet.SheetReader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class RosterApiIT extends OrgApiTest {

    static final List<String> HEADERS = List.of("姓名", "性别", "民族", "出生日期", "身份证号", "学历", "职务", "入党日期",
            "党员状态", "所在支部", "党小组", "领导干部", "党务干部", "手机", "电子邮箱");

    private String branchName(String branchId) {
        return api().as("caizheng-admin").get("/api/org/organizations/" + branchId).json().path("name").asString();
    }

    private static List<String> row(String name, LocalDate birth, String nationalId, String joined, String status, String branch) {
        return List.of(name, "女", "汉族", birth.toString(), nationalId, "大学本科", "科员", joined, status, branch, "", "否",
                "兼职", "13800000000", "");
    }

    private Api.Response upload(String user, byte[] file) {
        return upload(user, "/api/org/members/import", file);
    }

    private long membersIn(String branch) {
        return api().as("caizheng-admin").get("/api/org/members?branchId=" + branch).json().path("totalElements").asLong();
    }

    @Test
    void a_roster_with_bad_rows_imports_nothing_and_reports_each_row_column_and_reason_in_chinese() throws IOException {
        String branch = newBranch("caizheng-admin", "caizheng");
        String name = branchName(branch);
        LocalDate birth = LocalDate.of(1986, 6, 6);
        String goodId = nationalId(birth);
        byte[] file = workbook(HEADERS, List.of(
                row("好人甲", birth, goodId, "2010-07-01", "正式党员", name),
                row("好人乙", birth, nationalId(birth), "2011/7/1", "预备党员", name),
                row("早入党", birth, nationalId(birth), "1985-07-01", "正式党员", name),
                row("", birth, goodId, "2010-07-01", "党员", "不存在的支部")));

        Api.Response refused = upload("caizheng-admin", file);

        assertThat(refused.status()).isEqualTo(422);
        JsonNode report = refused.json();
        assertThat(report.path("imported").asBoolean()).isFalse();
        assertThat(report.path("rows").asInt()).isEqualTo(4);
        List<String> errors = report.path("errors").valueStream()
                .map(e -> e.path("row").asInt() + "|" + e.path("column").asString() + "|" + e.path("reason").asString()).toList();
        assertThat(errors).containsExactlyInAnyOrder(
                "4|入党日期|入党日期不能早于出生日期。",
                "5|姓名|必填",
                "5|党员状态|应为“预备党员”或“正式党员”",
                "5|所在支部|本部门没有名称或编码为“不存在的支部”的党支部");
        assertThat(membersIn(branch)).as("nothing half-imported").isZero();
    }

    @Test
    void a_clean_roster_is_imported_whole_and_exported_again_with_chinese_headers_and_masked_ids() throws IOException {
        String branch = newBranch("caizheng-admin", "caizheng");
        String name = branchName(branch);
        LocalDate birth = LocalDate.of(1979, 11, 30);
        String firstId = nationalId(birth);
        byte[] file = workbook(HEADERS, List.of(
                row("导入甲", birth, firstId, "2003-07-01", "正式党员", name),
                row("导入乙", birth, nationalId(birth), "2004.7.1", "正式", name)));

        Api.Response imported = upload("caizheng-admin", file);
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.json().path("memberIds").size()).isEqualTo(2);
        assertThat(membersIn(branch)).isEqualTo(2);

        Api.Response again = upload("caizheng-admin", file);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().path("errors").valueStream().map(e -> e.path("reason").asString()).toList())
                .containsOnly("本部门已有相同身份证号的党员。");
        assertThat(membersIn(branch)).isEqualTo(2);

        Api.Response export = api().as("caizheng-admin").getBytes("/api/org/members/export?branchId=" + branch);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue(SheetReader.CONTENT_TYPE);
        try (Workbook exported = new XSSFWorkbook(new ByteArrayInputStream(export.bytes()))) {
            Sheet sheet = exported.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).isEqualTo(HEADERS);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row first = sheet.getRow(1).getCell(0).getStringCellValue().equals("导入甲") ? sheet.getRow(1) : sheet.getRow(2);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("导入甲");
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("**************" + firstId.substring(14));
            assertThat(first.getCell(9).getStringCellValue()).isEqualTo(name);
            assertThat(first.getCell(12).getStringCellValue()).isEqualTo("兼职");
        }
    }

    @Test
    void the_import_template_has_the_imports_columns_and_the_own_departments_branches_and_filled_in_it_imports() throws IOException {
        String branch = newBranch("caizheng-admin", "caizheng");
        String name = branchName(branch);
        String elsewhere = api().as("jiaoyu-admin").get("/api/org/organizations/" + newBranch("jiaoyu-admin", "jiaoyu"))
                .json().path("name").asString();

        Api.Response template = api().as("caizheng-admin").getBytes("/api/org/members/import/template");
        assertThat(template.status()).as(template.toString()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type")).hasValue(SheetReader.CONTENT_TYPE);
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.bytes()))) {
            Sheet sheet = workbook.getSheet("党员名册");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).isEqualTo(HEADERS);
            assertThat(sheet.getLastRowNum()).isZero();
            List<String> branches = new ArrayList<>();
            workbook.getSheet("填写说明").forEach(r -> branches.add(r.getCell(0).getStringCellValue()));
            assertThat(branches).contains(name).doesNotContain(elsewhere);

            LocalDate birth = LocalDate.of(1990, 1, 15);
            List<String> values = row("模板填写", birth, nationalId(birth), "2015-07-01", "正式党员", name);
            Row row = sheet.createRow(1);
            for (int c = 0; c < values.size(); c++) {
                row.createCell(c).setCellValue(values.get(c));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        Api.Response imported = upload("caizheng-admin", filled);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(membersIn(branch)).isEqualTo(1);

        for (String user : List.of("work-committee", "caizheng-secretary", "caizheng-member", "caizheng-inspector")) {
            assertThat(api().as(user).getBytes("/api/org/members/import/template").status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void a_wrong_header_or_a_file_that_is_no_spreadsheet_is_refused_and_other_roles_cannot_import_or_export() throws IOException {
        List<String> headers = new ArrayList<>(HEADERS);
        headers.set(4, "证件号");
        Api.Response wrongHeader = upload("caizheng-admin", workbook(headers, List.of()));
        assertThat(wrongHeader.status()).isEqualTo(422);
        assertThat(wrongHeader.json().path("errors").get(0).path("column").asString()).isEqualTo("身份证号");

        Api.Response notXlsx = upload("caizheng-admin", "姓名,性别".getBytes(StandardCharsets.UTF_8));
        assertThat(notXlsx.status()).isEqualTo(400);
        assertThat(fields(notXlsx)).containsExactly("file");

        assertThat(upload("caizheng-secretary", workbook(HEADERS, List.of())).status()).isEqualTo(403);
        assertThat(upload("work-committee", workbook(HEADERS, List.of())).status()).isEqualTo(403);
        assertThat(api().as("caizheng-member").getBytes("/api/org/members/export").status()).isEqualTo(403);
        try (Workbook exported = new XSSFWorkbook(new ByteArrayInputStream(
                api().as("jiaoyu-admin").getBytes("/api/org/members/export?branchId=caizheng-branch-1").bytes()))) {
            assertThat(exported.getSheetAt(0).getLastRowNum()).as("another department's members are not exported").isZero();
        }
    }

    @Test
    void an_upload_over_the_services_size_cap_is_refused_with_413_before_it_is_read() {
        byte[] large = new byte[3 * 1024 * 1024];
        new java.util.Random(12).nextBytes(large);
        Api.Response tooLarge = upload("caizheng-admin", large);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().path("code").asString()).isEqualTo("import.tooLarge");
        assertThat(fields(tooLarge)).containsExactly("file");
        assertThat(tooLarge.json().path("errors").get(0).path("reason").asString()).isEqualTo("上传的表格文件不能超过 2 MB，请分批导入。");
    }

    @Test
    void a_roster_over_the_row_cap_is_refused_and_nothing_is_imported() throws IOException {
        String branch = newBranch("caizheng-admin", "caizheng");
        String name = branchName(branch);
        LocalDate birth = LocalDate.of(1980, 1, 1);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            rows.add(row("批量" + i, birth, nationalId(birth), "2005-07-01", "正式党员", name));
        }
        Api.Response refused = upload("caizheng-admin", workbook(HEADERS, rows));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("errors").valueStream()
                .map(e -> e.path("row").asInt() + "|" + e.path("column").asString() + "|" + e.path("reason").asString()))
                .containsExactly("2002|姓名|一次最多导入2000行，请分批导入");
        assertThat(membersIn(branch)).isZero();
    }

    /** The roster zip plus an entry of {@code size} bytes: the first {@code randomPerHundred} of every 100 random. */
    private static byte[] withPadding(byte[] roster, int size, int randomPerHundred) throws IOException {
        ByteArrayOutputStream padded = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(roster));
             var out = new java.util.zip.ZipOutputStream(padded)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new java.util.zip.ZipEntry("xl/media/padding.bin"));
            byte[] padding = new byte[size];
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < size; i += 100) {
                for (int j = 0; j < randomPerHundred && i + j < size; j++) {
                    padding[i + j] = (byte) random.nextInt(256);
                }
            }
            out.write(padding);
            out.closeEntry();
        }
        return padded.toByteArray();
    }

    @Test
    void a_zip_bomb_is_not_unpacked() throws IOException {
        byte[] roster = workbook(HEADERS, List.of());
        byte[] zeros = withPadding(roster, 15 * 1024 * 1024, 0); // 15 MB that pack into a few KB
        // 24 MB packed to about a quarter of the upload cap: within POI's defaults (1 % ratio, 4 GB entries), not ours
        byte[] oversized = withPadding(roster, 24 * 1024 * 1024, 1);
        assertThat(zeros.length).isLessThan(200_000);
        assertThat(oversized.length).isBetween(300_000, 2 * 1024 * 1024);
        for (byte[] bomb : List.of(zeros, oversized)) {
            Api.Response refused = upload("caizheng-admin", bomb);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(fields(refused)).containsExactly("file");
            assertThat(refused.json().path("errors").get(0).path("reason").asString())
                    .isEqualTo("文件解压后异常庞大（疑似压缩炸弹），未予读取。");
        }
    }

    @Test
    void a_cell_holding_a_formula_is_refused_on_its_row_while_real_date_cells_are_read_as_dates() throws IOException {
        String branch = newBranch("caizheng-admin", "caizheng");
        String name = branchName(branch);
        LocalDate birth = LocalDate.of(1990, 5, 4);
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("党员名册");
            List<List<String>> all = List.of(HEADERS,
                    row("公式人", birth, nationalId(birth), "2012-07-01", "正式党员", name),
                    row("日期人", birth, nationalId(birth), "2012-07-01", "正式党员", name));
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    row.createCell(c).setCellValue(all.get(r).get(c));
                }
            }
            sheet.getRow(1).getCell(6).setCellFormula("HYPERLINK(\"http://example.invalid/\",\"科员\")");
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat((short) 14); // Excel's built-in m/d/yy
            var dateCell = sheet.getRow(2).getCell(3);
            dateCell.setCellValue(birth);
            dateCell.setCellStyle(dateStyle);
            workbook.write(out);
            file = out.toByteArray();
        }
        Api.Response refused = upload("caizheng-admin", file);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("errors").valueStream()
                .map(e -> e.path("row").asInt() + "|" + e.path("column").asString() + "|" + e.path("reason").asString()))
                .containsExactly("2|职务|不接受公式，请填写文字或数值");
        assertThat(membersIn(branch)).isZero();
    }
}

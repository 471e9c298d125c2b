package cn.city.party.org.dues;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class DuesBaseImportApiIT extends OrgApiTest {

    static final List<String> HEADERS = List.of("身份证号", "姓名", "类别", "月收入基数");
    private static final String IMPORT = "/api/org/dues/bases/import";

    /** A member admitted to {@code branch}, with the national ID the sheet names it by. */
    private record Admitted(String id, String name, String nationalId) {
    }

    private Admitted admitWithId(String branch, String name) {
        Map<String, Object> profile = profile(name, LocalDate.of(1983, 2, 14), LocalDate.of(2006, 7, 1));
        String id = admit("caizheng-admin", admission(branch, "FULL", profile));
        return new Admitted(id, name, (String) profile.get("nationalId"));
    }

    private JsonNode account(String memberId) {
        return api().as("caizheng-admin").get("/api/org/dues/" + memberId).json();
    }

    private static List<String> bases(JsonNode account) {
        return account.path("bases").valueStream().map(b -> b.path("effectiveFrom").asString() + " "
                + b.path("category").asString() + " " + yuan(b.path("income")) + " → " + yuan(b.path("monthly"))).toList();
    }

    private static String yuan(JsonNode amount) {
        return amount.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    @Test
    void a_branchs_bases_imported_for_last_year_and_this_year_keep_both_and_its_arrears_are_then_evaluated() throws IOException {
        int thisYear = today().getYear();
        int lastYear = thisYear - 1;
        String branch = newBranch("caizheng-admin", "caizheng");
        Admitted clerk = admitWithId(branch, "申报甲");
        Admitted retired = admitWithId(branch, "申报乙");
        Admitted student = admitWithId(branch, "申报丙");
        String query = "?organization=" + branch + "&year=";

        Api.Response last = upload("caizheng-admin", IMPORT + query + lastYear, workbook(HEADERS, List.of(
                List.of(clerk.nationalId(), clerk.name(), "在职", "4000.00"),
                List.of(retired.nationalId(), retired.name(), "离退休", "6,000.5"),
                List.of(student.nationalId().toLowerCase(), student.name(), "学生", ""))));
        assertThat(last.status()).as(last.toString()).isEqualTo(201);
        assertThat(last.json().path("created").asInt()).isEqualTo(3);
        assertThat(last.json().path("unchanged").asInt()).isZero();

        byte[] current = workbook(HEADERS, List.of(
                List.of(clerk.nationalId(), clerk.name(), "在职", "5200.00"),
                List.of(retired.nationalId(), retired.name(), "RETIRED", "6000.50")));
        Api.Response now = upload("caizheng-admin", IMPORT + query + thisYear, current);
        assertThat(now.status()).as(now.toString()).isEqualTo(201);
        assertThat(now.json().path("ids").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder(clerk.id(), retired.id());

        // the previous year's base stays in the history beside the new one
        assertThat(bases(account(clerk.id()))).containsExactly(
                lastYear + "-01 EMPLOYED 4000.00 → 40.00", thisYear + "-01 EMPLOYED 5200.00 → 78.00");
        assertThat(bases(account(retired.id()))).containsExactly(
                lastYear + "-01 RETIRED 6000.50 → 60.01", thisYear + "-01 RETIRED 6000.50 → 60.01");
        assertThat(bases(account(student.id()))).containsExactly(lastYear + "-01 STUDENT 0.00 → 0.20");

        Api.Response again = upload("caizheng-admin", IMPORT + query + thisYear, current);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(2);
        assertThat(account(clerk.id()).path("bases").size()).isEqualTo(2);

        // with bases from last January and nothing paid, more than six months are unpaid: flagged for review
        assertThat(api().as("caizheng-admin").post("/api/org/dues/arrears/evaluation?department=caizheng", Map.of())
                .status()).isEqualTo(200);
        int unpaid = (today().getYear() - lastYear) * 12 + today().getMonthValue() - 1;
        for (Admitted m : List.of(clerk, retired, student)) {
            JsonNode account = account(m.id());
            assertThat(account.path("unpaidMonths").asInt()).as(m.name()).isEqualTo(unpaid);
            assertThat(account.path("arrearsLevel").asString()).as(m.name()).isEqualTo("LAPSE_REVIEW");
        }
    }

    @Test
    void a_sheet_with_an_unknown_member_a_wrong_name_category_or_amount_or_a_repeated_member_declares_nothing() throws IOException {
        int year = today().getYear();
        String branch = newBranch("caizheng-admin", "caizheng");
        String other = newBranch("caizheng-admin", "caizheng");
        Admitted member = admitWithId(branch, "核对甲");
        Admitted good = admitWithId(branch, "核对乙");
        Admitted elsewhere = admitWithId(other, "别支部");
        String unknown = nationalId(LocalDate.of(1990, 1, 1));

        Api.Response refused = upload("caizheng-admin", IMPORT + "?year=" + year + "&organization=" + branch,
                workbook(HEADERS, List.of(
                        List.of(good.nationalId(), good.name(), "在职", "3000"),
                        List.of(unknown, "查无此人", "在职", "3000"),
                        List.of(member.nationalId(), "张冠李戴", "在职", "3000"),
                        List.of(good.nationalId(), good.name(), "在职", "3000"),
                        List.of(elsewhere.nationalId(), elsewhere.name(), "在职", "3000"),
                        List.of("12345", "短号", "在职", "3000"),
                        List.of(wrongCheckCharacter(member.nationalId()), "校验位", "个体户", "3000.005"),
                        List.of(nationalId(LocalDate.of(1991, 1, 1)), "负数", "在职", "-1"))));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("rows").asInt()).isEqualTo(8);
        assertThat(rowErrors(refused)).containsExactly(
                "3|身份证号|本部门没有此身份证号的党员（请先导入党员名册）",
                "4|姓名|与身份证号对应的党员“核对甲”不符",
                "5|身份证号|与第2行是同一名党员",
                "6|身份证号|不是“" + api().as("caizheng-admin").get("/api/org/organizations/" + branch).json()
                        .path("name").asString() + "”的党员",
                "7|身份证号|应为18位身份证号（请把单元格设为文本格式）",
                "8|类别|应为“在职”“离退休”“学生”“下岗失业”或“生活困难”",
                "8|月收入基数|应为0至10000000元之间、最多两位小数的金额",
                "8|身份证号|本部门没有此身份证号的党员（请先导入党员名册）",
                "9|月收入基数|应为0至10000000元之间、最多两位小数的金额",
                "9|身份证号|本部门没有此身份证号的党员（请先导入党员名册）");
        assertThat(refused.body()).as("national IDs are not echoed").doesNotContain(unknown).doesNotContain(member.nationalId());
        assertThat(account(good.id()).path("bases").size()).as("nothing declared, not even the good row").isZero();
    }

    @Test
    void the_template_names_the_year_and_another_department_cannot_declare_or_read_these_bases() throws IOException {
        int year = today().getYear();
        Api.Response template = api().as("caizheng-admin").getBytes(IMPORT + "/template?year=" + year);
        assertThat(template.status()).isEqualTo(200);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.bytes()))) {
            List<String> header = new ArrayList<>();
            workbook.getSheetAt(0).getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).isEqualTo(HEADERS);
            assertThat(workbook.getSheetName(1)).isEqualTo("填写说明");
        }
        Api.Response future = api().as("caizheng-admin").get(IMPORT + "/template?year=" + (year + 1));
        assertThat(future.status()).isEqualTo(400);
        assertThat(fields(future)).containsExactly("year");

        String branch = newBranch("caizheng-admin", "caizheng");
        Admitted member = admitWithId(branch, "外部门");
        byte[] file = workbook(HEADERS, List.of(List.of(member.nationalId(), member.name(), "在职", "8000")));
        Api.Response byJiaoyu = upload("jiaoyu-admin", IMPORT + "?year=" + year, file);
        assertThat(byJiaoyu.status()).isEqualTo(422);
        assertThat(rowErrors(byJiaoyu)).containsExactly("2|身份证号|本部门没有此身份证号的党员（请先导入党员名册）");
        assertThat(upload("jiaoyu-admin", IMPORT + "?year=" + year + "&organization=" + branch, file).status()).isEqualTo(404);
        assertThat(upload("caizheng-secretary", IMPORT + "?year=" + year, file).status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-admin").get("/api/org/dues/" + member.id()).status()).isEqualTo(404);
        assertThat(account(member.id()).path("bases").size()).isZero();

        Api.Response whole = upload("caizheng-admin", IMPORT + "?year=" + year, file);
        assertThat(whole.status()).as("the whole department, without ?organization=").isEqualTo(201);
        assertThat(bases(account(member.id()))).containsExactly(year + "-01 EMPLOYED 8000.00 → 120.00");
    }

    /** The same ID with a check character that cannot be right (its own one in 11 times would be "0"). */
    private static String wrongCheckCharacter(String nationalId) {
        return nationalId.substring(0, 17) + (nationalId.endsWith("0") ? "1" : "0");
    }
}

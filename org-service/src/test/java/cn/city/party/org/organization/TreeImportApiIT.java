package cn.city.party.org.organization;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import cn.city.party.org.sheet.SheetReader;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class TreeImportApiIT extends OrgApiTest {

    static final List<String> HEADERS = List.of("编码", "名称", "类型", "上级编码", "成立日期");
    private static final String IMPORT = "/api/org/organizations/import";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Codes and names unique to one test run (the tests share one database). */
    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private List<JsonNode> tree(String user, String department) {
        return api().as(user).get("/api/org/organizations?department=" + department).json().valueStream().toList();
    }

    private static Map<String, JsonNode> byCode(List<JsonNode> organizations) {
        return organizations.stream().filter(o -> !o.path("code").isNull() && !o.path("code").isMissingNode())
                .collect(Collectors.toMap(o -> o.path("code").asString(), Function.identity()));
    }

    @Test
    void the_work_committee_imports_a_new_departments_whole_tree_once_and_the_same_file_again_changes_nothing() throws IOException {
        String department = unique("onb-");
        assertThat(api().as("work-committee").post("/api/org/departments",
                Map.of("code", department, "name", "新组建局", "staffHeadcount", 120)).status()).isEqualTo(201);
        byte[] file = workbook(HEADERS, List.of(
                List.of("JG", "新组建局机关党委", "机关党委", "", "2015-06-01"),
                List.of("ZB1", "办公室党支部", "党支部", "ZZ", ""),
                List.of("ZZ", "机关第一党总支", "GENERAL_BRANCH", "JG", ""),
                List.of("XZ1", "办公室第一党小组", "党小组", "ZB1", ""),
                List.of("ZB2", "离退休干部党支部", "党支部", "JG", "2016/3/1")));

        Map<String, JsonNode> tree;
        try (EventCapture events = capture(OrganizationEvents.TOPIC)) {
            Api.Response imported = upload("work-committee", IMPORT + "?department=" + department, file);

            assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
            assertThat(imported.json().path("imported").asBoolean()).isTrue();
            assertThat(imported.json().path("rows").asInt()).isEqualTo(5);
            assertThat(imported.json().path("created").asInt()).isEqualTo(5);
            assertThat(imported.json().path("unchanged").asInt()).isZero();
            tree = byCode(tree("work-committee", department));
            assertThat(tree).containsOnlyKeys("JG", "ZZ", "ZB1", "ZB2", "XZ1");
            assertThat(tree.get("JG").path("parentId").isNull()).isTrue();
            assertThat(tree.get("JG").path("foundedOn").asString()).isEqualTo("2015-06-01");
            assertThat(tree.get("ZZ").path("parentId").asString()).isEqualTo(tree.get("JG").path("id").asString());
            assertThat(tree.get("ZB1").path("parentId").asString()).isEqualTo(tree.get("ZZ").path("id").asString());
            assertThat(tree.get("ZB1").path("typeLabel").asString()).isEqualTo("党支部");
            assertThat(tree.get("XZ1").path("ancestors").valueStream().map(JsonNode::asString).toList()).containsExactly(
                    tree.get("JG").path("id").asString(), tree.get("ZZ").path("id").asString(), tree.get("ZB1").path("id").asString());
            assertThat(tree.get("ZB2").path("foundedOn").asString()).isEqualTo("2016-03-01");
            // the same event as an organization created one at a time, one per organization
            List<JsonNode> created = events.awaitExactly(OrganizationEvents.CREATED.type(),
                    e -> e.path("department").asString().equals(department), 5, WAIT);
            created.forEach(e -> EventContracts.assertValid(e, OrganizationEvents.CREATED.schemaResource()));
            assertThat(created.stream().map(e -> e.path("data").path("name").asString()).toList())
                    .containsExactlyInAnyOrder("新组建局机关党委", "机关第一党总支", "办公室党支部", "办公室第一党小组", "离退休干部党支部");
        }

        Api.Response again = upload("work-committee", IMPORT + "?department=" + department, file);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(5);
        assertThat(tree("work-committee", department)).hasSize(5);
        assertThat(byCode(tree("work-committee", department)).get("ZB1").path("id")).isEqualTo(tree.get("ZB1").path("id"));
    }

    @Test
    void a_department_admin_hangs_an_imported_subtree_under_its_committee_and_the_roster_names_those_branches() throws IOException {
        String general = unique("ZZ");
        String branch = unique("ZB");
        String group = unique("XZ");
        String branchName = "导入" + branch + "党支部";
        byte[] file = workbook(HEADERS, List.of(
                List.of(general, "导入" + general + "党总支", "党总支", "caizheng-committee", ""),
                List.of(branch, branchName, "党支部", general, ""),
                List.of(group, "第一党小组", "党小组", branch, "")));
        Api.Response imported = upload("caizheng-admin", IMPORT, file);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("created").asInt()).isEqualTo(3);
        Map<String, JsonNode> tree = byCode(tree("caizheng-admin", "caizheng"));
        String branchId = tree.get(branch).path("id").asString();
        assertThat(tree.get(general).path("parentId").asString()).isEqualTo("caizheng-committee");

        // the roster names the imported branch by its code or by its name, and the group by its code
        LocalDate birth = LocalDate.of(1984, 3, 9);
        List<String> rosterHeaders = List.of("姓名", "性别", "民族", "出生日期", "身份证号", "学历", "职务", "入党日期",
                "党员状态", "所在支部", "党小组", "领导干部", "党务干部", "手机", "电子邮箱");
        byte[] roster = workbook(rosterHeaders, List.of(
                List.of("按编码", "男", "汉族", birth.toString(), nationalId(birth), "大学本科", "科员", "2008-07-01",
                        "正式党员", branch, group, "否", "无", "", ""),
                List.of("按名称", "女", "汉族", birth.toString(), nationalId(birth), "大学本科", "科员", "2009-07-01",
                        "正式党员", branchName, "第一党小组", "否", "无", "", "")));
        Api.Response members = upload("caizheng-admin", "/api/org/members/import", roster);
        assertThat(members.status()).as(members.toString()).isEqualTo(201);
        List<JsonNode> inBranch = api().as("caizheng-admin").get("/api/org/members?branchId=" + branchId).json()
                .path("content").valueStream().toList();
        assertThat(inBranch).extracting(m -> m.path("name").asString()).containsExactlyInAnyOrder("按编码", "按名称");
        assertThat(inBranch).extracting(m -> m.path("partyGroupId").asString())
                .containsOnly(tree.get(group).path("id").asString());
    }

    @Test
    void a_tree_with_a_cycle_a_missing_parent_an_unknown_type_or_a_duplicate_code_creates_nothing_and_names_each_row() throws IOException {
        String a = unique("A");
        String b = unique("B");
        String c = unique("C");
        int before = tree("caizheng-admin", "caizheng").size();
        byte[] file = workbook(HEADERS, List.of(
                List.of(a, "循环甲党总支", "党总支", b, ""),
                List.of(b, "循环乙党支部", "党支部", a, ""),
                List.of(c, "无上级党支部", "党支部", "NO-SUCH-CODE", ""),
                List.of(c + "X", "怪类型", "党委会", "caizheng-committee", ""),
                List.of(c, "重复编码党支部", "党支部", "caizheng-committee", ""),
                List.of(c + "Y", "好行党支部", "党支部", "caizheng-committee", "")));

        Api.Response refused = upload("caizheng-admin", IMPORT, file);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("imported").asBoolean()).isFalse();
        assertThat(refused.json().path("rows").asInt()).isEqualTo(6);
        assertThat(rowErrors(refused)).containsExactly(
                "2|类型|党总支不能设在党支部之下",
                "2|上级编码|上级关系形成循环：" + a + " → " + b + " → " + a,
                "3|上级编码|上级关系形成循环：" + b + " → " + a + " → " + b,
                "4|上级编码|上级编码“NO-SUCH-CODE”在本表和本部门的组织中都找不到",
                "5|类型|应为“机关党委”“党总支”“党支部”或“党小组”",
                "6|编码|编码“" + c + "”与第4行重复");
        assertThat(tree("caizheng-admin", "caizheng")).as("nothing created, not even the good row").hasSize(before);
    }

    @Test
    void the_template_has_the_chinese_headers_and_another_departments_admin_can_neither_import_into_nor_read_the_tree() throws IOException {
        Api.Response template = api().as("caizheng-admin").getBytes(IMPORT + "/template");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type")).hasValue(SheetReader.CONTENT_TYPE);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.bytes()))) {
            List<String> header = new ArrayList<>();
            workbook.getSheetAt(0).getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).isEqualTo(HEADERS);
        }
        String code = unique("ZB");
        Api.Response imported = upload("caizheng-admin", IMPORT, workbook(HEADERS, List.of(
                List.of(code, "财政" + code + "党支部", "党支部", "caizheng-committee", ""))));
        assertThat(imported.status()).isEqualTo(201);
        String id = imported.json().path("ids").get(0).asString();
        int before = tree("caizheng-admin", "caizheng").size();

        byte[] intruder = workbook(HEADERS, List.of(List.of(unique("X"), "越权党支部", "党支部", "caizheng-committee", "")));
        assertThat(upload("jiaoyu-admin", IMPORT + "?department=caizheng", intruder).status()).isIn(403, 404);
        Api.Response ownDepartment = upload("jiaoyu-admin", IMPORT, intruder);
        assertThat(ownDepartment.status()).as("caizheng's committee is not a parent jiaoyu can name").isEqualTo(422);
        assertThat(rowErrors(ownDepartment)).containsExactly(
                "2|上级编码|上级编码“caizheng-committee”在本表和本部门的组织中都找不到");
        assertThat(upload("caizheng-secretary", IMPORT, intruder).status()).isEqualTo(403);
        assertThat(api().as("caizheng-member").getBytes(IMPORT + "/template").status()).isEqualTo(403);
        assertThat(tree("caizheng-admin", "caizheng")).hasSize(before);

        assertThat(api().as("jiaoyu-admin").get("/api/org/organizations/" + id).status()).isEqualTo(404);
        assertThat(tree("jiaoyu-admin", "caizheng")).extracting(o -> o.path("id").asString()).doesNotContain(id);
    }
}

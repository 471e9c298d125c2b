package cn.city.party.e2e.web;

import cn.city.party.common.test.Workbooks;
import cn.city.party.e2e.NationalIds;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The department admin's workspace in a real Chromium, as caizheng-admin (DEPT_ADMIN of 市财政局, the demo data's 16
 * members in 第一党支部 and 第二党支部): the .xlsx roster import refused whole for one bad row, then imported; an
 * inspector's page and another department's dashboard typed in by URL.
 */
class DepartmentBrowserIT extends BrowserTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The roster's columns as org-service's RosterSheet names them, in its order. */
    private static final List<String> HEADERS = List.of("姓名", "性别", "民族", "出生日期", "身份证号", "学历", "职务", "入党日期",
            "党员状态", "所在支部", "党小组", "领导干部", "党务干部", "手机", "电子邮箱");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void a_roster_with_one_bad_row_is_reported_row_by_row_and_imports_nothing_then_the_corrected_file_imports_both()
            throws IOException {
        // names no other test (nor an earlier import) uses: the search below finds exactly this file's two people
        String surname = uniqueSurname();
        LocalDate birth = LocalDate.of(1988, 3, 15);
        List<String> good = row(surname + "甲", birth, NationalIds.bornOn(birth), "2012-07-01", "第二党支部");
        String secondId = NationalIds.bornOn(birth);
        // joined the Party before being born: the third row of the sheet (the header is row 1)
        byte[] bad = workbook(good, row(surname + "乙", birth, secondId, "1980-07-01", "第一党支部"));
        byte[] corrected = workbook(good, row(surname + "乙", birth, secondId, "2015-07-01", "第一党支部"));

        signIn("caizheng-admin", "/dept/members");
        assertThat(page.locator("h1")).hasText("党员管理");
        settle();
        // the department's members as the list counts them now (16 on the demo data alone; other tests may admit more)
        Locator total = page.locator(".el-pagination__total");
        assertThat(total).hasText(Pattern.compile("^共 \\d+ 条$"));
        int before = Integer.parseInt(total.innerText().replaceAll("\\D", ""));
        screenshot("dept-members");

        page.locator("[data-test=import-open]").click();
        page.locator("[data-test=import-file]").setInputFiles(new FilePayload("党员名册.xlsx", XLSX, bad));
        page.locator("[data-test=import-submit]").click();
        assertThat(page.locator("[data-test=import-failed]")).containsText("共 2 行，1 处错误，未导入任何党员");
        Locator reported = page.locator("[data-test=import-row]");
        assertThat(reported).hasCount(1);
        assertThat(reported.locator("td")).hasText(new String[] {"3", "入党日期", "入党日期不能早于出生日期。"});
        assertThat(reported).hasAttribute("data-row", "3");
        screenshot("dept-roster-import-report");

        // nothing imported: the list read afresh has as many members as before, none of the file's
        page.reload();
        assertThat(total).hasText("共 " + before + " 条");
        searchByName(surname);
        assertThat(page.getByText("没有符合条件的党员")).isVisible();
        searchByName("");
        assertThat(total).hasText("共 " + before + " 条");

        page.locator("[data-test=import-open]").click();
        page.locator("[data-test=import-file]").setInputFiles(new FilePayload("党员名册.xlsx", XLSX, corrected));
        page.locator("[data-test=import-submit]").click();
        assertThat(page.locator("[data-test=import-done]")).containsText("已导入 2 名党员");
        assertThat(page.locator("[data-test=import-row]")).hasCount(0);
        page.keyboard().press("Escape");
        assertThat(total).hasText("共 " + (before + 2) + " 条");

        searchByName(surname);
        Locator rows = page.locator("[data-test=members] .el-table__row");
        assertThat(rows).hasCount(2);
        List<String> listed = new ArrayList<>();
        for (Locator r : rows.all()) {
            listed.add(String.join("|", r.locator("td").allInnerTexts().subList(1, 5)).replace("\n", ""));
        }
        assertThat(listed).containsExactlyInAnyOrder(surname + "甲|女|第二党支部|正式党员", surname + "乙|女|第一党支部|正式党员");
        assertThat(total).hasText("共 2 条");
    }

    @Test
    void a_department_admin_opening_an_inspectors_page_sees_no_access() {
        signIn("caizheng-admin", "/inspector");

        assertThat(page).hasURL(Pattern.compile("/no-access\\?from=(%2F|/)inspector$"));
        assertThat(page.locator(".el-result__title")).hasText("无权访问");
        assertThat(page.locator(".el-result__subtitle")).hasText("您的账号没有打开此页面的权限。如需使用，请联系本单位机关党委。");
        assertThat(page.locator("[data-test=leads]")).hasCount(0);
    }

    @Test
    void a_department_admin_cannot_open_another_departments_dashboard_scorecard_or_record() {
        // its own dashboard first: caizheng's branches
        signIn("caizheng-admin");
        assertThat(page).hasURL(gateway + "/dept");
        assertThat(page.locator("h1")).hasText("组织生活合规看板 · caizheng");
        assertCaizhengsBranches(page.locator("[data-test=drill-branch]"));
        settle();
        screenshot("dept-compliance");

        // jiaoyu's dashboard is the work committee's drill-down page: not this workspace
        open("/committee/departments/jiaoyu");
        assertThat(page.locator(".el-result__title")).hasText("无权访问");
        assertThat(page.locator("[data-test=compliance-matrix]")).hasCount(0);

        // jiaoyu's branch and record under this workspace's own pages: the server answers for caizheng only
        open("/dept/scorecards/jiaoyu-branch-1");
        assertThat(page.locator(".el-result__title")).hasText(Pattern.compile("^(未找到|无权访问)$"));
        assertThat(page.locator("[data-test=scorecard-items]")).hasCount(0);
        String jiaoyuRecord = "demo-jiaoyu-branch-1-" + YearMonth.now(SHANGHAI).minusMonths(1) + "-branch_committee_meeting";
        open("/dept/records/" + jiaoyuRecord);
        assertThat(page.locator(".el-result__title")).hasText(Pattern.compile("^(未找到|无权访问)$"));
        assertThat(page.locator("[data-test=record-title]")).hasCount(0);
        assertThat(text()).doesNotContain("支委会", "市教育局");

        // and the API behind the dashboard, asked directly in the same session
        Response api = open("/api/compliance/departments/jiaoyu?period=" + YearMonth.now(SHANGHAI));
        assertThat(api.status()).isIn(403, 404);
        assertThat(api.headerValue("content-type")).isEqualTo("application/problem+json");
        assertThat(api.text()).doesNotContain("jiaoyu-branch");
    }

    @Test
    void the_department_workspace_shows_its_tree_branch_ranking_and_dues_report() {
        signIn("caizheng-admin", "/dept/organizations");
        assertThat(page.locator("h1")).hasText("组织架构");
        assertThat(page.locator("[data-test=org-caizheng-committee]")).containsText("市财政局机关党委");
        assertThat(page.locator("[data-test=org-caizheng-branch-1] .name")).hasText("第一党支部");
        assertThat(page.locator("[data-test=org-caizheng-branch-2] .name")).hasText("第二党支部");
        assertThat(page.locator("[data-test=org-caizheng-group-1] .name")).hasText("第一党小组");
        settle();
        screenshot("dept-organizations");

        page.locator("nav.side").getByText("考核排名").click();
        assertThat(page.locator("h1")).hasText("支部考核排名 · caizheng");
        assertCaizhengsBranches(page.locator("[data-test=ranking] [data-test=drill-branch]"));
        settle();
        screenshot("dept-scorecards");

        page.locator("nav.side").getByText("党费", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("h1")).hasText("党费收缴");
        Locator report = page.locator("[data-test=dues-report] .el-table__row");
        assertThat(report).hasCount(3);
        assertThat(report.last().locator("td").first()).hasText("合计");
        settle();
        screenshot("dept-dues");
    }

    private void searchByName(String prefix) {
        page.getByPlaceholder("姓名（前缀）").fill(prefix);
        page.getByPlaceholder("姓名（前缀）").press("Enter");
    }

    /** A name prefix nobody else has: 导 and two characters drawn at random. */
    private static String uniqueSurname() {
        String chars = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "导" + chars.charAt(random.nextInt(chars.length())) + chars.charAt(random.nextInt(chars.length()));
    }

    /** Links to caizheng's two demo branches, in whatever order the page ranks them. */
    private static void assertCaizhengsBranches(Locator links) {
        assertThat(links).hasCount(2);
        assertThat(links.allInnerTexts()).containsExactlyInAnyOrder("第一党支部", "第二党支部");
    }

    private static List<String> row(String name, LocalDate birth, String nationalId, String joined, String branch) {
        return List.of(name, "女", "汉族", birth.toString(), nationalId, "大学本科", "科员", joined, "正式党员", branch, "",
                "否", "兼职", "13800000000", "");
    }

    /** The roster as a spreadsheet program saves it: one sheet, the header row, text cells. */
    @SafeVarargs
    private static byte[] workbook(List<String>... rows) {
        return Workbooks.sheet("党员名册", HEADERS, List.of(rows));
    }
}

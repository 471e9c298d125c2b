package cn.city.party.e2e.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work committee's workspace in a real Chromium, as work-committee (WORK_COMMITTEE_ADMIN, city-wide): the drill-down
 * from the city dashboard to a department, a branch and the record behind a number; the rules; the big screen.
 * The demo data's records have fixed ids: {@code demo-<branch>-<yyyy-MM>-<first type>}, titled {@code <yyyy-MM> 支委会}
 * for the 支委会 each month (DemoDataSeeder of activity-service).
 */
class CommitteeBrowserIT extends BrowserTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Pattern COUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)/(\\d+)$");

    @Test
    void the_committee_drills_from_the_city_to_a_department_to_a_branch_to_the_record_behind_a_number() {
        // the latest demo 支委会 of caizheng's first branch: held on the 8th, entered the next day
        LocalDate today = LocalDate.now(SHANGHAI);
        YearMonth month = YearMonth.from(today.getDayOfMonth() >= 10 ? today : today.minusMonths(1));
        String latest = "demo-caizheng-branch-1-" + month + "-branch_committee_meeting";

        signIn("work-committee");
        assertThat(page).hasURL(gateway + "/committee");
        assertThat(page.locator("h1")).containsText("全市看板");
        Locator departments = page.locator("[data-test=city-ranking] [data-test=drill-department]");
        assertThat(departments.filter(new Locator.FilterOptions().setHasText("市财政局"))).hasCount(1);
        assertThat(departments.filter(new Locator.FilterOptions().setHasText("市教育局"))).hasCount(1);
        assertThat(page.locator("[data-test=city-dashboard] canvas").first()).isVisible();
        settle();
        screenshot("committee-dashboard");

        // city → department
        departments.filter(new Locator.FilterOptions().setHasText("市财政局")).click();
        assertThat(page).hasURL(gateway + "/committee/departments/caizheng");
        assertThat(page.locator("h1")).hasText("组织生活合规看板 · caizheng");
        settle();
        screenshot("committee-department");

        // the number in a branch's cell and the records behind it: as many as it counts
        Locator cell = page.locator("[data-test=matrix-cell][data-branch=caizheng-branch-1][data-rule^='BRANCH_COMMITTEE_MEETING|']");
        assertThat(cell).hasCount(1);
        Matcher counted = COUNT.matcher(cell.innerText().strip());
        assertThat(counted.find()).as(cell.innerText()).isTrue();
        cell.click();
        Locator dialog = page.locator(".el-dialog", new Page.LocatorOptions().setHasText("第一党支部 · "));
        assertThat(dialog).isVisible();
        Locator behind = dialog.locator("[data-test=drill-record]");
        assertThat(behind).hasCount((int) Double.parseDouble(counted.group(1)));
        for (String record : behind.allInnerTexts()) {
            assertThat(record).matches("查看记录 demo-caizheng-branch-1-\\d{4}-\\d{2}-branch_committee_meeting");
        }
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();

        // department → branch: its scorecard, with the facts behind every point
        page.locator("[data-test=drill-branch]", new Page.LocatorOptions().setHasText("第一党支部")).click();
        assertThat(page).hasURL(gateway + "/committee/scorecards/caizheng-branch-1");
        assertThat(page.locator("h1")).hasText("第一党支部 · " + today.getYear() + "年考核得分");
        // the record's year (the year before, in the first days of January)
        Locator year = page.locator(".el-input-number input");
        year.fill(String.valueOf(month.getYear()));
        year.press("Enter");
        assertThat(page.locator("h1")).hasText("第一党支部 · " + month.getYear() + "年考核得分");
        Locator facts = page.locator("[data-test=scorecard-items] [data-test=drill-record]");
        assertThat(facts.filter(new Locator.FilterOptions().setHasText(latest))).hasCount(1);
        settle();
        screenshot("committee-scorecard");

        // branch → the record behind its points
        facts.filter(new Locator.FilterOptions().setHasText(latest)).click();
        assertThat(page).hasURL(gateway + "/committee/records/" + latest);
        assertThat(page.locator("[data-test=record-title]")).hasText(month + " 支委会");
        Locator details = page.locator(".el-descriptions");
        assertThat(details).containsText("caizheng-branch-1");
        assertThat(details).containsText("机关三楼党员活动室");
        settle();
        screenshot("committee-record");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void the_committee_sees_the_rules_and_the_dashboard_fills_a_1920_by_1080_big_screen() {
        signIn("work-committee", "/committee/rules");
        assertThat(page.locator("h1")).hasText("规则与考核细则");
        assertThat(page.locator("[data-test=departments]")).containsText("市财政局");
        assertThat(page.locator("[data-test=departments]")).containsText("市教育局");
        settle();
        screenshot("committee-rules");

        page.setViewportSize(1920, 1080);
        open("/committee/big-screen");
        assertThat(page.locator("h1")).containsText("市直机关党建工作大屏");
        assertThat(page.locator("nav.side")).hasCount(0);
        List<String> charts = List.of("各部门合规情况", "月度合规趋势", "部门排名（党建平均分）", "支部星级分布", "补录占比（%）", "学习完成情况（%）");
        // every chart drawn, with its data: the dashboard has stopped saying it is busy
        settle();
        for (String chart : charts) {
            assertThat(page.locator("[data-test='chart-" + chart + "'] canvas")).isVisible();
        }
        // the dashboard fits the screen: nothing to scroll
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollHeight <= innerHeight")).isTrue();
        screenshot("committee-big-screen");
    }
}

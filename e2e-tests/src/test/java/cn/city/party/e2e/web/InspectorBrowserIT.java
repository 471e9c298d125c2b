package cn.city.party.e2e.web;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.Tokens;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspector's workspace in a real Chromium: caizheng-inspector (INSPECTOR of 市财政局) registers a named lead and
 * takes it through an inquiry (谈话函询); revealing the reporter takes a request on the page, the approval of a second
 * inspector with jurisdiction (city-inspector, through the API with its token) and the handler's confirmation, and the
 * reveal is in the lead's audit trail.
 */
class InspectorBrowserIT extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void a_named_lead_goes_through_an_inquiry_its_reporter_is_revealed_after_a_second_inspectors_approval_and_the_reveal_is_audited() {
        LocalDate today = LocalDate.now(SHANGHAI);
        String summary = "浏览器测试：反映某科室公务接待超标准";

        signIn("caizheng-inspector");
        assertThat(page).hasURL(gateway + "/inspector");
        assertThat(page.locator("h1")).hasText("问题线索");
        settle();
        screenshot("inspector-leads");

        page.locator("[data-test=lead-register]").click();
        Locator form = page.locator(".el-dialog", new Page.LocatorOptions().setHasText("登记线索"));
        // the member reported on, from the department's roster (demo member caizheng-m03 is 王志强)
        field(form, "被反映人").locator(".el-select").click();
        field(form, "被反映人").locator("input").fill("王志强");
        page.locator(".el-select-dropdown__item", new Page.LocatorOptions().setHasText("王志强（caizheng）")).click();
        field(form, "主要内容").locator("textarea").fill(summary);
        form.locator("[data-test=lead-named]").click();
        field(form, "举报人姓名").locator("input").fill("李实名");
        field(form, "联系方式").locator("input").fill("13900001111");
        Response created = page.waitForResponse(r -> r.url().endsWith("/api/discipline/leads") && "POST".equals(r.request().method()),
                () -> form.locator("[data-test=lead-save]").click());
        assertThat(created.status()).isEqualTo(201);
        String id = JSON.readTree(created.text()).path("id").asString();
        // a named report has no receipt code to hand over
        assertThat(page.locator("[data-test=lead-receipt-code]")).hasCount(0);

        page.locator("[data-test=lead-link]", new Page.LocatorOptions().setHasText(id)).click();
        assertThat(page.locator("h1")).hasText("线索 " + id);
        assertThat(page.locator("[data-test=lead-state]")).hasText("已受理");
        assertThat(description("主要内容")).hasText(summary);
        assertThat(description("被反映人")).hasText("caizheng-m03");
        assertThat(description("举报方式")).hasText("实名");
        assertThat(moves()).hasText(new String[] {"转为“谈话函询”", "转为“初步核实”", "转为“暂存待查”", "转为“予以了结”"});

        move("INQUIRY", "线索反映问题较具体，先行谈话函询");
        assertThat(page.locator("[data-test=lead-state]")).hasText("谈话函询");
        assertThat(moves()).hasText(new String[] {"转为“初步核实”", "转为“予以了结”", "转为“立案审查”", "转为“已作出处理”"});
        assertThat(description("函询回复日期")).hasText("—");
        Locator replied = page.getByPlaceholder("回复日期");
        replied.fill(today.toString());
        replied.press("Enter");
        page.locator("[data-test=lead-inquiry-reply]").click();
        assertThat(description("函询回复日期")).hasText(today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
        assertThat(page.locator("[data-test=lead-inquiry-reply]")).hasCount(0);

        // the reporter: asked for with a reason; the one who asked cannot approve it
        assertThat(page.locator("[data-test=lead-reveal]")).hasCount(0);
        page.locator("[data-test=lead-reveal-request]").click();
        page.locator("textarea[data-test=lead-reveal-reason]").fill("核实举报内容需与举报人联系");
        page.locator("[data-test=lead-reveal-save]").click();
        assertThat(page.locator("[data-test=lead-reveal-pending]")).hasText("caizheng-inspector 申请查看举报人，待另一名纪检干部审批");
        assertThat(page.locator("[data-test=lead-reveal-approve]")).hasCount(0);
        settle();
        assertThat(page.locator(".el-message")).hasCount(0);
        screenshot("inspector-lead");

        // a second inspector with jurisdiction over caizheng (city-inspector) approves, through the API with its token
        Api.Response approved = new Api(gateway, new Tokens(keycloak)::of).as("city-inspector")
                .post("/api/discipline/leads/" + id + "/reveal-request/decision", Map.of("approve", true, "reason", "经审核同意承办人查看一次"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");

        // the handler reveals the reporter behind the confirmation that says the reveal is recorded
        page.reload();
        page.locator("[data-test=lead-reveal]").click();
        assertThat(page.locator(".el-popconfirm")).containsText("查看实名举报人信息将记入审计记录（查看人、时间），确认查看？");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认查看").setExact(true)).click();
        Locator reporter = page.locator("[data-test=lead-reporter]");
        assertThat(reporter).containsText("实名举报人（本次查看已记入审计）");
        assertThat(reporter).containsText("李实名 · 13900001111");

        move("CONCLUDED", "函询说明属实，问题轻微，予以了结");
        assertThat(page.locator("[data-test=lead-state]")).hasText("予以了结");

        // the lead's audit trail: the request, the approval and the reveal, each by whom
        page.locator("[data-test=lead-audit]").click();
        assertThat(page).hasURL(gateway + "/inspector/audit?target=" + id);
        Locator revealed = auditRow("查看实名举报人");
        assertThat(revealed).hasCount(1);
        assertThat(revealed.locator("td").nth(2)).hasText("caizheng-inspector");
        assertThat(revealed.locator("td").nth(5)).hasText("city-inspector");
        assertThat(auditRow("申请查看实名举报人").locator("td").nth(2)).hasText("caizheng-inspector");
        assertThat(auditRow("批准查看实名举报人").locator("td").nth(2)).hasText("city-inspector");
        page.locator("[data-test=audit-verify]").click();
        assertThat(page.locator("[data-test=audit-verification]")).containsText("审计链完整");
        settle();
        screenshot("inspector-audit");
    }

    @Test
    void the_inspectors_other_pages_open_with_their_charts_and_tables() {
        signIn("caizheng-inspector", "/inspector/statistics");
        assertThat(page.locator("h1")).hasText("监督统计");
        settle();
        assertThat(page.locator("[data-test='chart-四种形态'] canvas")).isVisible();
        screenshot("inspector-statistics");
        for (List<String> p : List.of(List.of("日常监督", "inspector-supervision"), List.of("党纪处分", "inspector-sanctions"),
                List.of("整改台账", "inspector-rectifications"), List.of("廉政风险点", "inspector-risk-points"))) {
            page.locator("nav.side").getByText(p.get(0), new Locator.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("h1")).hasText(p.get(0));
            settle();
            screenshot(p.get(1));
        }
    }

    /** The transitions the lead's page offers. */
    private Locator moves() {
        return page.locator("[data-test^=lead-to-]");
    }

    private void move(String to, String reason) {
        page.locator("[data-test=lead-to-" + to + "]").click();
        page.locator("textarea[data-test=lead-reason]").fill(reason);
        page.locator("[data-test=lead-move-save]").click();
    }

    private Locator description(String label) {
        return page.locator(".el-descriptions__cell.el-descriptions__label", new Page.LocatorOptions().setHasText(Pattern.compile("^" + label + "$")))
                .locator("xpath=following-sibling::td[1]");
    }

    private Locator auditRow(String action) {
        return page.locator("[data-test=audit-entries] .el-table__row", new Page.LocatorOptions().setHas(
                page.locator("td:nth-child(4)", new Page.LocatorOptions().setHasText(Pattern.compile("^\\s*" + action + "\\s*$")))));
    }

    /** The form item with this label, in a dialog. */
    private static Locator field(Locator within, String label) {
        return within.locator(".el-form-item", new Locator.LocatorOptions().setHas(
                within.page().locator("label.el-form-item__label", new Page.LocatorOptions().setHasText(Pattern.compile("^" + label + "$")))));
    }
}

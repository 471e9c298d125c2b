package cn.city.party.e2e.web;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.Tokens;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member's pages in a real Chromium, as caizheng-member (member caizheng-m02 of caizheng-branch-1, the demo
 * data's): checking in by the room's QR link, the demo exam to its score, the phone journey without sideways
 * scrolling, and a secretary page typed in by hand.
 */
class MemberBrowserIT extends BrowserTest {

    /** Field names under which study-service writes an answer key (ReviewedQuestion.correct/right, Question.correct). */
    private static final List<String> KEY_FIELDS = List.of("correct", "right", "answerKey", "key", "correctOptionIds");

    @Test
    void a_member_scans_the_rooms_qr_link_checks_in_with_one_tap_and_sees_it_in_its_attendance() {
        String title = "浏览器测试：主题党日签到";
        Api secretary = new Api(gateway, new Tokens(keycloak)::of).as("caizheng-secretary");
        Api.Response planned = secretary.post("/api/activities", Map.of("branchId", "caizheng-branch-1",
                "types", List.of("THEME_PARTY_DAY"), "title", title,
                "plannedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        String id = planned.json().path("id").asString();

        // the secretary opens check-in on the sitting's page and puts its QR code on the room's screen
        signIn("caizheng-secretary", "/secretary/sittings/" + id);
        assertThat(page.getByText("签到未开放")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开启签到")).click();
        assertThat(page.getByText("签到开放中")).isVisible();
        page.getByText("全屏签到二维码").click();
        Locator link = page.locator("figcaption .muted");
        assertThat(link).hasText(gateway + "/member/checkin/" + id);
        assertThat(page.getByText("已签到 0 人")).isVisible();
        screenshot("secretary-qr");
        assertThat(consoleErrors).isEmpty();

        // the member's phone opens the link (through sign-in, back to it) and taps once
        phone();
        signIn("caizheng-member", "/member/checkin/" + id);
        assertThat(page.locator("h1")).hasText(title);
        screenshot("member-checkin");
        page.locator("button.big").click();
        assertThat(page.locator(".el-result__title")).hasText("已签到");
        assertThat(page.locator("button.big")).hasCount(0);

        page.locator("nav.tabs").getByText("我的").click();
        // in the year's attendance card: a reminder of the same sitting may be listed under 我的提醒 too
        Locator row = page.locator(".el-card", new Page.LocatorOptions().setHasText("参加组织生活"))
                .locator(".row", new Locator.LocatorOptions().setHasText(title));
        assertThat(row).containsText("出席");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void a_member_takes_the_demo_exam_to_the_end_sees_its_score_and_never_received_an_answer_key() {
        List<Response> received = new ArrayList<>();
        page.onResponse(received::add);
        signIn("caizheng-member", "/member/exams/demo-caizheng-exam");
        assertThat(page.locator("h1")).hasText("党史党章知识测试");
        assertThat(page.getByText("3 题 · 限时 30 分钟 · 及格 60 分")).isVisible();

        page.getByText("开始考试").click();
        assertThat(page.getByText("第 1 / 3 题")).isVisible();
        assertThat(page.getByText("中国共产党成立于哪一年？")).isVisible();
        screenshot("member-exam");
        choose("B. 1921 年");
        page.getByText("下一题").click();
        // two of the three right options of the multiple choice: partial credit 2/3
        assertThat(page.getByText("党的组织生活制度包括哪些？")).isVisible();
        choose("A. 三会一课");
        choose("B. 组织生活会");
        page.getByText("下一题").click();
        assertThat(page.getByText("预备党员的预备期为一年。")).isVisible();
        choose("T. 正确");

        // everything the browser was sent up to now, before submitting: the paper, the saved answers, never a key
        List<String> bodies = received.stream().filter(r -> r.url().startsWith(gateway + "/api/"))
                .filter(r -> String.valueOf(r.headerValue("content-type")).contains("json")).map(Response::text).toList();
        assertThat(bodies).anySatisfy(body -> assertThat(body).contains("中国共产党成立于哪一年？", "\"options\""));
        for (String body : bodies) {
            assertThat(keysIn(Api.JSON.readTree(body))).as(body).isEmpty();
        }

        page.locator("button", new Page.LocatorOptions().setHasText("交卷")).click();
        page.locator(".el-popconfirm button", new Page.LocatorOptions().setHasText("交卷")).click();
        // (1 + 2/3 + 1) / 3 × 100, one decimal
        assertThat(page.locator(".el-result__title")).hasText("得分 88.9");
        assertThat(page.locator(".el-result__subtitle")).containsText("及格线 60 分 · 已通过");
        assertThat(page.getByText("后可查看正确答案")).isVisible();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void the_member_journey_on_a_375_px_phone_never_scrolls_sideways() {
        phone();
        signIn("caizheng-member");
        assertThat(page).hasURL(gateway + "/member");
        // tab, its page's address, its heading, its screenshot
        String[][] tabs = {{"首页", "/member", "今日待办", "member-home"}, {"签到", "/member/checkin", "签到", "member-checkin-list"},
                {"学习", "/member/study", "学习", "member-study"}, {"考试", "/member/exams", "考试", "member-exams"},
                {"我的", "/member/me", "我的", "member-me"}};
        for (String[] tab : tabs) {
            page.locator("nav.tabs").getByText(tab[0], new Locator.GetByTextOptions().setExact(true)).click();
            assertThat(page).hasURL(gateway + tab[1]);
            assertThat(page.locator("h1")).hasText(tab[2]);
            settle();
            assertThat(scrollWidth()).as("scroll width of %s", tab[1]).isLessThanOrEqualTo(375);
            screenshot(tab[3]);
        }
        open("/member/dues");
        assertThat(page.locator("h1")).hasText("党费");
        settle();
        assertThat(scrollWidth()).as("scroll width of /member/dues").isLessThanOrEqualTo(375);
        screenshot("member-dues");

        page.locator("nav.tabs").getByText("学习", new Locator.GetByTextOptions().setExact(true)).click();
        page.getByText("中国共产党章程（学习篇）").first().click();
        assertThat(page).hasURL(Pattern.compile("/member/study/demo-city-constitution$"));
        assertThat(page.locator("h1")).hasText("中国共产党章程（学习篇）");
        settle();
        assertThat(scrollWidth()).as("scroll width of a material").isLessThanOrEqualTo(375);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void a_member_typing_a_secretary_pages_url_sees_the_no_access_page() {
        signIn("caizheng-member", "/secretary/sittings");

        assertThat(page.locator(".el-result__title")).hasText("无权访问");
        assertThat(text()).doesNotContain("\"status\"", "\"type\"", "Exception");
        assertThat(consoleErrors).isEmpty();
    }

    /** Ticks an option of the question on screen and waits until the page says the answer is saved. */
    private void choose(String option) {
        page.getByText(option).click();
        assertThat(page.getByText("已保存")).isVisible();
    }

    private int scrollWidth() {
        return ((Number) page.evaluate("() => document.scrollingElement.scrollWidth")).intValue();
    }

    /** The answer-key fields holding a value anywhere in a JSON body (their path and value). */
    private static List<String> keysIn(JsonNode node) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            for (var field : node.properties()) {
                if (KEY_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
                    found.add(field.getKey() + "=" + field.getValue());
                }
                found.addAll(keysIn(field.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(child -> found.addAll(keysIn(child)));
        }
        return found;
    }
}

package cn.city.party.org.dues;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class DuesApiIT extends OrgApiTest {

    private static YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    private Api.Response declare(String user, String member, String category, String income, YearMonth from) {
        return api().as(user).put("/api/org/dues/" + member + "/base",
                Map.of("category", category, "income", new BigDecimal(income), "effectiveFrom", from.toString()));
    }

    @Test
    void the_monthly_amount_follows_the_declared_base_and_its_history_is_kept() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", branch, "缴费人");

        declare("caizheng-admin", member, "EMPLOYED", "5000.00", thisMonth().minusMonths(2));
        Api.Response raised = declare("caizheng-admin", member, "EMPLOYED", "5000.01", thisMonth());

        assertThat(raised.status()).isEqualTo(200);
        assertThat(raised.json().path("currentMonthly").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(raised.json().path("bases").size()).isEqualTo(2);
        assertThat(raised.json().path("bases").get(0).path("monthly").decimalValue()).isEqualByComparingTo("50.00");
    }

    @Test
    void payments_are_recorded_by_a_cadre_or_by_the_member_itself_once_per_month() {
        declare("caizheng-admin", "caizheng-m02", "RETIRED", "6000", thisMonth().minusMonths(1));

        Api.Response byCadre = api().as("caizheng-admin").post("/api/org/dues/caizheng-m02/payments",
                Map.of("month", thisMonth().minusMonths(1).toString()));
        assertThat(byCadre.status()).isEqualTo(200);
        assertThat(byCadre.json().path("payments").get(0).path("amount").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(byCadre.json().path("payments").get(0).path("byCadre").asBoolean()).isTrue();

        Api.Response own = api().as("caizheng-member").post("/api/org/dues/me/payments", Map.of("month", thisMonth().toString()));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("payments").get(1).path("byCadre").asBoolean()).isFalse();
        assertThat(api().as("caizheng-member").get("/api/org/dues/me").json().path("unpaidMonths").asInt()).isZero();

        assertThat(api().as("caizheng-member").post("/api/org/dues/me/payments", Map.of("month", thisMonth().toString())).status())
                .isEqualTo(409);
        Api.Response future = api().as("caizheng-admin").post("/api/org/dues/caizheng-m02/payments",
                Map.of("month", thisMonth().plusMonths(1).toString()));
        assertThat(future.status()).isEqualTo(422);
        assertThat(fields(future)).containsExactly("month");
        assertThat(fields(api().as("caizheng-admin").post("/api/org/dues/caizheng-m02/payments",
                Map.of("month", thisMonth().minusMonths(12).toString())))).as("before any base").containsExactly("month");
    }

    @Test
    void three_unpaid_months_warn_six_call_for_review_and_events_announce_each_flag() {
        String branch = newBranch("jiaoyu-admin", "jiaoyu");
        String warned = admit("jiaoyu-admin", branch, "欠三月");
        String lapsed = admit("jiaoyu-admin", branch, "欠半年");
        String excused = admit("jiaoyu-admin", branch, "有理由");
        declare("jiaoyu-admin", warned, "EMPLOYED", "4000", thisMonth().minusMonths(3));
        declare("jiaoyu-admin", lapsed, "EMPLOYED", "4000", thisMonth().minusMonths(6));
        declare("jiaoyu-admin", excused, "EMPLOYED", "4000", thisMonth().minusMonths(6));
        api().as("jiaoyu-admin").put("/api/org/dues/" + excused + "/arrears-reason", Map.of("reason", "长期住院"));

        try (EventCapture events = capture(DuesEvents.TOPIC)) {
            Map<String, String> flagged = new java.util.HashMap<>();
            api().as("jiaoyu-admin").post("/api/org/dues/arrears/evaluation", Map.of()).json().valueStream()
                    .forEach(f -> flagged.put(f.path("memberId").asString(), f.path("level").asString()));
            assertThat(flagged).containsEntry(warned, "WARNING").containsEntry(lapsed, "LAPSE_REVIEW")
                    .containsEntry(excused, "WARNING");

            JsonNode event = events.await(DuesEvents.ARREARS_FLAGGED.type(), e -> e.path("subject").asString().equals(lapsed),
                    Duration.ofSeconds(20));
            EventContracts.assertValid(event, DuesEvents.ARREARS_FLAGGED.schemaResource());
            assertThat(event.path("data").path("unpaidMonths").asInt()).isEqualTo(6);
            assertThat(event.path("data").path("branchId").asString()).isEqualTo(branch);
        }
        assertThat(api().as("jiaoyu-admin").post("/api/org/dues/arrears/evaluation", Map.of()).json().valueStream()
                .map(f -> f.path("memberId").asString()).toList()).as("a flag is raised once").doesNotContain(warned, lapsed);
    }

    @Test
    void the_arrears_list_shows_three_and_six_months_with_the_reason_recorded_to_the_own_department_only() {
        String branch = newBranch("jiaoyu-admin", "jiaoyu");
        String warned = admit("jiaoyu-admin", branch, "列表欠三月");
        String lapsed = admit("jiaoyu-admin", branch, "列表欠七月");
        String excused = admit("jiaoyu-admin", branch, "列表有理由");
        String paying = admit("jiaoyu-admin", branch, "列表按时缴");
        declare("jiaoyu-admin", warned, "EMPLOYED", "4000", thisMonth().minusMonths(3));
        declare("jiaoyu-admin", lapsed, "EMPLOYED", "4000", thisMonth().minusMonths(7));
        declare("jiaoyu-admin", excused, "EMPLOYED", "4000", thisMonth().minusMonths(6));
        declare("jiaoyu-admin", paying, "EMPLOYED", "4000", thisMonth().minusMonths(1));
        api().as("jiaoyu-admin").put("/api/org/dues/" + excused + "/arrears-reason", Map.of("reason", "长期住院"));

        Api.Response listed = api().as("jiaoyu-admin").get("/api/org/dues/arrears");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().valueStream().filter(a -> a.path("branchId").asString().equals(branch))
                .map(a -> a.path("name").asString() + "/" + a.path("unpaidMonths").asInt() + "/" + a.path("level").asString()
                        + "/" + (a.path("reason").isNull() ? "-" : a.path("reason").asString())).toList())
                .containsExactly("列表欠七月/7/LAPSE_REVIEW/-", "列表有理由/6/WARNING/长期住院", "列表欠三月/3/WARNING/-");
        assertThat(api().as("work-committee").get("/api/org/dues/arrears?department=jiaoyu").json().valueStream()
                .filter(a -> a.path("memberId").asString().equals(lapsed)).count()).isEqualTo(1);

        Api.Response outsider = api().as("caizheng-admin").get("/api/org/dues/arrears?department=jiaoyu");
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.toString()).doesNotContain("列表欠七月");
        assertThat(api().as("caizheng-admin").get("/api/org/dues/arrears").json().valueStream()
                .map(a -> a.path("memberId").asString()).toList()).doesNotContain(warned, lapsed, excused);
        for (String user : new String[]{"jiaoyu-secretary", "jiaoyu-member", "jiaoyu-inspector"}) {
            assertThat(api().as(user).get("/api/org/dues/arrears?department=jiaoyu").status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void the_monthly_report_per_branch_reconciles_with_the_department_total() {
        String first = newBranch("caizheng-admin", "caizheng");
        String second = newBranch("caizheng-admin", "caizheng");
        String a = admit("caizheng-admin", first, "甲");
        String b = admit("caizheng-admin", first, "乙");
        String c = admit("caizheng-admin", second, "丙");
        declare("caizheng-admin", a, "EMPLOYED", "4000", thisMonth());
        declare("caizheng-admin", b, "EMPLOYED", "12000", thisMonth());
        declare("caizheng-admin", c, "STUDENT", "0", thisMonth());
        api().as("caizheng-admin").post("/api/org/dues/" + a + "/payments", Map.of("month", thisMonth().toString()));

        JsonNode report = api().as("caizheng-admin").get("/api/org/dues/report?month=" + thisMonth()).json();
        JsonNode branch = null;
        BigDecimal due = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal outstanding = BigDecimal.ZERO;
        for (JsonNode row : report.path("branches")) {
            due = due.add(row.path("due").decimalValue());
            paid = paid.add(row.path("paid").decimalValue());
            outstanding = outstanding.add(row.path("outstanding").decimalValue());
            if (row.path("branchId").asString().equals(first)) {
                branch = row;
            }
        }
        assertThat(branch).isNotNull();
        assertThat(branch.path("members").asInt()).isEqualTo(2);
        assertThat(branch.path("due").decimalValue()).isEqualByComparingTo("280.00");
        assertThat(branch.path("paid").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(branch.path("outstanding").decimalValue()).isEqualByComparingTo("240.00");
        JsonNode total = report.path("total");
        assertThat(total.path("due").decimalValue()).isEqualByComparingTo(due);
        assertThat(total.path("paid").decimalValue()).isEqualByComparingTo(paid);
        assertThat(total.path("outstanding").decimalValue()).isEqualByComparingTo(outstanding)
                .isEqualByComparingTo(due.subtract(paid));
    }

    @Test
    void other_departments_and_lower_roles_are_refused_and_bad_input_names_the_field() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", branch, "守规矩");

        assertThat(api().as("jiaoyu-admin").get("/api/org/dues/" + member).status()).isEqualTo(404);
        assertThat(declare("jiaoyu-admin", member, "EMPLOYED", "4000", thisMonth()).status()).isEqualTo(404);
        assertThat(api().as("caizheng-member").get("/api/org/dues/" + member).status()).isEqualTo(403);
        assertThat(declare("caizheng-member", member, "EMPLOYED", "4000", thisMonth()).status()).isEqualTo(403);
        assertThat(declare("caizheng-secretary", member, "EMPLOYED", "4000", thisMonth()).status())
                .as("not the secretary's branch").isEqualTo(404);
        assertThat(api().as("work-committee").post("/api/org/dues/" + member + "/payments",
                Map.of("month", thisMonth().toString())).status()).isEqualTo(403);
        Api.Response foreignReport = api().as("jiaoyu-admin").get("/api/org/dues/report?month=" + thisMonth()
                + "&department=caizheng");
        assertThat(foreignReport.status()).as("no report of zeros under another department's name").isEqualTo(403);
        assertThat(foreignReport.body()).doesNotContain("branches");
        assertThat(api().as("caizheng-member").get("/api/org/dues/report?month=" + thisMonth()).status()).isEqualTo(403);
        Api.Response noParameters = api().as("caizheng-member").get("/api/org/dues/report");
        assertThat(noParameters.status()).as("refused before its parameters are checked").isEqualTo(403);
        assertThat(noParameters.body()).doesNotContain("month");

        assertThat(fields(declare("caizheng-admin", member, "EMPLOYED", "-1", thisMonth()))).containsExactly("income");
        assertThat(fields(declare("caizheng-admin", member, "EMPLOYED", "1.234", thisMonth()))).containsExactly("income");
        assertThat(fields(declare("caizheng-admin", member, "EMPLOYED", "4000", thisMonth().plusMonths(1)))).containsExactly("effectiveFrom");
        assertThat(fields(api().as("caizheng-admin").put("/api/org/dues/" + member + "/base",
                Map.of("category", "RICH", "income", 1, "effectiveFrom", thisMonth().toString())))).containsExactly("category");
        assertThat(api().as("caizheng-admin").get("/api/org/dues/" + member).json().path("bases").size()).isZero();
    }

    @Test
    void a_department_admin_who_is_also_a_city_inspector_is_department_admin_of_its_own_department_only() {
        String branch = newBranch("jiaoyu-admin", "jiaoyu");
        String member = admit("jiaoyu-admin", branch, "他部门");
        declare("jiaoyu-admin", member, "EMPLOYED", "4000", thisMonth());

        Api.Response report = api().as("caizheng-admin-inspector").get("/api/org/dues/report?month=" + thisMonth()
                + "&department=jiaoyu");
        assertThat(report.status()).as(report.toString()).isEqualTo(403);
        assertThat(api().as("caizheng-admin-inspector").get("/api/org/dues/" + member).status()).isEqualTo(404);
        assertThat(declare("caizheng-admin-inspector", member, "EMPLOYED", "9000", thisMonth()).status()).isEqualTo(404);
        assertThat(api().as("caizheng-admin-inspector").get("/api/org/members?department=jiaoyu").json()
                .path("content").size()).as("no member of another department").isZero();
        assertThat(api().as("caizheng-admin-inspector").get("/api/org/dues/report?month=" + thisMonth()).json()
                .path("department").asString()).as("its own department still works").isEqualTo("caizheng");
    }
}

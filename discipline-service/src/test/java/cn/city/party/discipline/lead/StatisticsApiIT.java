package cn.city.party.discipline.lead;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.discipline.support.DisciplineApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 四种形态统计 through the API: counts for the work committee, nothing for lower roles. */
@PlatformIntegrationTest
class StatisticsApiIT extends DisciplineApiTest {

    private JsonNode departmentCounts(JsonNode report, String department) {
        return report.path("departments").valueStream().filter(d -> d.path("department").asString().equals(department))
                .findFirst().orElseThrow();
    }

    @Test
    void a_decided_outcome_counts_in_its_form_and_the_work_committee_sees_counts_but_no_content() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String period = "/api/discipline/statistics/forms?from=2026-01-01&to=" + today;
        JsonNode before = api().as("work-committee").get(period).json();
        long formOneBefore = before.path("total").path("byForm").path("1").asLong();

        String id = createLead("jiaoyu-inspector", "jiaoyu", "jiaoyu-m02", null).path("id").asString();
        transition("jiaoyu-inspector", id, "INQUIRY", null);
        assertThat(transition("jiaoyu-inspector", id, "DECIDED", "WRITTEN_SELF_EXAMINATION").status()).isEqualTo(200);

        Api.Response report = api().as("work-committee").get(period);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("total").path("byForm").path("1").asLong()).isEqualTo(formOneBefore + 1);
        assertThat(departmentCounts(report.json(), "jiaoyu").path("byOutcome").path("WRITTEN_SELF_EXAMINATION").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(report.body()).doesNotContain(id).doesNotContain("收受礼品").doesNotContain("jiaoyu-m02");

        JsonNode caizhengOnly = api().as("caizheng-inspector").get(period).json();
        assertThat(caizhengOnly.path("departments").valueStream().map(d -> d.path("department").asString()))
                .doesNotContain("jiaoyu");

        for (String user : List.of("caizheng-admin", "caizheng-secretary", "caizheng-member")) {
            assertThat(api().as(user).get(period).status()).as(user).isEqualTo(403);
        }
        Api.Response reversed = api().as("work-committee").get("/api/discipline/statistics/forms?from=2026-06-01&to=2026-01-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().path("errors").get(0).path("field").asString()).isEqualTo("from");
    }

    @Test
    void a_sanction_imposed_without_a_lead_counts_in_its_form() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String period = "/api/discipline/statistics/forms?department=jiaoyu&from=2026-01-01&to=" + today;
        JsonNode before = api().as("work-committee").get(period).json().path("total");

        Api.Response imposed = api().as("jiaoyu-inspector").post("/api/discipline/sanctions", Map.of(
                "memberId", "jiaoyu-m07", "type", "EXPULSION", "decidedOn", today));
        assertThat(imposed.status()).as(imposed.toString()).isEqualTo(201);

        JsonNode after = api().as("work-committee").get(period).json().path("total");
        assertThat(after.path("decided").asLong()).isEqualTo(before.path("decided").asLong() + 1);
        assertThat(after.path("byForm").path("3").asLong()).isEqualTo(before.path("byForm").path("3").asLong() + 1);
        assertThat(after.path("byOutcome").path("EXPULSION").asLong()).isEqualTo(before.path("byOutcome").path("EXPULSION").asLong() + 1);
        assertThat(after.path("received").asLong()).isEqualTo(before.path("received").asLong());
    }
}

package cn.city.party.discipline.demo;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.discipline.support.DisciplineApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data of the local platform (the test configuration turns the seeder on). */
@PlatformIntegrationTest
class DemoDataIT extends DisciplineApiTest {

    @Autowired
    DemoDataSeeder seeder;

    @Test
    void leads_in_several_states_risk_points_and_a_ledger_exist_once() {
        List<String> states = api().as("city-inspector").get("/api/discipline/leads").json().valueStream()
                .filter(l -> l.path("id").asString().startsWith("demo-lead-"))
                .map(l -> l.path("state").asString()).toList();
        assertThat(states).containsExactlyInAnyOrder("RECEIVED", "INQUIRY", "CASE_FILED", "CLOSED", "SET_ASIDE",
                "PRELIMINARY_VERIFICATION");
        assertThat(api().as("caizheng-inspector").get("/api/discipline/leads").json().valueStream()
                .map(l -> l.path("id").asString())).doesNotContain("demo-lead-jiaoyu-1");

        List<JsonNode> ledger = api().as("caizheng-admin").get("/api/discipline/rectifications").json().valueStream()
                .filter(r -> r.path("id").asString().startsWith("demo-rect-")).toList();
        assertThat(ledger).extracting(r -> r.path("status").asString()).contains("OPEN", "CLOSED");
        assertThat(ledger).anySatisfy(r -> assertThat(r.path("escalation").asString()).isEqualTo("WORK_COMMITTEE"));
        assertThat(api().as("work-committee").get("/api/discipline/risk-points").json().valueStream()
                .filter(r -> r.path("id").asString().startsWith("demo-risk-")).count()).isEqualTo(5);

        assertThat(api().as("jiaoyu-member").post("/api/discipline/lead-receipts/status",
                Map.of("code", DemoDataSeeder.DEMO_RECEIPT_CODE)).json().path("status").asString()).isEqualTo("IN_PROGRESS");

        assertThat(CurrentCaller.runAsSystem("test", seeder::seed)).as("a second run changes nothing").isFalse();
        assertThat(api().as("city-inspector").get("/api/discipline/leads").json().valueStream()
                .filter(l -> l.path("id").asString().startsWith("demo-lead-")).count()).isEqualTo(6);
    }
}

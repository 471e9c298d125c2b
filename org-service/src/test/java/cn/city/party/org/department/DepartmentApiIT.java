package cn.city.party.org.department;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.common.test.ServiceApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class DepartmentApiIT extends ServiceApiTest {

    @Test
    void the_work_committee_registers_a_department_and_an_event_announces_it() {
        try (EventCapture events = capture(DepartmentEvents.TOPIC)) {
            Api.Response created = api().as("work-committee").post("/api/org/departments",
                    Map.of("code", "shuiwu", "name", "市税务局", "staffHeadcount", 101));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("partyAffairsCadres").path("required").asInt())
                    .as("2% of 101 staff, rounded up").isEqualTo(3);

            JsonNode event = events.await(DepartmentEvents.REGISTERED.type(),
                    e -> e.path("subject").asString().equals("shuiwu"), Duration.ofSeconds(20));
            EventContracts.assertValid(event, DepartmentEvents.REGISTERED.schemaResource());
            assertThat(event.path("data").path("name").asString()).isEqualTo("市税务局");
            assertThat(event.path("department").asString()).isEqualTo("shuiwu");
        }
    }

    @Test
    void only_the_work_committee_registers_departments() {
        Api.Response refused = api().as("caizheng-admin").post("/api/org/departments",
                Map.of("code", "fagai", "name", "市发改委", "staffHeadcount", 50));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:party-platform:problem:forbidden");
        assertThat(api().as("work-committee").get("/api/org/departments/fagai").status()).isEqualTo(404);
    }

    @Test
    void a_department_admin_sees_and_changes_only_its_own_department() {
        Api committee = api().as("work-committee");
        committee.post("/api/org/departments", Map.of("code", "caizheng", "name", "市财政局", "staffHeadcount", 200));
        committee.post("/api/org/departments", Map.of("code", "jiaoyu", "name", "市教育局", "staffHeadcount", 150));
        Api caizheng = api().as("caizheng-admin");

        List<String> visible = caizheng.get("/api/org/departments").json().valueStream()
                .map(d -> d.path("code").asString()).toList();
        assertThat(visible).containsExactly("caizheng");
        assertThat(caizheng.get("/api/org/departments/jiaoyu").status()).isEqualTo(404);
        assertThat(caizheng.put("/api/org/departments/jiaoyu", Map.of("name", "被改名", "staffHeadcount", 1)).status())
                .isEqualTo(404);
        assertThat(committee.get("/api/org/departments/jiaoyu").json().path("name").asString()).isEqualTo("市教育局");
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_in_the_callers_language_and_changes_nothing() {
        Api committee = api().as("work-committee");

        Api.Response chinese = committee.post("/api/org/departments",
                Map.of("code", "BAD CODE", "name", "", "staffHeadcount", -1));
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(chinese.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactlyInAnyOrder("code", "name", "staffHeadcount");
        assertThat(chinese.json().path("detail").asString()).contains("提交的内容有误");

        Api.Response english = committee.inLanguage("en").post("/api/org/departments",
                Map.of("code", "renshe", "name", "市人社局", "staffHeadcount", 10, "secretField", true));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().path("errors").get(0).path("field").asString()).isEqualTo("secretField");
        assertThat(english.json().path("errors").get(0).path("reason").asString()).isEqualTo("unknown field");

        assertThat(committee.get("/api/org/departments/renshe").status()).isEqualTo(404);
    }
}

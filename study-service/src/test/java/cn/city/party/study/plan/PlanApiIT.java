package cn.city.party.study.plan;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.study.StudyApiTest;
import cn.city.party.study.material.MaterialApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class PlanApiIT extends StudyApiTest {

    private int year() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).getYear();
    }

    @Test
    void a_secretary_plans_its_branchs_weekly_study_with_sessions_and_materials() {
        Api secretary = api().as("caizheng-secretary");
        String material = MaterialApiIT.published(api().as("caizheng-admin"),
                MaterialApiIT.material("周学材料-" + UUID.randomUUID(), "ALL", false, 1));
        Api.Response created = secretary.post("/api/study/plans", Map.of("organizationId", "caizheng-branch-1",
                "year", year(), "kind", "BRANCH_WEEKLY", "title", "第一党支部周学计划"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String planId = created.json().path("id").asString();

        Api.Response session = secretary.post("/api/study/plans/" + planId + "/sessions", Map.of(
                "date", year() + "-03-06", "topic", "学习党章", "materialIds", List.of(material)));
        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        assertThat(session.json().path("sessions").get(0).path("materialIds").get(0).asString()).isEqualTo(material);

        Api.Response unknown = secretary.post("/api/study/plans/" + planId + "/sessions", Map.of(
                "date", year() + "-03-13", "topic", "x", "materialIds", List.of("no-such-material")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("materialIds");
        Api.Response otherYear = secretary.post("/api/study/plans/" + planId + "/sessions", Map.of(
                "date", (year() + 1) + "-01-02", "topic", "x", "materialIds", List.of()));
        assertThat(otherYear.json().path("errors").get(0).path("field").asString()).isEqualTo("date");
        assertThat(secretary.get("/api/study/plans/" + planId).json().path("sessions").size()).isEqualTo(1);

        assertThat(ids(api().as("caizheng-member").get("/api/study/plans?year=" + year()))).contains(planId);
        assertThat(ids(api().as("jiaoyu-member").get("/api/study/plans?year=" + year()))).doesNotContain(planId);
        assertThat(api().as("jiaoyu-admin").get("/api/study/plans/" + planId).status()).isEqualTo(404);
    }

    @Test
    void plans_are_made_only_by_the_organizers_of_the_organization() {
        Map<String, Object> branch2 = Map.of("organizationId", "caizheng-branch-2", "year", year(),
                "kind", "BRANCH_WEEKLY", "title", "第二党支部周学计划");
        assertThat(api().as("caizheng-secretary").post("/api/study/plans", branch2).status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-admin").post("/api/study/plans", branch2).status()).isEqualTo(403);
        assertThat(api().as("caizheng-member").post("/api/study/plans", branch2).status()).isEqualTo(403);
        assertThat(api().as("caizheng-admin").post("/api/study/plans", Map.of("organizationId", "caizheng-committee",
                "year", year(), "kind", "CENTRAL_GROUP", "title", "理论学习中心组学习计划")).status()).isEqualTo(201);
    }

    @Test
    void required_material_is_assigned_to_an_audience_with_a_due_date_and_announced() {
        Api admin = api().as("caizheng-admin");
        String required = MaterialApiIT.published(admin, MaterialApiIT.material("必学-" + UUID.randomUUID(), "ALL", true, 2));
        String optional = MaterialApiIT.published(admin, MaterialApiIT.material("选学-" + UUID.randomUUID(), "ALL", false, 1));
        String due = year() + "-12-31";

        try (EventCapture events = capture(AssignmentEvents.TOPIC)) {
            Api.Response assigned = admin.post("/api/study/assignments", Map.of("materialId", required,
                    "audience", "LEADING_CADRES", "dueOn", due));
            assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
            String id = assigned.json().path("id").asString();
            JsonNode event = events.await(AssignmentEvents.CREATED.type(), e -> e.path("subject").asString().equals(id),
                    Duration.ofSeconds(20));
            EventContracts.assertValid(event, AssignmentEvents.CREATED.schemaResource());
            assertThat(event.path("data").path("dueOn").asString()).isEqualTo(due);
        }

        assertThat(admin.get("/api/study/assignments?materialId=" + required).json().get(0).path("audience").asString())
                .isEqualTo("LEADING_CADRES");
        assertThat(api().as("jiaoyu-admin").get("/api/study/assignments?materialId=" + required).json().size()).isZero();
        assertThat(api().as("caizheng-member").get("/api/study/assignments").status()).isEqualTo(403);
        assertThat(admin.post("/api/study/assignments", Map.of("materialId", optional, "audience", "ALL", "dueOn", due))
                .status()).isEqualTo(422);
        assertThat(api().as("caizheng-member").post("/api/study/assignments",
                Map.of("materialId", required, "audience", "ALL", "dueOn", due)).status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-admin").post("/api/study/assignments",
                Map.of("materialId", required, "audience", "ALL", "dueOn", due)).status()).isEqualTo(400);
        assertThat(api().as("caizheng-admin").post("/api/study/assignments",
                Map.of("materialId", required, "audience", "ALL")).status()).as("no due date").isEqualTo(400);
    }

    private static List<String> ids(Api.Response response) {
        return response.json().valueStream().map(p -> p.path("id").asString()).toList();
    }
}

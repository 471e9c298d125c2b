package cn.city.party.discipline.rectification;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.discipline.support.DisciplineApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class RectificationApiIT extends DisciplineApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MongoTemplate mongo;

    private Map<String, Object> item(String problem, LocalDate foundOn, LocalDate deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "PATROL_INSPECTION");
        body.put("problem", problem);
        body.put("foundOn", foundOn.toString());
        body.put("measure", "修订制度并组织学习");
        body.put("owner", "办公室主任");
        body.put("deadline", deadline.toString());
        return body;
    }

    private String create(String problem) {
        Api.Response created = api().as("caizheng-inspector").post("/api/discipline/rectifications",
                item(problem, TODAY.minusDays(10), TODAY.plusDays(60)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    @Test
    void the_department_submits_evidence_an_inspector_signs_off_and_a_recurrence_reopens_it() {
        String id = create("公务用车管理不规范");
        Api admin = api().as("caizheng-admin");
        Api inspector = api().as("caizheng-inspector");

        Api.Response noEvidence = inspector.post("/api/discipline/rectifications/" + id + "/close-out",
                Map.of("reviewNote", "已核查"));
        assertThat(noEvidence.status()).isEqualTo(422);
        assertThat(noEvidence.json().path("errors").get(0).path("field").asString()).isEqualTo("evidence");
        assertThat(inspector.get("/api/discipline/rectifications/" + id).json().path("status").asString()).isEqualTo("OPEN");

        assertThat(admin.post("/api/discipline/rectifications/" + id + "/evidence",
                Map.of("description", "车辆使用登记台账（3月）")).status()).isEqualTo(200);
        assertThat(admin.post("/api/discipline/rectifications/" + id + "/close-out",
                Map.of("reviewNote", "自己销号")).status()).as("only an inspector reviews").isEqualTo(403);
        JsonNode closed = inspector.post("/api/discipline/rectifications/" + id + "/close-out",
                Map.of("reviewNote", "抽查用车记录，整改到位")).json();
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("signOff").path("reviewerName").asString()).isEqualTo("caizheng-inspector");

        JsonNode reopened = inspector.post("/api/discipline/rectifications/" + id + "/reopen",
                Map.of("reason", "回访发现问题反弹", "deadline", TODAY.plusDays(30).toString())).json();
        assertThat(reopened.path("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.path("reopenCount").asInt()).isEqualTo(1);
        assertThat(inspector.post("/api/discipline/rectifications/" + id + "/close-out",
                Map.of("reviewNote", "再次核查")).status()).as("old evidence does not count again").isEqualTo(422);
    }

    @Test
    void a_deadline_before_the_found_date_or_oversized_text_is_refused_and_nothing_is_recorded() {
        int before = api().as("caizheng-inspector").get("/api/discipline/rectifications").json().size();
        Api.Response early = api().as("caizheng-inspector").post("/api/discipline/rectifications",
                item("问题", TODAY.minusDays(5), TODAY.minusDays(6)));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().path("errors").get(0).path("field").asString()).isEqualTo("deadline");

        Api.Response oversized = api().as("caizheng-inspector").post("/api/discipline/rectifications",
                item("问".repeat(2001), TODAY.minusDays(5), TODAY.plusDays(6)));
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.json().path("errors").get(0).path("field").asString()).isEqualTo("problem");

        assertThat(api().as("caizheng-inspector").get("/api/discipline/rectifications").json().size()).isEqualTo(before);
    }

    @Test
    void overdue_items_are_listed_with_their_escalation_and_ledgers_are_department_scoped() {
        String id = create("三重一大决策记录不全");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("foundOn", TODAY.minusDays(100)).set("deadline", TODAY.minusDays(40)), "rectifications");

        JsonNode overdue = api().as("work-committee").get("/api/discipline/rectifications/overdue").json().valueStream()
                .filter(i -> i.path("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(overdue.path("daysOverdue").asLong()).isEqualTo(40);
        assertThat(overdue.path("escalation").asString()).isEqualTo("WORK_COMMITTEE");

        assertThat(api().as("caizheng-admin").get("/api/discipline/rectifications/" + id).status()).isEqualTo(200);
        assertThat(api().as("jiaoyu-admin").get("/api/discipline/rectifications/" + id).status()).isEqualTo(404);
        assertThat(api().as("jiaoyu-inspector").post("/api/discipline/rectifications/" + id + "/evidence",
                Map.of("description", "越权")).status()).isEqualTo(404);
        for (String user : List.of("caizheng-secretary", "caizheng-member")) {
            assertThat(api().as(user).get("/api/discipline/rectifications").status()).as(user).isEqualTo(403);
        }
        assertThat(api().as("caizheng-admin").post("/api/discipline/rectifications",
                item("部门自己登记", TODAY, TODAY.plusDays(1))).status()).isEqualTo(403);
    }
}

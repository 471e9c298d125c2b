package cn.city.party.discipline.riskpoint;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.DemoRoster;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.discipline.accountability.Accountability;
import cn.city.party.discipline.notice.Notice;
import cn.city.party.discipline.support.DisciplineApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Risk points, talks/visits/cards coverage, accountability and typical-case notices through the API and the broker. */
@PlatformIntegrationTest
class OversightApiIT extends DisciplineApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_risk_point_is_reassessed_yearly_and_listed_when_its_review_is_overdue() {
        Api inspector = api().as("jiaoyu-inspector");
        Api.Response created = inspector.post("/api/discipline/risk-points", Map.of("post", "基建项目岗",
                "description", "工程招标中的围标串标", "level", "HIGH", "measures", "招标全流程电子化",
                "owner", "基建处处长", "nextReviewOn", TODAY.plusMonths(1).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(inspector.post("/api/discipline/risk-points", Map.of("post", "岗", "description", "d", "level", "LOW",
                "measures", "m", "owner", "o", "nextReviewOn", TODAY.plusMonths(13).toString())).status()).isEqualTo(422);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("nextReviewOn", TODAY.minusDays(3)), "risk_points");
        assertThat(api().as("jiaoyu-admin").get("/api/discipline/risk-points/overdue-reviews").json().valueStream()
                .map(r -> r.path("id").asString())).contains(id);
        JsonNode pending = inspector.get("/api/discipline/risk-points/reassessment?year=" + TODAY.getYear()).json();
        assertThat(pending.path("pending").valueStream().map(r -> r.path("id").asString())).contains(id);

        JsonNode changed = inspector.post("/api/discipline/risk-points/" + id + "/reviews", Map.of(
                "result", "CHANGED", "level", "MEDIUM", "note", "已实行电子招投标")).json();
        assertThat(changed.path("level").asString()).isEqualTo("MEDIUM");
        assertThat(changed.path("nextReviewOn").asString()).isEqualTo(TODAY.plusMonths(12).toString());
        assertThat(changed.path("reviewOverdue").asBoolean()).isFalse();
        assertThat(inspector.get("/api/discipline/risk-points/reassessment?year=" + TODAY.getYear()).json()
                .path("pending").valueStream().map(r -> r.path("id").asString())).doesNotContain(id);

        assertThat(api().as("caizheng-admin").get("/api/discipline/risk-points").json().valueStream()
                .map(r -> r.path("id").asString())).doesNotContain(id);
        assertThat(api().as("jiaoyu-admin").post("/api/discipline/risk-points/" + id + "/reviews",
                Map.of("result", "CONFIRMED", "note", "n")).status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-member").get("/api/discipline/risk-points").status()).isEqualTo(403);
    }

    @Test
    void coverage_of_talks_visits_and_cards_is_measured_against_the_roster() {
        Api inspector = api().as("caizheng-inspector");
        assertThat(inspector.post("/api/discipline/supervision", Map.of("kind", "INTEGRITY_TALK",
                "heldOn", TODAY.toString(), "coveredIds", List.of("caizheng-m01", "caizheng-m02"))).status()).isEqualTo(201);
        assertThat(inspector.post("/api/discipline/supervision", Map.of("kind", "FOLLOW_UP_VISIT",
                "heldOn", TODAY.toString(), "coveredIds", List.of("caizheng-branch-1"))).status()).isEqualTo(201);
        Api.Response stranger = inspector.post("/api/discipline/supervision", Map.of("kind", "INTEGRITY_TALK",
                "heldOn", TODAY.toString(), "coveredIds", List.of("jiaoyu-m01")));
        assertThat(stranger.status()).isEqualTo(422);

        List<JsonNode> coverage = api().as("work-committee").get("/api/discipline/supervision/coverage?year="
                + TODAY.getYear() + "&department=caizheng").json().valueStream().toList();
        JsonNode talks = coverage.stream().filter(c -> c.path("kind").asString().equals("INTEGRITY_TALK")).findFirst().orElseThrow();
        assertThat(talks.path("covered").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(talks.path("target").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(talks.path("targetMet").asBoolean()).isFalse();
        JsonNode visits = coverage.stream().filter(c -> c.path("kind").asString().equals("FOLLOW_UP_VISIT")).findFirst().orElseThrow();
        assertThat(visits.path("covered").asInt()).isEqualTo(1);
        assertThat(visits.path("target").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(api().as("caizheng-admin").get("/api/discipline/supervision/coverage?year=" + TODAY.getYear()).status())
                .isEqualTo(403);
    }

    @Test
    void accountability_against_an_organization_is_published_without_its_reasons() {
        try (EventCapture events = capture(Accountability.TOPIC)) {
            Api.Response recorded = api().as("caizheng-inspector").post("/api/discipline/accountability", Map.of(
                    "organizationId", "caizheng-branch-2", "kind", "CIRCULATED_CRITICISM",
                    "decidedOn", TODAY.toString(), "reason", "落实主体责任不力（测试）"));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            String id = recorded.json().path("id").asString();
            JsonNode event = events.await(Accountability.RECORDED.type(), e -> e.path("subject").asString().equals(id),
                    Duration.ofSeconds(20));
            EventContracts.assertValid(event, Accountability.RECORDED.schemaResource());
            assertThat(event.path("data").path("organizationId").asString()).isEqualTo("caizheng-branch-2");
            assertThat(event.toString()).doesNotContain("落实主体责任不力");

            // the list gives summaries; the reasons are read one record at a time, and each read is audited
            JsonNode line = api().as("caizheng-inspector").get("/api/discipline/accountability").json().valueStream()
                    .filter(a -> a.path("id").asString().equals(id)).findFirst().orElseThrow();
            assertThat(line.path("kind").asString()).isEqualTo("CIRCULATED_CRITICISM");
            assertThat(line.has("reason")).isFalse();
            assertThat(line.toString()).doesNotContain("落实主体责任不力");
            Api.Response details = api().as("caizheng-inspector").get("/api/discipline/accountability/" + id);
            assertThat(details.json().path("reason").asString()).isEqualTo("落实主体责任不力（测试）");
            assertThat(api().as("caizheng-inspector").get("/api/discipline/audit/entries?targetId=" + id).json().valueStream()
                    .map(e -> e.path("action").asString()).toList()).containsExactly("accountability.recorded", "accountability.read");
            assertThat(api().as("jiaoyu-inspector").get("/api/discipline/accountability/" + id).status()).isEqualTo(404);
            assertThat(api().as("caizheng-admin").get("/api/discipline/accountability/" + id).status()).isEqualTo(403);

            assertThat(api().as("caizheng-inspector").post("/api/discipline/accountability", Map.of(
                    "organizationId", "jiaoyu-branch-1", "kind", "REORGANIZATION", "decidedOn", TODAY.toString(),
                    "reason", "r")).status()).isEqualTo(422);
        }
    }

    @Test
    void a_typical_case_notice_is_published_only_when_anonymized() {
        try (EventCapture events = capture(Notice.TOPIC)) {
            // names a member of the demo roster (caizheng-m03)
            Api.Response named = api().as("city-inspector").post("/api/discipline/notices", Map.of(
                    "title", "典型案例通报", "summary", DemoRoster.name(3) + "违规收受礼金", "audience", "ALL"));
            assertThat(named.status()).isEqualTo(422);
            assertThat(named.json().path("errors").get(0).path("field").asString()).isEqualTo("summary");

            assertThat(api().as("caizheng-inspector").post("/api/discipline/notices", Map.of(
                    "title", "全市通报", "summary", "某某违规", "audience", "ALL")).status())
                    .as("a department inspector cannot publish city-wide").isEqualTo(403);

            Api.Response published = api().as("city-inspector").post("/api/discipline/notices", Map.of(
                    "title", "关于某局干部违规收受礼金问题的通报", "summary", "某局干部孙某某违规收受礼金，受到党内警告处分。",
                    "audience", "LEADING_CADRES"));
            assertThat(published.status()).as(published.toString()).isEqualTo(201);
            String id = published.json().path("id").asString();
            JsonNode event = events.await(Notice.PUBLISHED.type(), e -> e.path("subject").asString().equals(id),
                    Duration.ofSeconds(20));
            EventContracts.assertValid(event, Notice.PUBLISHED.schemaResource());
            assertThat(event.path("data").path("department").isNull()).isTrue();
            assertThat(event.path("data").path("audience").asString()).isEqualTo("LEADING_CADRES");
            assertThat(events.all(Notice.PUBLISHED.type(), e -> e.path("data").path("summary").asString().contains(DemoRoster.name(3)),
                    Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void published_notices_are_listed_newest_first_to_the_inspectors_of_their_department_only() {
        String title = "关于某局干部违规公款吃喝问题的通报";
        Api.Response first = api().as("caizheng-inspector").post("/api/discipline/notices", Map.of("department", "caizheng",
                "title", title, "summary", "某局干部李某某违规公款吃喝，受到诫勉处理。", "audience", "DEPARTMENT"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response second = api().as("caizheng-inspector").post("/api/discipline/notices", Map.of("department", "caizheng",
                "title", title + "（二）", "summary", "某科室负责人违规发放津贴，受到警告处分。", "audience", "ALL"));
        assertThat(second.status()).isEqualTo(201);

        Api.Response listed = api().as("caizheng-inspector").get("/api/discipline/notices");
        assertThat(listed.status()).isEqualTo(200);
        List<JsonNode> mine = listed.json().valueStream().filter(n -> n.path("title").asString().startsWith(title)).toList();
        assertThat(mine).extracting(n -> n.path("title").asString()).containsExactly(title + "（二）", title);
        assertThat(mine.get(1).path("summary").asString()).isEqualTo("某局干部李某某违规公款吃喝，受到诫勉处理。");
        assertThat(mine.get(1).path("audience").asString()).isEqualTo("DEPARTMENT");
        assertThat(mine.get(1).path("department").asString()).isEqualTo("caizheng");

        assertThat(api().as("city-inspector").get("/api/discipline/notices").json().valueStream()
                .filter(n -> n.path("title").asString().startsWith(title)).count()).isEqualTo(2);
        Api.Response outsider = api().as("jiaoyu-inspector").get("/api/discipline/notices");
        assertThat(outsider.status()).isEqualTo(200);
        assertThat(outsider.json().valueStream().filter(n -> n.path("title").asString().startsWith(title)).count())
                .as("another department's inspector does not read them").isZero();
        for (String user : List.of("work-committee", "caizheng-admin", "caizheng-member")) {
            assertThat(api().as(user).get("/api/discipline/notices").status()).as(user).isEqualTo(403);
        }
    }
}

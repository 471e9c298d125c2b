package cn.city.party.study.progress;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.study.StudyApiTest;
import cn.city.party.study.material.Material;
import cn.city.party.study.material.MaterialApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class ProgressApiIT extends StudyApiTest {

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    private JsonNode mine(Api member) {
        Api.Response response = member.get("/api/study/progress/mine?year=" + today().getYear());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static boolean listed(JsonNode items, String materialId) {
        return items.valueStream().anyMatch(i -> i.path("materialId").asString().equals(materialId));
    }

    @Test
    void a_member_studies_an_overdue_assignment_and_earns_its_credit_hours_with_events_announcing_it() {
        Api admin = api().as("caizheng-admin");
        String material = MaterialApiIT.published(admin, MaterialApiIT.material("必学-" + UUID.randomUUID(), "ALL", true, 1.5));
        assertThat(admin.post("/api/study/assignments", Map.of("materialId", material, "audience", "ALL",
                "dueOn", today().minusDays(1).toString())).status()).isEqualTo(201);
        Api member = api().as("caizheng-member");
        JsonNode before = mine(member);
        assertThat(before.path("target").asInt()).isEqualTo(32);
        assertThat(listed(before.path("required"), material)).isTrue();
        assertThat(before.path("required").valueStream().filter(i -> i.path("materialId").asString().equals(material))
                .findFirst().orElseThrow().path("overdue").asBoolean()).isTrue();

        assertThat(member.post("/api/study/progress/materials/" + material + "/complete", "").status())
                .as("not started").isEqualTo(409);
        assertThat(member.post("/api/study/progress/materials/" + material + "/start", "").status()).isEqualTo(200);
        JsonNode reported = member.post("/api/study/progress/materials/" + material + "/time", Map.of("seconds", 3600)).json();
        assertThat(reported.path("secondsSpent").asLong()).as("no more than really passed since the start").isLessThan(120);
        assertThat(member.post("/api/study/progress/materials/" + material + "/time", Map.of("seconds", -5)).status()).isEqualTo(400);
        // clicking through is not studying: half the 30 estimated minutes must be spent first
        Api.Response tooQuick = member.post("/api/study/progress/materials/" + material + "/complete", "");
        assertThat(tooQuick.status()).isEqualTo(422);
        assertThat(tooQuick.json().path("code").asString()).isEqualTo("progress.tooLittleTime");
        assertThat(tooQuick.body()).contains("至少需学习15分钟");
        clock.advance(Duration.ofMinutes(16));
        assertThat(member.post("/api/study/progress/materials/" + material + "/time", Map.of("seconds", 960)).json()
                .path("secondsSpent").asLong()).isGreaterThanOrEqualTo(900);

        try (EventCapture events = capture(ProgressEvents.PROGRESS_TOPIC, ProgressEvents.CREDITS_TOPIC)) {
            assertThat(member.post("/api/study/progress/materials/" + material + "/complete", "").status()).isEqualTo(200);
            JsonNode completed = events.await(ProgressEvents.COMPLETED.type(),
                    e -> e.path("data").path("materialId").asString().equals(material), Duration.ofSeconds(20));
            EventContracts.assertValid(completed, ProgressEvents.COMPLETED.schemaResource());
            JsonNode credits = events.await(ProgressEvents.CREDITS_UPDATED.type(),
                    e -> e.path("data").path("memberId").asString().equals(CAIZHENG_MEMBER)
                            && e.path("data").path("requiredCompleted").asInt() >= 1, Duration.ofSeconds(20));
            EventContracts.assertValid(credits, ProgressEvents.CREDITS_UPDATED.schemaResource());
            assertThat(credits.path("data").path("target").asInt()).isEqualTo(32);
        }
        assertThat(member.post("/api/study/progress/materials/" + material + "/complete", "").status()).isEqualTo(409);

        JsonNode after = mine(member);
        assertThat(after.path("creditHours").decimalValue())
                .isEqualByComparingTo(before.path("creditHours").decimalValue().add(new BigDecimal("1.5")));
        assertThat(after.path("requiredCompleted").asInt()).isEqualTo(before.path("requiredCompleted").asInt() + 1);
        JsonNode item = after.path("required").valueStream()
                .filter(i -> i.path("materialId").asString().equals(material)).findFirst().orElseThrow();
        assertThat(item.path("completed").asBoolean()).isTrue();
        assertThat(item.path("overdue").asBoolean()).as("no longer overdue").isFalse();
    }

    @Test
    void secretaries_and_leading_cadres_have_the_higher_target_and_new_members_get_the_new_member_materials() {
        assertThat(mine(api().as("caizheng-secretary")).path("target").asInt()).isEqualTo(56);
        Api admin = api().as("caizheng-admin");
        assertThat(admin.get("/api/study/progress/members/caizheng-m03?year=" + today().getYear()).json()
                .path("target").asInt()).as("caizheng-m03 is a leading cadre").isEqualTo(56);

        String newMember = "new-" + UUID.randomUUID();
        LocalDate admitted = today().minusDays(30);
        Map<String, Object> admission = memberData(newMember, "caizheng", "caizheng-branch-2", "PROBATIONARY", false, null);
        admission.put("joinedOn", admitted.toString());
        publish("party.org.member", "party.org.member.admitted.v1", newMember, "caizheng", admission);
        await("the new member", () -> mongo.findById(newMember, cn.city.party.study.roster.RosterMember.class) != null);
        String reader = MaterialApiIT.published(api().as("work-committee"),
                MaterialApiIT.material("新党员必读-" + UUID.randomUUID(), "NEW_MEMBERS", true, 4));
        // published in an earlier year: still what every new member studies
        mongo.updateFirst(Query.query(Criteria.where("_id").is(reader)),
                Update.update("publishedAt", clock.instant().minus(Duration.ofDays(400))), Material.class);

        JsonNode summary = admin.get("/api/study/progress/members/" + newMember + "?year=" + today().getYear()).json();
        JsonNode item = summary.path("required").valueStream()
                .filter(i -> i.path("materialId").asString().equals(reader)).findFirst().orElseThrow();
        assertThat(item.path("dueOn").asString()).as("90 days after admission").isEqualTo(admitted.plusDays(90).toString());
        assertThat(item.path("overdue").asBoolean()).isFalse();
        assertThat(listed(admin.get("/api/study/progress/members/caizheng-m09?year=" + today().getYear()).json()
                .path("required"), reader)).as("a full member").isFalse();
    }

    @Test
    void organizers_see_their_own_members_and_completion_rates_only() {
        int year = today().getYear();
        Api secretary = api().as("caizheng-secretary");
        assertThat(secretary.get("/api/study/progress/members/caizheng-m02?year=" + year).status()).isEqualTo(200);
        assertThat(secretary.get("/api/study/progress/members/caizheng-m09?year=" + year).status())
                .as("another branch").isEqualTo(403);
        assertThat(api().as("jiaoyu-admin").get("/api/study/progress/members/caizheng-m02?year=" + year).status()).isEqualTo(404);
        assertThat(api().as("caizheng-member").get("/api/study/progress/members/caizheng-m09?year=" + year).status()).isEqualTo(403);
        assertThat(api().as("caizheng-member").get("/api/study/progress/completion?year=" + year).status()).isEqualTo(403);

        JsonNode rates = api().as("caizheng-admin").get("/api/study/progress/completion?year=" + year).json();
        assertThat(rates.path("departments").valueStream().map(d -> d.path("department").asString()).toList())
                .containsExactly("caizheng");
        assertThat(rates.path("branches").valueStream().map(b -> b.path("branchId").asString()).toList())
                .contains("caizheng-branch-1", "caizheng-branch-2");
        assertThat(rates.path("branches").valueStream().filter(b -> b.path("branchId").asString().equals("caizheng-branch-1"))
                .findFirst().orElseThrow().path("branchName").asString()).isEqualTo("第一党支部");

        JsonNode branchOnly = secretary.get("/api/study/progress/completion?year=" + year).json();
        assertThat(branchOnly.path("branches").valueStream().map(b -> b.path("branchId").asString()).toList())
                .containsExactly("caizheng-branch-1");
        JsonNode city = api().as("work-committee").get("/api/study/progress/completion?year=" + year).json();
        assertThat(city.path("departments").valueStream().map(d -> d.path("department").asString()).toList())
                .contains("caizheng", "jiaoyu");
    }

    @Test
    void a_member_cannot_study_material_that_is_not_meant_for_it() {
        String caizhengOnly = MaterialApiIT.published(api().as("caizheng-admin"),
                MaterialApiIT.material("本局-" + UUID.randomUUID(), "ALL", false, 1));
        assertThat(api().as("jiaoyu-member").post("/api/study/progress/materials/" + caizhengOnly + "/start", "").status())
                .isEqualTo(404);
        assertThat(api().as("caizheng-admin").post("/api/study/progress/materials/" + caizhengOnly + "/start", "").status())
                .as("an admin account is no member").isEqualTo(403);
    }
}

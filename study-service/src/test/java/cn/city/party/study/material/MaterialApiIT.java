package cn.city.party.study.material;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.study.StudyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
public class MaterialApiIT extends StudyApiTest {

    public static Map<String, Object> material(String title, String audience, boolean required, Object hours) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("kind", "TEXT");
        body.put("body", "学习内容");
        body.put("category", "PARTY_CONSTITUTION");
        body.put("audience", audience);
        body.put("required", required);
        body.put("creditHours", hours);
        body.put("estimatedMinutes", 30);
        return body;
    }

    /** Creates and publishes; returns the material id. */
    public static String published(Api as, Map<String, Object> body) {
        Api.Response created = as.post("/api/study/materials", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(as.post("/api/study/materials/" + id + "/publish", "").status()).isEqualTo(200);
        return id;
    }

    private List<String> titlesFound(Api as, String query) {
        return as.get("/api/study/materials?size=100&" + query).json().path("content").valueStream()
                .map(m -> m.path("title").asString()).toList();
    }

    @Test
    void a_department_admin_publishes_for_its_department_and_an_event_announces_it() {
        String title = "党章学习-" + UUID.randomUUID();
        try (EventCapture events = capture(MaterialEvents.TOPIC)) {
            String id = published(api().as("caizheng-admin"), material(title, "ALL", true, 2));

            JsonNode event = events.await(MaterialEvents.PUBLISHED.type(), e -> e.path("subject").asString().equals(id),
                    Duration.ofSeconds(20));
            EventContracts.assertValid(event, MaterialEvents.PUBLISHED.schemaResource());
            assertThat(event.path("data").path("department").asString()).isEqualTo("caizheng");
            assertThat(event.path("data").path("required").asBoolean()).isTrue();
        }
        assertThat(titlesFound(api().as("caizheng-member"), "title=" + title)).containsExactly(title);
        assertThat(titlesFound(api().as("jiaoyu-member"), "title=" + title)).isEmpty();
        assertThat(titlesFound(api().as("jiaoyu-admin"), "title=" + title)).isEmpty();
    }

    @Test
    void drafts_are_not_open_to_members_and_withdrawn_material_closes_again() {
        String title = "草稿-" + UUID.randomUUID();
        Api admin = api().as("caizheng-admin");
        String id = admin.post("/api/study/materials", material(title, "ALL", false, 1)).json().path("id").asString();
        Api member = api().as("caizheng-member");
        assertThat(member.get("/api/study/materials/" + id).status()).isEqualTo(404);

        admin.post("/api/study/materials/" + id + "/publish", "");
        assertThat(member.get("/api/study/materials/" + id).status()).isEqualTo(200);
        assertThat(admin.post("/api/study/materials/" + id + "/withdraw", "").json().path("status").asString())
                .isEqualTo("WITHDRAWN");
        assertThat(member.get("/api/study/materials/" + id).status()).isEqualTo(404);
    }

    @Test
    void the_work_committee_publishes_city_wide_and_audiences_narrow_who_sees_it() {
        String everyone = "全市-" + UUID.randomUUID();
        String cadres = "领导干部-" + UUID.randomUUID();
        Api committee = api().as("work-committee");
        published(committee, material(everyone, "ALL", true, 1));
        published(committee, material(cadres, "LEADING_CADRES", true, 1));

        assertThat(titlesFound(api().as("jiaoyu-member"), "title=" + everyone)).containsExactly(everyone);
        assertThat(titlesFound(api().as("caizheng-member"), "title=" + everyone)).containsExactly(everyone);
        assertThat(titlesFound(api().as("caizheng-member"), "title=" + cadres)).as("not a leading cadre").isEmpty();
    }

    @Test
    void a_secretary_publishes_for_its_own_branch_only() {
        Api secretary = api().as("caizheng-secretary");
        Map<String, Object> body = material("支部-" + UUID.randomUUID(), "ALL", false, 1);
        Api.Response mine = secretary.post("/api/study/materials", body);
        assertThat(mine.status()).isEqualTo(201);
        assertThat(mine.json().path("branchId").asString()).isEqualTo("caizheng-branch-1");

        body.put("branchId", "caizheng-branch-2");
        assertThat(secretary.post("/api/study/materials", body).status()).isEqualTo(403);
        body.put("branchId", null);
        body.put("department", "jiaoyu");
        assertThat(secretary.post("/api/study/materials", body).status()).isEqualTo(403);
        body.put("department", null);
        body.put("branchId", "jiaoyu-branch-1");
        Api.Response foreignBranch = api().as("caizheng-admin").post("/api/study/materials", body);
        assertThat(foreignBranch.status()).isEqualTo(400);
        assertThat(foreignBranch.json().path("errors").get(0).path("field").asString()).isEqualTo("branchId");
    }

    @Test
    void other_departments_and_members_cannot_publish_or_withdraw() {
        String id = published(api().as("caizheng-admin"), material("本局-" + UUID.randomUUID(), "ALL", false, 1));

        assertThat(api().as("caizheng-member").post("/api/study/materials", material("x", "ALL", false, 1)).status())
                .isEqualTo(403);
        assertThat(api().as("caizheng-member").post("/api/study/materials/" + id + "/withdraw", "").status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-admin").post("/api/study/materials/" + id + "/withdraw", "").status()).isEqualTo(404);
        assertThat(api().as("caizheng-inspector").get("/api/study/materials").status()).isEqualTo(403);
        assertThat(api().as("caizheng-admin").get("/api/study/materials/" + id).json().path("status").asString())
                .isEqualTo("PUBLISHED");
    }

    @Test
    void negative_hours_are_a_problem_naming_the_field_and_nothing_is_stored() {
        String title = "负学时-" + UUID.randomUUID();
        Api admin = api().as("caizheng-admin");
        Api.Response refused = admin.post("/api/study/materials", material(title, "ALL", true, -1));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("creditHours");
        assertThat(titlesFound(admin, "title=" + title)).isEmpty();
    }

    @Test
    void search_is_by_literal_title_text_and_category_and_paged() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api admin = api().as("caizheng-admin");
        published(admin, material("党章(2022)修订" + tag, "ALL", false, 1));
        Map<String, Object> history = material("党史故事" + tag, "ALL", false, 1);
        history.put("category", "PARTY_HISTORY");
        published(admin, history);

        assertThat(titlesFound(admin, "title=(2022)")).contains("党章(2022)修订" + tag);
        assertThat(titlesFound(admin, "title=.*" + tag)).as("regex characters are literal").isEmpty();
        assertThat(titlesFound(admin, "title=" + tag + "&category=PARTY_HISTORY")).containsExactly("党史故事" + tag);

        JsonNode page = admin.get("/api/study/materials?title=" + tag + "&size=1&page=1").json();
        assertThat(page.path("content").size()).isEqualTo(1);
        assertThat(page.path("totalElements").asLong()).isEqualTo(2);
        assertThat(admin.get("/api/study/materials?size=1000").status()).isEqualTo(400);
    }
}

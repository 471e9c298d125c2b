package cn.city.party.study.rules;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.study.StudyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work committee's versioned credit-hour targets (docs/rules.md). Published for past years only (2018–2019), so
 * the other tests of the shared application context keep the defaults of the current year.
 */
@PlatformIntegrationTest
class StudyRulesApiIT extends StudyApiTest {

    private Api.Response publish(String user, int year, Map<String, Object> values, String reason) {
        return api().as(user).post("/api/study/rules/credits/versions?year=" + year,
                Map.of("values", values, "reason", reason));
    }

    private List<Integer> versions(int year) {
        return api().as("work-committee").get("/api/study/rules/credits/history?year=" + year).json()
                .valueStream().map(v -> v.path("version").asInt()).toList();
    }

    private int target(String user, String path) {
        Api.Response summary = api().as(user).get(path);
        assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
        return summary.json().path("target").asInt();
    }

    @Test
    void the_work_committee_raises_the_targets_of_a_year_and_that_years_credit_summaries_use_them() {
        Api.Response published = publish("work-committee", 2019,
                Map.of("creditTarget", 40, "creditTargetLeading", 64, "newMemberStudyDays", 60), "2019 年加强学习");

        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().path("version").asInt()).isEqualTo(2);
        assertThat(target("caizheng-member", "/api/study/progress/mine?year=2019")).isEqualTo(40);
        assertThat(target("caizheng-admin", "/api/study/progress/members/caizheng-m03?year=2019"))
                .as("a leading cadre").isEqualTo(64);
        assertThat(target("caizheng-member", "/api/study/progress/mine?year=2018")).as("2018 keeps the defaults").isEqualTo(32);

        JsonNode history = api().as("caizheng-admin").get("/api/study/rules/credits/history?year=2019").json();
        assertThat(history.valueStream().map(v -> v.path("version").asInt() + ":" + v.path("author").asString()).toList())
                .containsExactly("1:system", "2:work-committee");
        assertThat(history.get(0).path("values").path("creditTarget").asInt()).isEqualTo(32);
        assertThat(history.valueStream().allMatch(v -> !v.path("inForceSince").asString().isEmpty())).isTrue();
        JsonNode kinds = api().as("caizheng-secretary").get("/api/study/rules?year=2019").json();
        assertThat(kinds.get(0).path("label").asString()).isEqualTo("学时与新党员学习");
        assertThat(kinds.get(0).path("current").path("values").path("newMemberStudyDays").asInt()).isEqualTo(60);
    }

    @Test
    void a_department_admin_may_not_publish_and_a_window_of_0_days_is_refused_naming_the_field() {
        Map<String, Object> values = Map.of("creditTarget", 20, "creditTargetLeading", 40, "newMemberStudyDays", 30);
        assertThat(publish("caizheng-admin", 2018, values, "部门想降低").status()).isEqualTo(403);
        assertThat(publish("caizheng-member", 2018, values, "党员想降低").status()).isEqualTo(403);

        Api.Response zero = publish("work-committee", 2018,
                Map.of("creditTarget", 32, "creditTargetLeading", 30, "newMemberStudyDays", 0), "写错了");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("values.newMemberStudyDays", "values.creditTargetLeading");
        assertThat(zero.json().path("errors").get(0).path("reason").asString()).isEqualTo("应在 1 到 366 之间");
        assertThat(zero.json().path("errors").get(1).path("reason").asString()).isEqualTo("不能低于普通党员的学时（32）");

        assertThat(versions(2018)).containsExactly(1);
    }
}

package cn.city.party.activity.compliance;

import cn.city.party.activity.period.Period;
import cn.city.party.activity.support.ActivityServiceIT;
import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.test.EventContracts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceApiIT extends ActivityServiceIT {

    /** Last year: every period in it has ended, so statuses do not depend on today's date. */
    private final int year = Instant.now().atZone(Period.ZONE).getYear() - 1;

    @BeforeEach
    void roster() {
        demoRoster();
    }

    private static Map<String, Object> rule(String type, Object minCount, String period) {
        return Map.of("type", type, "minCount", minCount, "period", period);
    }

    @Test
    void the_work_committee_publishes_versioned_city_rules_and_departments_override_them() {
        Api committee = api().as("work-committee");
        JsonNode defaults = api().as("caizheng-secretary").get("/api/compliance/rules?year=2030").json();
        assertThat(defaults.path("version").asInt()).isZero();
        assertThat(defaults.path("lateEntryDays").asInt()).isEqualTo(7);
        assertThat(defaults.path("rules").size()).isEqualTo(9);

        Map<String, Object> city = Map.of("lateEntryDays", 10, "atRiskDays", 5, "rules",
                List.of(rule("BRANCH_COMMITTEE_MEETING", 1, "MONTH"), rule("PARTY_LECTURE", 1, "QUARTER")));
        assertThat(committee.post("/api/compliance/rules/city/2030", city).json().path("version").asInt()).isEqualTo(1);
        assertThat(committee.post("/api/compliance/rules/city/2030", city).json().path("version").asInt()).isEqualTo(2);
        assertThat(committee.get("/api/compliance/rules/city/2030/versions").json().size()).isEqualTo(2);

        assertThat(api().as("caizheng-admin").post("/api/compliance/rules/city/2030", city).status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-admin").post("/api/compliance/rules/caizheng/2030", city).status()).isEqualTo(403);
        assertThat(api().as("caizheng-secretary").post("/api/compliance/rules/caizheng/2030", city).status()).isEqualTo(403);

        Map<String, Object> stricter = Map.of("lateEntryDays", 3, "atRiskDays", 7, "rules",
                List.of(rule("BRANCH_COMMITTEE_MEETING", 2, "MONTH")));
        assertThat(api().as("caizheng-admin").post("/api/compliance/rules/caizheng/2030", stricter).status()).isEqualTo(201);

        JsonNode caizheng = api().as("caizheng-admin").get("/api/compliance/rules?year=2030").json();
        assertThat(caizheng.path("owner").asString()).isEqualTo("caizheng");
        assertThat(caizheng.path("lateEntryDays").asInt()).isEqualTo(3);
        JsonNode jiaoyu = api().as("jiaoyu-admin").get("/api/compliance/rules?year=2030").json();
        assertThat(jiaoyu.path("owner").asString()).isEqualTo("city");
        assertThat(jiaoyu.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void rules_with_zero_or_negative_counts_or_unknown_types_are_refused_naming_the_field_and_nothing_is_published() {
        Api committee = api().as("work-committee");
        Api.Response zero = committee.post("/api/compliance/rules/city/2031", Map.of("lateEntryDays", 7, "atRiskDays", 5,
                "rules", List.of(rule("THEME_PARTY_DAY", 1, "MONTH"), rule("PARTY_LECTURE", 0, "QUARTER"))));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("errors").get(0).path("field").asString()).isEqualTo("rules[1].minCount");

        Api.Response negative = committee.post("/api/compliance/rules/city/2031", Map.of("lateEntryDays", 7, "atRiskDays", 5,
                "rules", List.of(rule("PARTY_LECTURE", -2, "QUARTER"))));
        assertThat(negative.status()).isEqualTo(400);

        Api.Response unknown = committee.post("/api/compliance/rules/city/2031", Map.of("lateEntryDays", 7, "atRiskDays", 5,
                "rules", List.of(rule("PICNIC", 1, "MONTH"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("rules[0].type");

        Api.Response noSuchPeriod = committee.post("/api/compliance/rules/city/2031", Map.of("lateEntryDays", 7, "atRiskDays", 5,
                "rules", List.of(rule("PARTY_LECTURE", 1, "FORTNIGHT"))));
        assertThat(noSuchPeriod.status()).isEqualTo(400);

        assertThat(committee.get("/api/compliance/rules/city/2031/versions").json().size()).isZero();
    }

    @Test
    void live_branch_compliance_judges_each_rule_and_drills_down_to_the_records_and_departments_and_the_city_read_the_read_model() {
        Instant jan = LocalDateTime.of(year, 1, 15, 9, 0).atZone(Period.ZONE).toInstant();
        Instant lastEveningOfQ1 = LocalDateTime.of(year, 3, 31, 23, 30).atZone(Period.ZONE).toInstant();
        Api secretary = api().as("caizheng-secretary");
        try (EventCapture events = capture(ComplianceEvents.TOPIC)) {
            String committeeMeeting = secretary.post("/api/activities/records", record(
                    List.of("BRANCH_COMMITTEE_MEETING"), "一月支委会", held(jan, "纪要"), "补录测试"))
                    .json().path("id").asString();
            Api.Response lecture = secretary.post("/api/activities/records", record(
                    List.of("PARTY_LECTURE", "THEME_PARTY_DAY"), "季度末晚间党课", held(lastEveningOfQ1, ""), "补录测试"));
            assertThat(lecture.status()).as(lecture.toString()).isEqualTo(201);
            String lectureId = lecture.json().path("id").asString();

            JsonNode q1 = secretary.get("/api/compliance/branches/" + BRANCH + "?period=" + year + "-Q1").json();
            JsonNode committeeRule = ruleOf(q1, "BRANCH_COMMITTEE_MEETING", "NONE");
            assertThat(committeeRule.path("status").asString()).isEqualTo("MISSED");
            assertThat(committeeRule.path("parts").valueStream().map(p -> p.path("status").asString()))
                    .containsExactly("MET", "MISSED", "MISSED");
            assertThat(committeeRule.path("activityIds").valueStream().map(JsonNode::asString)).containsExactly(committeeMeeting);
            JsonNode lectureRule = ruleOf(q1, "PARTY_LECTURE", "NONE");
            assertThat(lectureRule.path("status").asString()).as("23:30 on March 31st is Q1").isEqualTo("MET");
            assertThat(lectureRule.path("activityIds").valueStream().map(JsonNode::asString)).containsExactly(lectureId);
            assertThat(q1.path("quality").path("lateEntryShare").asDouble()).isEqualTo(1.0);
            assertThat(q1.path("quality").path("multiPurposeShare").asDouble()).isEqualTo(0.5);
            assertThat(q1.path("quality").path("minutesPresentShare").asDouble()).isEqualTo(0.5);
            assertThat(q1.path("qualityRecords").path("withoutMinutes").valueStream().map(JsonNode::asString))
                    .containsExactly(lectureId);
            assertThat(ruleOf(secretary.get("/api/compliance/branches/" + BRANCH + "?period=" + year + "-Q2").json(),
                    "PARTY_LECTURE", "NONE").path("status").asString()).isEqualTo("MISSED");

            for (String period : List.of(year + "-Q1", String.valueOf(year))) {
                JsonNode evaluated = events.await(ComplianceEvents.EVALUATED.type(), e -> e.path("data").path("branchId")
                        .asString().equals(BRANCH) && e.path("data").path("period").asString().equals(period)
                        && e.path("data").path("activityIds").size() == 2, Duration.ofSeconds(30));
                EventContracts.assertValid(evaluated, ComplianceEvents.EVALUATED.schemaResource());
                assertThat(evaluated.path("data").path("lateEntryShare").asDouble()).isEqualTo(1.0);
            }
        }

        JsonNode department = api().as("caizheng-admin").get("/api/compliance/departments/caizheng?period=" + year + "-Q1").json();
        JsonNode branch = department.path("branches").valueStream()
                .filter(b -> b.path("branchId").asString().equals(BRANCH)).findFirst().orElseThrow();
        assertThat(branch.path("summary").path("MISSED").asInt()).isPositive();
        assertThat(branch.path("quality").path("sittings").asInt()).isEqualTo(2);

        JsonNode city = api().as("work-committee").get("/api/compliance/city?period=" + year).json();
        assertThat(city.path("departments").valueStream().map(d -> d.path("department").asString())).contains("caizheng");
        assertThat(city.path("quality").path("sittings").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void compliance_is_refused_across_departments_and_roles_and_periods_must_exist() {
        assertThat(api().as("jiaoyu-secretary").get("/api/compliance/branches/" + BRANCH + "?period=" + year).status()).isEqualTo(404);
        assertThat(api().as("jiaoyu-admin").get("/api/compliance/branches/" + BRANCH + "?period=" + year).status()).isEqualTo(404);
        assertThat(api().as("jiaoyu-admin").get("/api/compliance/departments/caizheng?period=" + year).status()).isEqualTo(403);
        assertThat(api().as("caizheng-secretary").get("/api/compliance/departments/caizheng?period=" + year).status()).isEqualTo(403);
        assertThat(api().as("caizheng-admin").get("/api/compliance/city?period=" + year).status()).isEqualTo(403);
        assertThat(api().as("caizheng-member").get("/api/compliance/branches/" + BRANCH + "?period=" + year).status()).isEqualTo(403);
        assertThat(api().as("caizheng-admin").get("/api/compliance/branches/caizheng-branch-2?period=" + year).status()).isEqualTo(200);
        assertThat(api().as("caizheng-secretary").get("/api/compliance/branches/caizheng-branch-2?period=" + year).status())
                .as("a secretary reads its own branch only").isEqualTo(404);
        Api.Response bad = api().as("work-committee").get("/api/compliance/city?period=" + year + "-Q5");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("period");
    }

    @Test
    void a_role_that_may_not_read_compliance_is_refused_before_its_parameters_are_checked() {
        for (String user : List.of("caizheng-member", "caizheng-admin", "caizheng-secretary")) {
            Api.Response city = api().as(user).get("/api/compliance/city");
            assertThat(city.status()).as(user + " " + city).isEqualTo(403);
            assertThat(city.body()).doesNotContain("period");
        }
        Api.Response department = api().as("caizheng-member").get("/api/compliance/departments/caizheng");
        assertThat(department.status()).isEqualTo(403);
        assertThat(department.body()).doesNotContain("period");
        assertThat(fieldOf(api().as("work-committee").get("/api/compliance/city"))).as("the work committee learns what is missing")
                .isEqualTo("period");
    }

    private static String fieldOf(Api.Response problem) {
        assertThat(problem.status()).isEqualTo(400);
        return problem.json().path("errors").get(0).path("field").asString();
    }

    private static JsonNode ruleOf(JsonNode view, String type, String condition) {
        return view.path("rules").valueStream().filter(r -> r.path("type").asString().equals(type)
                && r.path("condition").asString().equals(condition)).findFirst().orElseThrow();
    }
}

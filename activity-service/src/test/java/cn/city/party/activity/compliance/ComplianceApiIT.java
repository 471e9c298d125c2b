package cn.city.party.activity.compliance;

import cn.city.party.activity.period.Period;
import cn.city.party.activity.support.ActivityServiceIT;
import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
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

        Map<String, Object> city = Map.of("lateEntryDays", 10, "rules",
                List.of(rule("BRANCH_COMMITTEE_MEETING", 1, "MONTH"), rule("PARTY_LECTURE", 1, "QUARTER")));
        assertThat(committee.post("/api/compliance/rules/city/2030", city).json().path("version").asInt()).isEqualTo(1);
        assertThat(committee.post("/api/compliance/rules/city/2030", city).json().path("version").asInt()).isEqualTo(2);
        assertThat(committee.get("/api/compliance/rules/city/2030/versions").json().size()).isEqualTo(2);

        assertThat(api().as("caizheng-admin").post("/api/compliance/rules/city/2030", city).status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-admin").post("/api/compliance/rules/caizheng/2030", city).status()).isEqualTo(403);
        assertThat(api().as("caizheng-secretary").post("/api/compliance/rules/caizheng/2030", city).status()).isEqualTo(403);

        Map<String, Object> stricter = Map.of("lateEntryDays", 3, "rules",
                List.of(rule("BRANCH_COMMITTEE_MEETING", 2, "MONTH"), rule("PARTY_LECTURE", 1, "QUARTER")));
        assertThat(api().as("caizheng-admin").post("/api/compliance/rules/caizheng/2030", stricter).status()).isEqualTo(201);

        JsonNode caizheng = api().as("caizheng-admin").get("/api/compliance/rules?year=2030").json();
        assertThat(caizheng.path("owner").asString()).isEqualTo("caizheng");
        assertThat(caizheng.path("lateEntryDays").asInt()).isEqualTo(3);
        JsonNode jiaoyu = api().as("jiaoyu-admin").get("/api/compliance/rules?year=2030").json();
        assertThat(jiaoyu.path("owner").asString()).isEqualTo("city");
        assertThat(jiaoyu.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void a_department_may_only_be_stricter_than_the_city_and_a_laxer_override_needs_the_work_committee_with_a_reason() {
        Api committee = api().as("work-committee");
        assertThat(committee.post("/api/compliance/rules/city/2032", Map.of("lateEntryDays", 7, "rules",
                List.of(rule("BRANCH_COMMITTEE_MEETING", 1, "MONTH"), rule("PARTY_LECTURE", 1, "QUARTER")))).status())
                .isEqualTo(201);
        Map<String, Object> laxer = Map.of("lateEntryDays", 15, "rules", List.of(rule("BRANCH_COMMITTEE_MEETING", 1, "QUARTER"),
                rule("PARTY_LECTURE", 1, "QUARTER")));

        Api.Response refused = api().as("caizheng-admin").post("/api/compliance/rules/caizheng/2032", laxer);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactly("rules[BRANCH_COMMITTEE_MEETING/MONTH/BRANCH/NONE]", "lateEntryDays");
        assertThat(committee.get("/api/compliance/rules/caizheng/2032/versions").json().size()).isZero();

        Api.Response noReason = committee.post("/api/compliance/rules/caizheng/2032", laxer);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().path("errors").get(0).path("field").asString()).isEqualTo("laxerApprovalReason");

        Map<String, Object> approved = new java.util.HashMap<>(laxer);
        approved.put("laxerApprovalReason", "机构改革期间支委会按季度召开，经工委会议研究同意");
        Api.Response published = committee.post("/api/compliance/rules/caizheng/2032", approved);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        JsonNode approval = api().as("caizheng-admin").get("/api/compliance/rules?year=2032").json().path("laxerApproval");
        assertThat(approval.path("approvedBy").asString()).isEqualTo("work-committee");
        assertThat(approval.path("reason").asString()).isEqualTo("机构改革期间支委会按季度召开，经工委会议研究同意");
        assertThat(approval.path("laxerRules").valueStream().map(JsonNode::asString))
                .containsExactly("rules[BRANCH_COMMITTEE_MEETING/MONTH/BRANCH/NONE]", "lateEntryDays");
        assertThat(approval.path("approvedAt").asString()).isNotBlank();
    }

    @Test
    void the_period_job_judges_a_branch_that_records_nothing_and_announces_each_closed_period_frozen_per_rule() {
        // no activity or roster event ever asks for last year of this branch: only the job judges it
        Period closed = Period.month(year, 12);
        String branch = "caizheng-branch-2";
        try (EventCapture events = capture(ComplianceEvents.TOPIC)) {
            assertThat(periodJob.run()).isGreaterThanOrEqualTo(3);
            JsonNode month = events.await(ComplianceEvents.PERIOD_EVALUATED.type(), e -> e.path("subject").asString()
                    .equals(branch + ":" + closed), Duration.ofSeconds(30));
            EventContracts.assertValid(month, ComplianceEvents.PERIOD_EVALUATED.schemaResource());
            JsonNode data = month.path("data");
            assertThat(data.path("periodKind").asString()).isEqualTo("MONTH");
            assertThat(data.path("status").asString()).isEqualTo("MISSED");
            assertThat(data.path("frozen").asBoolean()).isTrue();
            assertThat(data.path("rulesInYear").asInt()).isEqualTo(9);
            assertThat(data.path("rules").valueStream().map(r -> r.path("ruleId").asString())).containsExactly(
                    "BRANCH_COMMITTEE_MEETING/MONTH/BRANCH/NONE", "PARTY_GROUP_MEETING/MONTH/PARTY_GROUP/NONE",
                    "THEME_PARTY_DAY/MONTH/BRANCH/NONE");
            JsonNode committee = data.path("rules").get(0);
            assertThat(committee.path("status").asString()).isEqualTo("MISSED");
            assertThat(committee.path("met").asDouble()).isZero();
            assertThat(committee.path("required").asInt()).isEqualTo(1);
            assertThat(committee.path("weight").asDouble()).isEqualTo(0.0833);
            assertThat(data.path("rules").get(1).path("status").asString())
                    .as("a branch without Party groups has no group to meet").isEqualTo("MET");

            assertThat(periodJob.run()).isGreaterThanOrEqualTo(3);
            assertThat(events.all(ComplianceEvents.PERIOD_EVALUATED.type(), e -> e.path("subject").asString()
                    .equals(branch + ":" + closed), Duration.ofSeconds(3))).as("a frozen period is announced once").hasSize(1);
            JsonNode stored = api().as("caizheng-admin").get("/api/compliance/branches/" + branch + "/periods?year=" + year)
                    .json().valueStream().filter(p -> p.path("period").asString().equals(closed.toString()))
                    .findFirst().orElseThrow();
            assertThat(stored.path("status").asString()).isEqualTo("MISSED");
            assertThat(stored.path("frozen").asBoolean()).isTrue();
            assertThat(api().as("caizheng-secretary").get("/api/compliance/branches/" + branch + "/periods?year=" + year)
                    .status()).as("a secretary reads its own branch only").isEqualTo(404);
        }
    }

    @Test
    void rules_with_zero_or_negative_counts_or_unknown_types_are_refused_naming_the_field_and_nothing_is_published() {
        Api committee = api().as("work-committee");
        Api.Response zero = committee.post("/api/compliance/rules/city/2031", Map.of("lateEntryDays", 7,
                "rules", List.of(rule("THEME_PARTY_DAY", 1, "MONTH"), rule("PARTY_LECTURE", 0, "QUARTER"))));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("errors").get(0).path("field").asString()).isEqualTo("rules[1].minCount");

        Api.Response negative = committee.post("/api/compliance/rules/city/2031", Map.of("lateEntryDays", 7,
                "rules", List.of(rule("PARTY_LECTURE", -2, "QUARTER"))));
        assertThat(negative.status()).isEqualTo(400);

        Api.Response unknown = committee.post("/api/compliance/rules/city/2031", Map.of("lateEntryDays", 7,
                "rules", List.of(rule("PICNIC", 1, "MONTH"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("rules[0].type");

        Api.Response noSuchPeriod = committee.post("/api/compliance/rules/city/2031", Map.of("lateEntryDays", 7,
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
            // both records are back-filled (late): each counts one half (issue 13 item 5), so January is not met either
            assertThat(committeeRule.path("parts").valueStream().map(p -> p.path("status").asString()))
                    .containsExactly("MISSED", "MISSED", "MISSED");
            assertThat(committeeRule.path("parts").valueStream().map(p -> p.path("count").asDouble()))
                    .containsExactly(0.5, 0.0, 0.0);
            assertThat(committeeRule.path("activityIds").valueStream().map(JsonNode::asString)).containsExactly(committeeMeeting);
            JsonNode lectureRule = ruleOf(q1, "PARTY_LECTURE", "NONE");
            assertThat(lectureRule.path("parts").get(0).path("count").asDouble()).as("23:30 on March 31st is Q1 (late: a half)")
                    .isEqualTo(0.5);
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
        // the department's matrix: each rule of each branch judged as the branch's own view judges it, without its records
        JsonNode branchView = api().as("caizheng-admin").get("/api/compliance/branches/" + BRANCH + "?period=" + year + "-Q1").json();
        java.util.function.Function<JsonNode, List<String>> judged = view -> view.path("rules").valueStream()
                .map(r -> r.path("type").asString() + "|" + r.path("period").asString() + "|" + r.path("scope").asString() + "|"
                        + r.path("condition").asString() + "|" + r.path("minCount").asInt() + "|" + r.path("status").asString() + "|"
                        + r.path("parts").toString()).toList();
        assertThat(judged.apply(branch)).isNotEmpty().isEqualTo(judged.apply(branchView));
        JsonNode committeeCell = ruleOf(branch, "BRANCH_COMMITTEE_MEETING", "NONE");
        assertThat(committeeCell.path("status").asString()).isEqualTo("MISSED");
        assertThat(committeeCell.path("parts").valueStream().map(p -> p.path("count").asDouble())).containsExactly(0.5, 0.0, 0.0);
        assertThat(committeeCell.has("activityIds")).as("a cell's records are read on the branch").isFalse();

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

    @org.springframework.beans.factory.annotation.Autowired
    PeriodCloseJob periodJob;

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

package cn.city.party.activity.activity;

import cn.city.party.activity.support.ActivityServiceIT;
import cn.city.party.common.test.Api;
import cn.city.party.common.contracts.DisciplineEventSamples;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityApiIT extends ActivityServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeEach
    void roster() {
        demoRoster();
    }

    private Api secretary() {
        return api().as("caizheng-secretary");
    }

    private long stored(String title) {
        return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("title").is(title)), Activity.class);
    }

    @Test
    void a_secretary_records_a_held_sitting_used_for_two_purposes_and_its_attendance_and_the_events_follow_the_contracts() {
        try (EventCapture events = capture(ActivityEvents.TOPIC, ActivityEvents.ATTENDANCE_TOPIC, ActivityEvents.STUDY_TOPIC)) {
            Api.Response created = secretary().post("/api/activities/records", record(
                    List.of("THEME_PARTY_DAY", "PARTY_LECTURE"), "主题党日暨党课",
                    held(Instant.now().minus(Duration.ofHours(20)), "书记讲党课，全体党员讨论。"), null));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode activity = created.json();
            String id = activity.path("id").asString();
            assertThat(activity.path("status").asString()).isEqualTo("HELD");
            assertThat(activity.path("multiPurpose").asBoolean()).isTrue();
            assertThat(activity.path("lateEntry").asBoolean()).isFalse();
            assertThat(activity.path("branchId").asString()).isEqualTo(BRANCH);
            assertThat(activity.path("held").path("attachments").get(0).path("name").asString()).isEqualTo("签到表.pdf");

            Api.Response attendance = secretary().put("/api/activities/" + id + "/attendance", Map.of("entries", List.of(
                    Map.of("memberId", "caizheng-m02", "attendance", "PRESENT"),
                    Map.of("memberId", "caizheng-m03", "attendance", "ABSENT", "reason", "未请假"),
                    Map.of("memberId", "caizheng-m04", "attendance", "EXCUSED", "reason", "出差"))));
            assertThat(attendance.status()).as(attendance.toString()).isEqualTo(200);
            // present ÷ the branch's 8 members on the day less the excused one: 1 / 7 (not 1 of the 3 lines recorded)
            assertThat(attendance.json().path("attendanceRate").asDouble()).isEqualTo(0.1429);

            JsonNode heldEvent = events.await(ActivityEvents.HELD.type(), e -> e.path("subject").asString().equals(id), WAIT);
            EventContracts.assertValid(heldEvent, ActivityEvents.HELD.schemaResource());
            assertThat(heldEvent.path("data").path("types").size()).isEqualTo(2);
            List<JsonNode> recorded = events.awaitExactly(ActivityEvents.ATTENDANCE_RECORDED.type(),
                    e -> e.path("subject").asString().equals(id), 3, WAIT);
            recorded.forEach(e -> EventContracts.assertValid(e, ActivityEvents.ATTENDANCE_RECORDED.schemaResource()));
            assertThat(recorded.toString()).as("no personal reasons in events").doesNotContain("未请假");

            // 党课 attended earns study credit hours: study-service learns each member's attendance, and its correction
            List<JsonNode> study = events.awaitExactly(ActivityEvents.STUDY_ATTENDED.type(),
                    e -> e.path("subject").asString().equals(id), 3, WAIT);
            study.forEach(e -> EventContracts.assertValid(e, ActivityEvents.STUDY_ATTENDED.schemaResource()));
            JsonNode m02 = study.stream().filter(e -> e.path("data").path("memberId").asString().equals("caizheng-m02"))
                    .findFirst().orElseThrow().path("data");
            assertThat(m02.path("kind").asString()).isEqualTo("PARTY_LECTURE");
            assertThat(m02.path("attendance").asString()).isEqualTo("PRESENT");
            assertThat(m02.path("title").asString()).isEqualTo("主题党日暨党课");
            assertThat(m02.path("lateEntry").asBoolean()).isFalse();
            secretary().put("/api/activities/" + id + "/attendance", Map.of("entries", List.of(
                    Map.of("memberId", "caizheng-m02", "attendance", "ABSENT", "reason", "记错了"))));
            assertThat(events.await(ActivityEvents.STUDY_ATTENDED.type(), e -> e.path("subject").asString().equals(id)
                    && e.path("data").path("attendance").asString().equals("ABSENT")
                    && e.path("data").path("memberId").asString().equals("caizheng-m02"), WAIT)).isNotNull();
            assertThat(secretary().get("/api/activities/" + id).json().path("replacedAttendance").get(0)
                    .path("attendance").asString()).as("the replaced entry is kept").isEqualTo("PRESENT");
        }
    }

    @Test
    void planned_then_held_then_amended_with_reason_keeps_the_previous_versions_and_archived_is_read_only() {
        try (EventCapture events = capture(ActivityEvents.TOPIC)) {
            Api.Response planned = secretary().post("/api/activities", Map.of("types", List.of("BRANCH_COMMITTEE_MEETING"),
                    "title", "支委会（计划）", "plannedAt", Instant.now().minus(Duration.ofHours(3)).toString()));
            assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
            String id = planned.json().path("id").asString();
            EventContracts.assertValid(events.await(ActivityEvents.SCHEDULED.type(),
                    e -> e.path("subject").asString().equals(id), WAIT), ActivityEvents.SCHEDULED.schemaResource());

            Instant at = Instant.now().minus(Duration.ofHours(2));
            assertThat(secretary().post("/api/activities/" + id + "/held", Map.of("held", held(at, "第一稿"))).status())
                    .isEqualTo(200);

            Api.Response noReason = secretary().put("/api/activities/" + id + "/record", Map.of("held", held(at, "第二稿")));
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");

            Api.Response amended = secretary().put("/api/activities/" + id + "/record",
                    Map.of("held", held(at, "第二稿"), "reason", "补充讨论内容"));
            assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
            JsonNode versions = amended.json().path("previousVersions");
            assertThat(versions.size()).isEqualTo(1);
            assertThat(versions.get(0).path("record").path("minutes").asString()).isEqualTo("第一稿");
            assertThat(versions.get(0).path("replacedBy").asString()).isEqualTo("caizheng-secretary");
            assertThat(versions.get(0).path("reason").asString()).isEqualTo("补充讨论内容");
            EventContracts.assertValid(events.await(ActivityEvents.AMENDED.type(),
                    e -> e.path("subject").asString().equals(id), WAIT), ActivityEvents.AMENDED.schemaResource());

            assertThat(secretary().post("/api/activities/" + id + "/archive", Map.of()).status()).isEqualTo(200);
            Api.Response afterArchive = secretary().put("/api/activities/" + id + "/record",
                    Map.of("held", held(at, "第三稿"), "reason", "再改"));
            assertThat(afterArchive.status()).isEqualTo(409);
            assertThat(secretary().get("/api/activities/" + id).json().path("held").path("minutes").asString()).isEqualTo("第二稿");
        }
    }

    @Test
    void a_planned_sitting_is_cancelled_with_a_reason() {
        try (EventCapture events = capture(ActivityEvents.TOPIC)) {
            String id = secretary().post("/api/activities", Map.of("types", List.of("THEME_PARTY_DAY"), "title", "将取消",
                    "plannedAt", Instant.now().plus(Duration.ofDays(3)).toString())).json().path("id").asString();
            assertThat(secretary().post("/api/activities/" + id + "/cancel", Map.of()).status()).isEqualTo(400);
            Api.Response cancelled = secretary().post("/api/activities/" + id + "/cancel", Map.of("reason", "与上级会议冲突"));
            assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
            EventContracts.assertValid(events.await(ActivityEvents.CANCELLED.type(),
                    e -> e.path("subject").asString().equals(id), WAIT), ActivityEvents.CANCELLED.schemaResource());
        }
    }

    @Test
    void a_late_entry_needs_a_reason_and_is_marked() {
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        Api.Response refused = secretary().post("/api/activities/records",
                record(List.of("THEME_PARTY_DAY"), "补录无原因", held(tenDaysAgo, "纪要"), null));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("lateReason");
        assertThat(refused.json().path("detail").asString()).contains("7天");
        assertThat(stored("补录无原因")).isZero();

        Api.Response late = secretary().post("/api/activities/records",
                record(List.of("THEME_PARTY_DAY"), "补录有原因", held(tenDaysAgo, "纪要"), "书记外出学习"));
        assertThat(late.status()).isEqualTo(201);
        assertThat(late.json().path("lateEntry").asBoolean()).isTrue();
        assertThat(late.json().path("lateReason").asString()).isEqualTo("书记外出学习");
    }

    @Test
    void a_meeting_in_the_future_cannot_be_recorded_as_held_and_nothing_is_stored() {
        Api.Response refused = secretary().post("/api/activities/records", record(List.of("THEME_PARTY_DAY"), "未来的会",
                held(Instant.now().plus(Duration.ofDays(2)), "纪要"), null));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("heldAt");
        assertThat(stored("未来的会")).isZero();
    }

    @Test
    void bad_input_names_the_fields() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("types", List.of());
        body.put("title", "");
        body.put("plannedAt", Instant.now().toString());
        Api.Response refused = secretary().post("/api/activities", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("types", "title");

        body.put("title", "坏日期");
        body.put("types", List.of("THEME_PARTY_DAY"));
        body.put("plannedAt", "not a date");
        assertThat(secretary().post("/api/activities", body).status()).isEqualTo(400);
        assertThat(stored("坏日期")).isZero();

        Api.Response unknownType = secretary().post("/api/activities", Map.of("types", List.of("PICNIC"), "title", "x",
                "plannedAt", Instant.now().toString()));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().path("errors").get(0).path("field").asString()).startsWith("types");

        Api.Response badPeriod = secretary().get("/api/activities?period=2026-13");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.json().path("errors").get(0).path("field").asString()).isEqualTo("period");
    }

    @Test
    void attendance_for_someone_not_in_the_branch_is_refused_and_nothing_changes() {
        String id = secretary().post("/api/activities/records", record(List.of("THEME_PARTY_DAY"), "出勤校验",
                held(Instant.now().minus(Duration.ofHours(5)), "纪要"), null)).json().path("id").asString();
        for (String outsider : List.of("caizheng-m09", "jiaoyu-m02", "nobody")) {
            Api.Response refused = secretary().put("/api/activities/" + id + "/attendance", Map.of("entries", List.of(
                    Map.of("memberId", "caizheng-m02", "attendance", "PRESENT"),
                    Map.of("memberId", outsider, "attendance", "PRESENT"))));
            assertThat(refused.status()).as(outsider).isEqualTo(422);
            assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("entries[1].memberId");
        }
        assertThat(secretary().get("/api/activities/" + id).json().path("attendance").size()).isZero();
    }

    @Test
    void secretaries_write_only_their_own_branch_and_other_departments_and_roles_are_refused() {
        String id = secretary().post("/api/activities/records", record(List.of("THEME_PARTY_DAY"), "访问控制",
                held(Instant.now().minus(Duration.ofHours(5)), "纪要"), null)).json().path("id").asString();

        assertThat(secretary().post("/api/activities", Map.of("branchId", "caizheng-branch-2", "types",
                List.of("THEME_PARTY_DAY"), "title", "别的支部", "plannedAt", Instant.now().toString())).status())
                .as("another branch of the same department").isEqualTo(403);
        assertThat(api().as("jiaoyu-secretary").get("/api/activities/" + id).status()).isEqualTo(404);
        assertThat(api().as("jiaoyu-secretary").put("/api/activities/" + id + "/record",
                Map.of("held", held(Instant.now().minusSeconds(60), "改"), "reason", "越权")).status()).isEqualTo(404);
        assertThat(api().as("jiaoyu-admin").get("/api/activities/" + id).status()).isEqualTo(404);
        assertThat(api().as("caizheng-admin").get("/api/activities/" + id).status()).isEqualTo(200);
        assertThat(api().as("work-committee").get("/api/activities/" + id).status()).isEqualTo(200);
        assertThat(api().as("caizheng-admin").post("/api/activities/records", record(List.of("THEME_PARTY_DAY"), "管理员",
                held(Instant.now().minusSeconds(60), "纪要"), null)).status()).isEqualTo(403);
        assertThat(api().as("caizheng-member").post("/api/activities/" + id + "/archive", Map.of()).status()).isEqualTo(403);
        assertThat(api().as("caizheng-inspector").get("/api/activities/" + id).status()).isEqualTo(403);
        assertThat(api().anonymous().get("/api/activities/" + id).status()).isEqualTo(401);

        Api member = api().as("caizheng-member");
        assertThat(member.get("/api/activities?branchId=caizheng-branch-2").status()).isEqualTo(403);
        assertThat(member.get("/api/activities?size=200").json().path("content").valueStream()
                .map(a -> a.path("branchId").asString()).distinct().toList()).containsExactly(BRANCH);
        assertThat(member.get("/api/activities/" + id).status()).as("its own branch's activity").isEqualTo(200);

        List<String> jiaoyuSees = api().as("jiaoyu-admin").get("/api/activities?size=200").json().path("content")
                .valueStream().map(a -> a.path("department").asString()).distinct().toList();
        assertThat(jiaoyuSees).doesNotContain("caizheng");
    }

    @Test
    void members_check_in_while_open_and_see_their_own_attendance_only() {
        String id = secretary().post("/api/activities", Map.of("types", List.of("THEME_PARTY_DAY"), "title", "签到测试",
                "plannedAt", Instant.now().plus(Duration.ofMinutes(10)).toString())).json().path("id").asString();
        Api member = api().as("caizheng-member");
        assertThat(member.post("/api/activities/" + id + "/check-in", Map.of()).status()).isEqualTo(409);
        assertThat(secretary().post("/api/activities/" + id + "/check-in/open", Map.of()).status()).isEqualTo(200);
        assertThat(api().as("jiaoyu-member").post("/api/activities/" + id + "/check-in", Map.of()).status()).isEqualTo(404);

        Api.Response checkedIn = member.post("/api/activities/" + id + "/check-in", Map.of());
        assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(200);
        secretary().put("/api/activities/" + id + "/attendance", Map.of("entries", List.of(
                Map.of("memberId", "caizheng-m03", "attendance", "EXCUSED", "reason", "病假"))));

        JsonNode seen = member.get("/api/activities/" + id).json();
        assertThat(seen.path("attendance").size()).isEqualTo(1);
        assertThat(seen.path("attendance").get(0).path("memberId").asString()).isEqualTo("caizheng-m02");
        assertThat(seen.path("attendance").get(0).path("selfCheckIn").asBoolean()).isTrue();
        assertThat(seen.toString()).doesNotContain("病假");
        int year = Instant.now().atZone(cn.city.party.activity.period.Period.ZONE).getYear();
        assertThat(member.get("/api/activities/my-attendance?year=" + year).json().valueStream()
                .filter(a -> a.path("activityId").asString().equals(id)).findFirst().orElseThrow()
                .path("attendance").asString()).isEqualTo("PRESENT");
    }

    @Test
    void a_member_inside_an_influence_period_cannot_be_rated_excellent_and_the_refusal_says_why() {
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, "party.discipline.sanction", "appraisal-s1", event(UUID.randomUUID().toString(),
                    "party.discipline.sanction.imposed.v1", "appraisal-s1", "caizheng", DisciplineEventSamples.sanctionImposed(
                            "appraisal-s1", "caizheng-m06", "caizheng", BRANCH, "WARNING", LocalDate.parse("2025-06-01"),
                            LocalDate.parse("2099-05-31"))));
        }
        await("the influence period is known", () -> mongo.findById("appraisal-s1",
                cn.city.party.activity.roster.InfluencePeriod.class) != null);
        String id = secretary().post("/api/activities/records", record(List.of("DEMOCRATIC_APPRAISAL",
                "ORGANIZATIONAL_LIFE_MEETING"), "民主评议党员", held(Instant.now().minus(Duration.ofHours(4)), "评议"), null))
                .json().path("id").asString();

        Api.Response refused = secretary().put("/api/activities/" + id + "/appraisals/caizheng-m06", Map.of("rating", "EXCELLENT"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("rating");
        assertThat(refused.json().path("detail").asString()).contains("处分影响期").contains("2099-05-31");
        assertThat(refused.json().path("detail").asString()).doesNotContain("WARNING").as("no sanction details");

        assertThat(secretary().put("/api/activities/" + id + "/appraisals/caizheng-m06", Map.of("rating", "QUALIFIED"))
                .status()).isEqualTo(200);
        JsonNode rated = secretary().put("/api/activities/" + id + "/appraisals/caizheng-m07", Map.of("rating", "EXCELLENT")).json();
        assertThat(rated.path("appraisals").valueStream().map(a -> a.path("memberId").asString() + "=" + a.path("rating").asString()))
                .containsExactlyInAnyOrder("caizheng-m06=QUALIFIED", "caizheng-m07=EXCELLENT");
        assertThat(secretary().put("/api/activities/" + id + "/appraisals/caizheng-m09", Map.of("rating", "QUALIFIED"))
                .status()).as("not in the branch").isEqualTo(422);
    }

    @Test
    void listing_is_paged_per_branch_and_period_and_leading_cadres_attendance_is_tracked_per_year() {
        Instant at = Instant.now().minus(Duration.ofHours(1));
        String period = cn.city.party.activity.period.Period.containing(cn.city.party.activity.period.PeriodKind.MONTH, at).toString();
        for (int i = 0; i < 3; i++) {
            String id = secretary().post("/api/activities/records", record(List.of("BRANCH_GENERAL_MEETING"), "分页" + i,
                    held(at, "纪要"), null)).json().path("id").asString();
            secretary().put("/api/activities/" + id + "/attendance", Map.of("entries", List.of(
                    Map.of("memberId", "caizheng-m03", "attendance", i == 0 ? "EXCUSED" : "PRESENT", "reason", "公务"))));
        }
        JsonNode page = api().as("caizheng-admin").get("/api/activities?branchId=" + BRANCH + "&period=" + period
                + "&type=BRANCH_GENERAL_MEETING&size=2&page=0").json();
        assertThat(page.path("content").size()).isEqualTo(2);
        assertThat(page.path("totalElements").asLong()).isGreaterThanOrEqualTo(3);

        int year = at.atZone(cn.city.party.activity.period.Period.ZONE).getYear();
        JsonNode cadres = api().as("caizheng-admin").get("/api/activities/leading-cadres?branchId=" + BRANCH + "&year=" + year).json();
        assertThat(cadres.valueStream().map(c -> c.path("memberId").asString())).containsExactly("caizheng-m03");
        assertThat(cadres.get(0).path("present").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(cadres.get(0).path("excused").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api().as("jiaoyu-admin").get("/api/activities/leading-cadres?branchId=" + BRANCH + "&year=" + year)
                .status()).isEqualTo(404);
    }

    @Test
    void volunteering_hours_are_logged_per_member_and_added_up_per_year() {
        Instant at = Instant.now().minus(Duration.ofHours(6));
        String id = secretary().post("/api/activities/records", record(List.of("VOLUNTEER_SERVICE"), "社区双报到",
                held(at, "清理楼道"), null)).json().path("id").asString();
        Api.Response refused = secretary().put("/api/activities/" + id + "/volunteer-hours", Map.of("entries", List.of(
                Map.of("memberId", "caizheng-m05", "hours", 0))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("entries[0].hours");
        assertThat(secretary().put("/api/activities/" + id + "/volunteer-hours", Map.of("entries", List.of(
                Map.of("memberId", "caizheng-m09", "hours", 2)))).status()).as("not in the branch").isEqualTo(422);

        assertThat(secretary().put("/api/activities/" + id + "/volunteer-hours", Map.of("entries", List.of(
                Map.of("memberId", "caizheng-m05", "hours", 2.5)))).status()).isEqualTo(200);
        int year = at.atZone(cn.city.party.activity.period.Period.ZONE).getYear();
        JsonNode m05 = api().as("caizheng-admin").get("/api/activities/volunteer-hours?branchId=" + BRANCH + "&year=" + year)
                .json().valueStream().filter(m -> m.path("memberId").asString().equals("caizheng-m05")).findFirst().orElseThrow();
        assertThat(m05.path("hours").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(m05.path("activityIds").valueStream().map(JsonNode::asString)).contains(id);
        assertThat(api().as("jiaoyu-admin").get("/api/activities/volunteer-hours?branchId=" + BRANCH + "&year=" + year)
                .status()).isEqualTo(404);
    }

    @Test
    void many_past_month_records_typed_in_one_sitting_are_reported_as_a_bulk_backfill() {
        Instant lastMonth = Instant.now().minus(Duration.ofDays(40));
        for (int i = 0; i < 5; i++) {
            assertThat(secretary().post("/api/activities/records", record(List.of("THEME_PARTY_DAY"), "集中补录" + i,
                    held(lastMonth.plus(Duration.ofHours(i)), "纪要"), "年底补台账")).status()).isEqualTo(201);
        }
        int year = Instant.now().atZone(cn.city.party.activity.period.Period.ZONE).getYear();
        JsonNode backfills = api().as("caizheng-admin").get("/api/activities/backfills?year=" + year).json();
        assertThat(backfills.valueStream().filter(b -> b.path("enteredBy").asString().equals("caizheng-secretary")))
                .anySatisfy(b -> assertThat(b.path("activityIds").size()).isGreaterThanOrEqualTo(5));
        assertThat(api().as("jiaoyu-admin").get("/api/activities/backfills?year=" + year).json().toString())
                .doesNotContain("caizheng");
        assertThat(api().as("caizheng-secretary").get("/api/activities/backfills?year=" + year).status()).isEqualTo(403);
    }
}

package cn.city.party.study.progress;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.study.StudyApiTest;
import cn.city.party.study.material.MaterialApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Study figures that count everyone, through the real broker: offline sittings recorded in activity-service earn
 * credit hours; a required material, an assignment or a roster change publishes the credits of members who never
 * studied.
 */
@PlatformIntegrationTest
class StudyFiguresApiIT extends StudyApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private int year() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).getYear();
    }

    private JsonNode mine(String user) {
        return api().as(user).get("/api/study/progress/mine?year=" + year()).json();
    }

    private String attended(String activityId, String memberId, Integer minutes, String attendance, Instant heldAt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("activityId", activityId);
        d.put("department", "jiaoyu");
        d.put("branchId", "jiaoyu-branch-1");
        d.put("memberId", memberId);
        d.put("kind", "CENTRAL_GROUP_STUDY");
        d.put("title", "理论学习中心组学习");
        d.put("heldAt", heldAt.toString());
        d.put("durationMinutes", minutes);
        d.put("attendance", attendance);
        d.put("lateEntry", false);
        return publish("party.activity.study-session", "party.activity.study-session.attended.v1", activityId, "jiaoyu", d);
    }

    @Test
    void an_offline_study_sitting_attended_earns_credit_hours_and_a_correction_to_absent_withdraws_them() {
        BigDecimal before = mine("jiaoyu-member").path("creditHours").decimalValue();
        String sitting = "sitting-" + UUID.randomUUID();
        Instant heldAt = clock.instant().minus(Duration.ofDays(1));

        try (EventCapture events = capture(ProgressEvents.CREDITS_TOPIC)) {
            attended(sitting, JIAOYU_MEMBER, 90, "PRESENT", heldAt);
            JsonNode credits = events.await(ProgressEvents.CREDITS_UPDATED.type(), e -> e.path("subject").asString().equals(JIAOYU_MEMBER)
                    && e.path("data").path("creditHours").decimalValue().compareTo(before.add(new BigDecimal("1.5"))) == 0, WAIT);
            EventContracts.assertValid(credits, ProgressEvents.CREDITS_UPDATED.schemaResource());
        }
        JsonNode after = mine("jiaoyu-member");
        assertThat(after.path("creditHours").decimalValue()).isEqualByComparingTo(before.add(new BigDecimal("1.5")));
        assertThat(after.path("offlineCreditHours").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("1.5"));

        // the attendance corrected to absent (a later event for the same sitting and member) withdraws the hours
        attended(sitting, JIAOYU_MEMBER, 90, "ABSENT", heldAt);
        await("the credit withdrawn", () -> mine("jiaoyu-member").path("creditHours").decimalValue().compareTo(before) == 0);
    }

    @Test
    void an_assignment_publishes_the_credits_of_every_member_it_reaches_including_those_who_never_studied() {
        String material = MaterialApiIT.published(api().as("jiaoyu-admin"),
                MaterialApiIT.material("必学-" + UUID.randomUUID(), "ALL", true, 1));
        try (EventCapture events = capture(ProgressEvents.CREDITS_TOPIC)) {
            Api.Response assigned = api().as("jiaoyu-admin").post("/api/study/assignments", Map.of("materialId", material,
                    "audience", "ALL", "dueOn", LocalDate.of(year(), 12, 31).toString()));
            assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
            int required = mine("jiaoyu-member").path("requiredTotal").asInt();

            for (String member : java.util.List.of("jiaoyu-m01", JIAOYU_MEMBER)) {
                JsonNode credits = events.await(ProgressEvents.CREDITS_UPDATED.type(), e -> e.path("subject").asString().equals(member)
                        && e.path("data").path("requiredTotal").asInt() == required, WAIT);
                EventContracts.assertValid(credits, ProgressEvents.CREDITS_UPDATED.schemaResource());
                assertThat(credits.path("data").path("branchId").asString()).isEqualTo("jiaoyu-branch-1");
                assertThat(credits.path("data").path("requiredCompleted").asInt()).isLessThan(required);
            }
        }
    }

    @Test
    void a_required_material_published_publishes_the_credits_of_every_member_it_reaches() {
        try (EventCapture events = capture(ProgressEvents.CREDITS_TOPIC)) {
            MaterialApiIT.published(api().as("jiaoyu-admin"), MaterialApiIT.material("必学-" + UUID.randomUUID(), "ALL", true, 1));
            int required = mine("jiaoyu-member").path("requiredTotal").asInt();
            for (String member : java.util.List.of("jiaoyu-m01", JIAOYU_MEMBER)) {
                JsonNode credits = events.await(ProgressEvents.CREDITS_UPDATED.type(), e -> e.path("subject").asString().equals(member)
                        && e.path("data").path("requiredTotal").asInt() == required, WAIT);
                assertThat(credits.path("data").path("requiredCompleted").asInt()).isLessThan(required);
            }
        }
    }

    @Test
    void a_member_joining_the_roster_has_credits_published_before_studying_anything() {
        String newcomer = "jiaoyu-new-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventCapture events = capture(ProgressEvents.CREDITS_TOPIC)) {
            admit(newcomer, "jiaoyu", "jiaoyu-branch-1", "FULL", false, null);
            JsonNode credits = events.await(ProgressEvents.CREDITS_UPDATED.type(),
                    e -> e.path("subject").asString().equals(newcomer), WAIT);
            assertThat(credits.path("data").path("creditHours").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(credits.path("data").path("requiredCompleted").asInt()).isZero();
            assertThat(credits.path("data").path("year").asInt()).isEqualTo(year());
        }
    }
}

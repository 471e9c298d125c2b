package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.ActivityEvents;
import cn.city.party.activity.assessment.AssessmentYears;
import cn.city.party.activity.period.Period;
import cn.city.party.activity.support.ActivityServiceIT;
import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClosedYearApiIT extends ActivityServiceIT {

    /** A year no other test writes to: closing it changes nothing for them. */
    private final int year = Instant.now().atZone(Period.ZONE).getYear() - 3;

    @Test
    void a_closed_year_is_read_only_and_a_correction_needs_the_department_admins_approval_with_a_reason() {
        demoRoster();
        Api secretary = api().as("caizheng-secretary");
        Api committee = api().as("work-committee");
        Instant heldAt = LocalDateTime.of(year, 6, 10, 15, 0).atZone(Period.ZONE).toInstant();
        try (EventCapture events = capture(AssessmentYears.TOPIC, ActivityEvents.CORRECTION_TOPIC)) {
            String id = secretary.post("/api/activities/records", record(List.of("THEME_PARTY_DAY"), "关账前的主题党日",
                    held(heldAt, "纪要"), "补录")).json().path("id").asString();

            assertThat(api().as("caizheng-admin").post("/api/compliance/years/" + year + "/close", Map.of()).status())
                    .isEqualTo(403);
            Api.Response closed = committee.post("/api/compliance/years/" + year + "/close", Map.of());
            assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
            assertThat(closed.json().path("closedBy").asString()).isEqualTo("work-committee");
            assertThat(committee.post("/api/compliance/years/" + year + "/close", Map.of()).status()).isEqualTo(409);
            assertThat(committee.post("/api/compliance/years/" + (year + 10) + "/close", Map.of()).status()).isEqualTo(422);
            JsonNode closedEvent = events.await(AssessmentYears.CLOSED.type(),
                    e -> e.path("data").path("year").asInt() == year, Duration.ofSeconds(30));
            EventContracts.assertValid(closedEvent, AssessmentYears.CLOSED.schemaResource());
            assertThat(secretary.get("/api/compliance/years/" + year).json().path("closed").asBoolean()).isTrue();

            Api.Response amend = secretary.put("/api/activities/" + id + "/record",
                    Map.of("held", held(heldAt, "改过的纪要"), "reason", "想改"));
            assertThat(amend.status()).isEqualTo(409);
            assertThat(amend.json().path("detail").asString()).contains(year + "年度考核已关账");
            assertThat(secretary.post("/api/activities/records", record(List.of("THEME_PARTY_DAY"), "关账后补录",
                    held(heldAt.plus(Duration.ofDays(3)), "纪要"), "补录")).status()).isEqualTo(409);
            assertThat(secretary.put("/api/activities/" + id + "/attendance", Map.of("entries", List.of(
                    Map.of("memberId", "caizheng-m02", "attendance", "PRESENT")))).status()).isEqualTo(409);

            Api.Response noReason = secretary.post("/api/activities/" + id + "/corrections",
                    Map.of("held", held(heldAt, "更正后的纪要"), "reason", " "));
            assertThat(noReason.status()).isEqualTo(400);
            Api.Response requested = secretary.post("/api/activities/" + id + "/corrections",
                    Map.of("held", held(heldAt, "更正后的纪要"), "reason", "纪要漏记表决结果"));
            assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
            assertThat(requested.json().path("held").path("minutes").asString()).as("not applied before approval")
                    .isEqualTo("纪要");
            String correction = requested.json().path("corrections").get(0).path("id").asString();

            String approve = "/api/activities/" + id + "/corrections/" + correction + "/approve";
            assertThat(secretary.post(approve, Map.of()).status()).isEqualTo(403);
            assertThat(api().as("jiaoyu-admin").post(approve, Map.of()).status()).isEqualTo(404);
            Api.Response approved = api().as("caizheng-admin").post(approve, Map.of());
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            JsonNode record = approved.json();
            assertThat(record.path("held").path("minutes").asString()).isEqualTo("更正后的纪要");
            assertThat(record.path("lateEntry").asBoolean()).isTrue();
            JsonNode decided = record.path("corrections").get(0);
            assertThat(decided.path("status").asString()).isEqualTo("APPROVED");
            assertThat(decided.path("decidedBy").asString()).isEqualTo("caizheng-admin");
            assertThat(decided.path("reason").asString()).isEqualTo("纪要漏记表决结果");
            assertThat(record.path("previousVersions").get(0).path("reason").asString()).isEqualTo("关账后更正：纪要漏记表决结果");
            assertThat(api().as("caizheng-admin").post(approve, Map.of()).status()).as("approved once").isEqualTo(409);

            JsonNode approvedEvent = events.await(ActivityEvents.CORRECTION_APPROVED.type(),
                    e -> e.path("subject").asString().equals(id), Duration.ofSeconds(30));
            EventContracts.assertValid(approvedEvent, ActivityEvents.CORRECTION_APPROVED.schemaResource());
            assertThat(approvedEvent.path("data").path("year").asInt()).isEqualTo(year);
            assertThat(approvedEvent.path("data").path("approvedBy").asString()).isEqualTo("caizheng-admin");
            assertThat(approvedEvent.path("data").path("requestedBy").asString()).isEqualTo("caizheng-secretary");
            assertThat(approvedEvent.path("data").path("reason").asString()).isEqualTo("纪要漏记表决结果");
        }
    }
}

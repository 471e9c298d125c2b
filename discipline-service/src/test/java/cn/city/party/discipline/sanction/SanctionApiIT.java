package cn.city.party.discipline.sanction;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.discipline.support.DisciplineApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sanctions through the API, and what really arrives on {@code party.discipline.sanction}. */
@PlatformIntegrationTest
class SanctionApiIT extends DisciplineApiTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void imposing_correcting_and_revoking_publish_their_events_exactly_as_documented() {
        try (EventCapture events = capture(SanctionEvents.TOPIC)) {
            Api inspector = api().as("caizheng-inspector");
            Api.Response imposed = inspector.post("/api/discipline/sanctions", Map.of(
                    "memberId", "caizheng-m05", "type", "SERIOUS_WARNING", "decidedOn", "2026-03-10"));
            assertThat(imposed.status()).as(imposed.toString()).isEqualTo(201);
            String id = imposed.json().path("id").asString();
            assertThat(imposed.json().path("influenceUntil").asString()).isEqualTo("2027-09-09");
            assertThat(imposed.json().path("branchId").asString()).isEqualTo("caizheng-branch-1");
            // the list gives a summary, the details are read one by one and every read is audited
            JsonNode line = inspector.get("/api/discipline/sanctions?memberId=caizheng-m05").json().valueStream()
                    .filter(s -> s.path("id").asString().equals(id)).findFirst().orElseThrow();
            assertThat(line.path("type").asString()).isEqualTo("SERIOUS_WARNING");
            assertThat(line.path("influenceUntil").asString()).isEqualTo("2027-09-09");
            assertThat(line.has("changes")).isFalse();
            inspector.get("/api/discipline/sanctions/" + id);
            assertThat(inspector.get("/api/discipline/audit/entries?targetId=" + id).json().valueStream()
                    .map(e -> e.path("action").asString()).toList()).containsExactly("sanction.imposed", "sanction.read");

            JsonNode event = events.await(SanctionEvents.IMPOSED.type(), e -> e.path("subject").asString().equals(id), WAIT);
            EventContracts.assertValid(event, SanctionEvents.IMPOSED.schemaResource());
            assertThat(event.path("department").asString()).isEqualTo("caizheng");
            assertThat(event.path("data").path("memberId").asString()).isEqualTo("caizheng-m05");
            assertThat(event.path("data").path("form").asInt()).isEqualTo(2);
            assertThat(event.path("data").path("influenceFrom").asString()).isEqualTo("2026-03-10");
            assertThat(event.path("data").path("influenceUntil").asString()).isEqualTo("2027-09-09");

            Api.Response corrected = inspector.post("/api/discipline/sanctions/" + id + "/corrections", Map.of(
                    "type", "PROBATION", "probationMonths", 24, "decidedOn", "2026-03-10", "reason", "复查更正"));
            assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
            JsonNode correction = events.await(SanctionEvents.CORRECTED.type(), e -> e.path("subject").asString().equals(id), WAIT);
            EventContracts.assertValid(correction, SanctionEvents.CORRECTED.schemaResource());
            assertThat(correction.path("data").path("type").asString()).isEqualTo("PROBATION");
            assertThat(correction.path("data").path("form").asInt()).isEqualTo(3);
            assertThat(correction.path("data").path("influenceUntil").asString()).isEqualTo("2028-03-09");

            String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
            Api.Response revoked = inspector.post("/api/discipline/sanctions/" + id + "/revocation",
                    Map.of("revokedOn", today, "reason", "申诉成立"));
            assertThat(revoked.json().path("status").asString()).isEqualTo("REVOKED");
            assertThat(revoked.json().path("inForce").asBoolean()).isFalse();
            JsonNode revocation = events.await(SanctionEvents.REVOKED.type(), e -> e.path("subject").asString().equals(id), WAIT);
            EventContracts.assertValid(revocation, SanctionEvents.REVOKED.schemaResource());
            assertThat(revocation.path("data").path("revokedOn").asString()).isEqualTo(today);

            assertThat(inspector.post("/api/discipline/sanctions/" + id + "/revocation",
                    Map.of("revokedOn", today, "reason", "再次")).status()).isEqualTo(409);
            assertThat(events.all(SanctionEvents.REVOKED.type(), e -> e.path("subject").asString().equals(id),
                    Duration.ofSeconds(1))).hasSize(1);
            for (JsonNode any : List.of(event, correction, revocation)) {
                assertThat(any.toString()).doesNotContain("复查更正").doesNotContain("申诉成立");
            }
        }
    }

    @Test
    void a_sanction_on_an_unknown_or_foreign_member_is_refused_and_nothing_is_published() {
        try (EventCapture events = capture(SanctionEvents.TOPIC)) {
            Api inspector = api().as("caizheng-inspector");
            Api.Response unknown = inspector.post("/api/discipline/sanctions", Map.of(
                    "memberId", "caizheng-m77", "type", "WARNING", "decidedOn", "2026-03-10"));
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("memberId");

            Api.Response foreign = inspector.post("/api/discipline/sanctions", Map.of(
                    "memberId", "jiaoyu-m03", "type", "WARNING", "decidedOn", "2026-03-10"));
            assertThat(foreign.status()).isEqualTo(422);

            Api.Response badProbation = inspector.post("/api/discipline/sanctions", Map.of(
                    "memberId", "caizheng-m06", "type", "PROBATION", "probationMonths", 18, "decidedOn", "2026-03-10"));
            assertThat(badProbation.status()).isEqualTo(422);
            assertThat(badProbation.json().path("errors").get(0).path("field").asString()).isEqualTo("probationMonths");

            assertThat(events.all(SanctionEvents.IMPOSED.type(), e -> List.of("caizheng-m77", "jiaoyu-m03", "caizheng-m06")
                    .contains(e.path("data").path("memberId").asString()), Duration.ofSeconds(2))).isEmpty();
            assertThat(inspector.get("/api/discipline/sanctions?memberId=caizheng-m06").json().size()).isZero();
        }
    }

    @Test
    void sanctions_are_for_inspectors_of_the_department_only() {
        String id = api().as("caizheng-inspector").post("/api/discipline/sanctions", Map.of(
                "memberId", "caizheng-m07", "type", "ADMONISHMENT", "decidedOn", "2026-02-01")).json().path("id").asString();
        for (String user : List.of("work-committee", "caizheng-admin", "caizheng-secretary", "caizheng-member")) {
            assertThat(api().as(user).get("/api/discipline/sanctions/" + id).status()).as(user).isEqualTo(403);
            assertThat(api().as(user).get("/api/discipline/sanctions").status()).as(user).isEqualTo(403);
            assertThat(api().as(user).post("/api/discipline/sanctions", Map.of("memberId", "caizheng-m07",
                    "type", "WARNING", "decidedOn", "2026-02-01")).status()).as(user).isEqualTo(403);
        }
        assertThat(api().as("jiaoyu-inspector").get("/api/discipline/sanctions/" + id).status()).isEqualTo(404);
        assertThat(api().as("jiaoyu-inspector").post("/api/discipline/sanctions", Map.of("department", "caizheng",
                "memberId", "caizheng-m07", "type", "WARNING", "decidedOn", "2026-02-01")).status()).isEqualTo(403);
        assertThat(api().as("city-inspector").get("/api/discipline/sanctions/" + id).json().path("influenceUntil")
                .asString()).isEqualTo("2026-07-31");
    }
}

package cn.city.party.discipline.roster;

import cn.city.party.common.test.EventCapture;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.discipline.support.DisciplineApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** org-service's member and organization events, fed through the real broker to the real listener. */
@PlatformIntegrationTest
class RosterContractIT extends DisciplineApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Optional<JsonNode> member(String id) {
        for (JsonNode m : api().as("city-inspector").get("/api/discipline/roster/members").json()) {
            if (m.path("memberId").asString().equals(id)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    @Test
    void an_admitted_member_joins_the_roster_and_a_redelivered_event_changes_nothing_twice() {
        String id = "caizheng-m90-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> admitted = member(id, "caizheng", "caizheng-branch-1", "原名", "PROBATIONARY");
        String admittedId = publishMember("admitted", admitted);
        await("admitted member", () -> member(id).isPresent());

        Map<String, Object> renamed = member(id, "caizheng", "caizheng-branch-1", "新名", "FULL");
        publishMember("changed", renamed);
        await("renamed member", () -> member(id).map(m -> m.path("name").asString().equals("新名")).orElse(false));

        // the admitted event arrives again (rebalance, relay retry): it must not roll the name back
        publish("party.org.member", "party.org.member.admitted.v1", id, "caizheng", admitted, admittedId);
        String marker = "caizheng-m91-" + UUID.randomUUID().toString().substring(0, 6);
        publishMember("admitted", member(marker, "caizheng", "caizheng-branch-1", "标记", "FULL"));
        await("the later marker event", () -> member(marker).isPresent());
        assertThat(member(id).orElseThrow().path("name").asString()).isEqualTo("新名");
        assertThat(member(id).orElseThrow().path("status").asString()).isEqualTo("FULL");
    }

    @Test
    void a_field_the_roster_does_not_know_is_ignored() {
        // docs/events.md: adding an optional field is not breaking, so org-service may publish one before this knows it
        String id = "caizheng-m96-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> admitted = member(id, "caizheng", "caizheng-branch-1", "新字段", "FULL");
        admitted.put("joinedBranchOn", "2015-03-01");
        publishMember("admitted", admitted);

        await("the member with a field unknown here", () -> member(id).isPresent());
        assertThat(member(id).orElseThrow().path("name").asString()).isEqualTo("新字段");
        assertThat(member(id).orElseThrow().has("joinedBranchOn")).isFalse();
    }

    @Test
    void a_transfer_moves_the_member_to_the_receiving_department() {
        String id = "caizheng-m92-" + UUID.randomUUID().toString().substring(0, 6);
        publishMember("admitted", member(id, "caizheng", "caizheng-branch-1", "转接人", "FULL"));
        await("admitted", () -> member(id).isPresent());

        Map<String, Object> transferred = member(id, "jiaoyu", "jiaoyu-branch-2", "转接人", "FULL");
        transferred.put("fromDepartment", "caizheng");
        transferred.put("fromBranchId", "caizheng-branch-1");
        publishMember("transferred", transferred);

        await("transferred", () -> member(id).map(m -> m.path("department").asString().equals("jiaoyu")).orElse(false));
        assertThat(api().as("caizheng-inspector").get("/api/discipline/roster/members").json().valueStream()
                .map(m -> m.path("memberId").asString())).doesNotContain(id);
    }

    @Test
    void an_event_that_would_re_home_a_stored_member_is_dead_lettered_and_changes_nothing() {
        String id = "caizheng-m94-" + UUID.randomUUID().toString().substring(0, 6);
        publishMember("admitted", member(id, "caizheng", "caizheng-branch-1", "原部门", "FULL"));
        await("admitted", () -> member(id).isPresent());

        try (EventCapture dlt = deadLetters("party.org.member")) {
            String rehomed = publishMember("changed", member(id, "jiaoyu", "jiaoyu-branch-1", "原部门", "FULL"));
            Map<String, Object> wrongOrigin = member(id, "jiaoyu", "jiaoyu-branch-1", "原部门", "FULL");
            wrongOrigin.put("fromDepartment", "jiaoyu"); // a transfer must leave the department the member is in
            wrongOrigin.put("fromBranchId", "jiaoyu-branch-2");
            String falseTransfer = publishMember("transferred", wrongOrigin);

            dlt.awaitExactly("party.org.member.changed.v1", e -> e.path("id").asString().equals(rehomed), 1, WAIT);
            dlt.awaitExactly("party.org.member.transferred.v1", e -> e.path("id").asString().equals(falseTransfer), 1, WAIT);
        }
        assertThat(member(id).orElseThrow().path("department").asString()).isEqualTo("caizheng");
        assertThat(member(id).orElseThrow().path("branchId").asString()).isEqualTo("caizheng-branch-1");
    }

    @Test
    void a_member_event_not_sent_by_org_service_is_dead_lettered_and_changes_nothing() {
        String id = "caizheng-m95-" + UUID.randomUUID().toString().substring(0, 6);
        String eventId = UUID.randomUUID().toString();
        try (EventCapture dlt = deadLetters("party.org.member")) {
            publishRaw("party.org.member", id, sentBy("/party/activity-service", event(eventId,
                    "party.org.member.admitted.v1", id, "caizheng", member(id, "caizheng", "caizheng-branch-1", "伪造", "FULL"))));
            dlt.awaitExactly("party.org.member.admitted.v1", e -> e.path("id").asString().equals(eventId), 1, WAIT);
        }
        assertThat(member(id)).isEmpty();
    }

    @Test
    void organizations_are_kept_and_a_dissolved_one_stays_known_but_inactive() {
        String id = "caizheng-branch-" + UUID.randomUUID().toString().substring(0, 6);
        publishOrganization("created", id, "caizheng", "BRANCH", "临时党支部", "caizheng-committee");
        publishOrganization("dissolved", id, "caizheng", "BRANCH", "临时党支部", "caizheng-committee");
        await("dissolved organization", () -> api().as("caizheng-inspector").get("/api/discipline/roster/organizations")
                .json().valueStream().anyMatch(o -> o.path("id").asString().equals(id)
                        && o.path("status").asString().equals("DISSOLVED")));
    }

    @Test
    void a_poison_message_goes_to_the_dead_letter_topic_and_the_listener_goes_on() {
        String deadLetters = "party.org.member." + consumerGroup + ".dlt";
        try (EventCapture dlt = capture(deadLetters)) {
            String poisonKey = "poison-" + UUID.randomUUID();
            publishRaw("party.org.member", poisonKey, "{ not an event");
            String id = "caizheng-m93-" + UUID.randomUUID().toString().substring(0, 6);
            publishMember("admitted", member(id, "caizheng", "caizheng-branch-2", "其后", "FULL"));

            await("the member after the poison message", () -> member(id).isPresent());
            await("the poison message in " + deadLetters, () -> dlt.records().stream()
                    .anyMatch(r -> poisonKey.equals(r.key())) || pollOnce(dlt));
        }
    }

    private static boolean pollOnce(EventCapture capture) {
        capture.all("none", e -> false, Duration.ofMillis(300));
        return false;
    }

    @Test
    void roster_is_for_inspectors_only_and_department_scoped() {
        assertThat(api().as("caizheng-admin").get("/api/discipline/roster/members").status()).isEqualTo(403);
        assertThat(api().as("work-committee").get("/api/discipline/roster/members").status()).isEqualTo(403);
        assertThat(api().as("caizheng-inspector").get("/api/discipline/roster/members").json().valueStream()
                .map(m -> m.path("department").asString()).distinct()).containsExactly("caizheng");
    }
}

package cn.city.party.org.committee;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class CommitteeApiIT extends OrgApiTest {

    @Test
    void a_branch_of_seven_full_members_elects_a_committee_for_three_years_and_an_event_announces_it() {
        String branch = newBranch("caizheng-admin", "caizheng");
        List<String> m = members("caizheng-admin", branch, 7);
        LocalDate start = today().minusMonths(1);
        try (EventCapture events = capture(CommitteeEvents.TOPIC)) {
            Api.Response elected = api().as("caizheng-admin").put("/api/org/organizations/" + branch + "/committee",
                    election(start, "SECRETARY", m.get(0), "ORGANIZATION", m.get(1), "PUBLICITY", m.get(2)));

            assertThat(elected.status()).isEqualTo(200);
            assertThat(elected.json().path("current").path("termEnd").asString()).isEqualTo(start.plusYears(3).toString());
            JsonNode event = events.await(CommitteeEvents.ELECTED.type(), e -> e.path("subject").asString().equals(branch),
                    Duration.ofSeconds(20));
            EventContracts.assertValid(event, CommitteeEvents.ELECTED.schemaResource());
            assertThat(event.path("data").path("posts").get(0).path("name").asString()).isEqualTo("委员0");
        }

        Api.Response next = api().as("caizheng-admin").put("/api/org/organizations/" + branch + "/committee",
                election(today(), "SECRETARY", m.get(3), "ORGANIZATION", m.get(4), "PUBLICITY", m.get(5)));
        assertThat(next.json().path("history").get(0).path("termStart").asString()).isEqualTo(start.toString());
        assertThat(api().as("work-committee").get("/api/org/organizations/" + branch + "/committee").json()
                .path("current").path("posts").get(0).path("memberId").asString()).isEqualTo(m.get(3));
    }

    @Test
    void a_small_branch_has_only_a_secretary_and_a_deputy_and_broken_line_ups_change_nothing() {
        String branch = newBranch("caizheng-admin", "caizheng");
        List<String> m = members("caizheng-admin", branch, 3);
        Api admin = api().as("caizheng-admin");
        String path = "/api/org/organizations/" + branch + "/committee";

        Api.Response tooMany = admin.put(path, election(today(), "SECRETARY", m.get(0), "ORGANIZATION", m.get(1), "PUBLICITY", m.get(2)));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(fields(tooMany)).containsExactly("posts");
        assertThat(tooMany.json().path("code").asString()).isEqualTo("committee.tooFewMembers");

        assertThat(admin.put(path, election(today(), "SECRETARY", m.get(0), "SECRETARY", m.get(1))).json()
                .path("code").asString()).isEqualTo("committee.oneSecretary");
        assertThat(fields(admin.put(path, election(today().plusDays(1), "SECRETARY", m.get(0))))).containsExactly("termStart");
        assertThat(admin.get(path).status()).as("nothing was stored").isEqualTo(404);

        assertThat(admin.put(path, election(today(), "SECRETARY", m.get(0), "DEPUTY_SECRETARY", m.get(1))).status()).isEqualTo(200);
    }

    @Test
    void a_member_inside_a_discipline_influence_period_cannot_be_elected() throws Exception {
        String branch = newBranch("caizheng-admin", "caizheng");
        List<String> m = members("caizheng-admin", branch, 2);
        sanctionImposed("s-" + m.get(0).substring(0, 8), m.get(0),
                "caizheng", branch, today().minusDays(1), today().plusMonths(6));
        awaitProfile("caizheng-admin", m.get(0), p -> p.path("inInfluencePeriod").asBoolean());

        Api.Response refused = api().as("caizheng-admin").put("/api/org/organizations/" + branch + "/committee",
                election(today(), "DEPUTY_SECRETARY", m.get(1), "SECRETARY", m.get(0)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("posts[1].memberId");
        assertThat(refused.json().path("code").asString()).isEqualTo("committee.inInfluencePeriod");
    }

    @Test
    void terms_ending_within_ninety_days_and_overdue_terms_are_listed_per_department() {
        String soon = newBranch("jiaoyu-admin", "jiaoyu");
        String overdue = newBranch("jiaoyu-admin", "jiaoyu");
        String fresh = newBranch("jiaoyu-admin", "jiaoyu");
        Api admin = api().as("jiaoyu-admin");
        admin.put("/api/org/organizations/" + soon + "/committee",
                election(today().minusYears(3).plusDays(30), "SECRETARY", admit("jiaoyu-admin", soon, "将到期")));
        admin.put("/api/org/organizations/" + overdue + "/committee",
                election(today().minusYears(3).minusDays(5), "SECRETARY", admit("jiaoyu-admin", overdue, "已超期")));
        admin.put("/api/org/organizations/" + fresh + "/committee",
                election(today().minusYears(1), "SECRETARY", admit("jiaoyu-admin", fresh, "新一届")));

        Map<String, String> due = new java.util.HashMap<>();
        admin.get("/api/org/committees/terms-due").json().valueStream()
                .forEach(t -> due.put(t.path("organizationId").asString(), t.path("state").asString()));
        assertThat(due).containsEntry(soon, "ENDING_SOON").containsEntry(overdue, "OVERDUE").doesNotContainKey(fresh);

        assertThat(api().as("caizheng-admin").get("/api/org/committees/terms-due").json().valueStream()
                .map(t -> t.path("organizationId").asString()).toList()).doesNotContain(soon, overdue);
        assertThat(api().as("work-committee").get("/api/org/committees/terms-due?department=jiaoyu").json().valueStream()
                .map(t -> t.path("organizationId").asString()).toList()).contains(soon, overdue);
        assertThat(api().as("jiaoyu-secretary").get("/api/org/committees/terms-due").status()).isEqualTo(403);
    }

    @Test
    void another_department_and_lower_roles_are_refused() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", branch, "书记候选");
        String path = "/api/org/organizations/" + branch + "/committee";

        assertThat(api().as("jiaoyu-admin").put(path, election(today(), "SECRETARY", member)).status()).isEqualTo(404);
        assertThat(api().as("caizheng-secretary").put(path, election(today(), "SECRETARY", member)).status()).isEqualTo(403);
        assertThat(api().as("work-committee").put(path, election(today(), "SECRETARY", member)).status()).isEqualTo(403);
        assertThat(api().as("caizheng-admin").put(path, election(today(), "SECRETARY", member)).status()).isEqualTo(200);
        assertThat(api().as("jiaoyu-admin").get(path).status()).isEqualTo(404);
        assertThat(api().as("caizheng-member").get(path).status()).isEqualTo(403);
        assertThat(api().as("caizheng-secretary").get(path).status()).as("not the secretary's branch").isEqualTo(404);
    }
}

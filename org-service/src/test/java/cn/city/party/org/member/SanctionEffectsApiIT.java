package cn.city.party.org.member;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a sanction does to the membership (docs/events.md): 开除党籍 ends it, 撤销党内职务 vacates the member's
 * committee posts and raises a by-election reminder; each is undone by the sanction's revocation. Through the real
 * broker: the sanction events as discipline-service publishes them, the effects as other services see them.
 */
@PlatformIntegrationTest
class SanctionEffectsApiIT extends OrgApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void an_expulsion_ends_the_membership_and_its_revocation_gives_it_back() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String expelled = admit("caizheng-admin", branch, "被开除");
        admit("caizheng-admin", branch, "乙");
        admit("caizheng-admin", branch, "丙");
        String sanction = "expulsion-" + expelled.substring(0, 8);

        try (EventCapture events = capture(MemberEvents.TOPIC)) {
            sanctionImposed("EXPULSION", sanction, expelled, "caizheng", branch, today().minusDays(1), today().plusYears(5));
            JsonNode profile = awaitProfile("caizheng-admin", expelled, p -> p.path("status").asString().equals("EXPELLED"));
            assertThat(profile.path("inInfluencePeriod").asBoolean()).isTrue();
            JsonNode changed = events.await(MemberEvents.STATUS_CHANGED.type(), e -> e.path("subject").asString().equals(expelled)
                    && e.path("data").path("status").asString().equals("EXPELLED"), WAIT);
            EventContracts.assertValid(changed, MemberEvents.STATUS_CHANGED.schemaResource());
            assertThat(changed.path("data").path("previousStatus").asString()).isEqualTo("FULL");
        }
        // off the roll: the branch counts two full members and is flagged below three
        JsonNode size = api().as("caizheng-admin").get("/api/org/organizations/caizheng-committee/subtree").json()
                .valueStream().filter(o -> o.path("id").asString().equals(branch)).findFirst().orElseThrow().path("size");
        assertThat(size.path("fullMembers").asLong()).isEqualTo(2);
        assertThat(size.path("flags").get(0).path("flag").asString()).isEqualTo("TOO_FEW_FULL_MEMBERS");
        // nobody can undo it by hand
        Api.Response byHand = api().as("caizheng-admin").post("/api/org/members/" + expelled + "/status", Map.of("status", "FULL"));
        assertThat(byHand.status()).isEqualTo(422);

        sanctionRevoked(sanction, expelled, "caizheng", today());
        JsonNode back = awaitProfile("caizheng-admin", expelled, p -> p.path("status").asString().equals("FULL"));
        assertThat(back.path("inInfluencePeriod").asBoolean()).isFalse();
    }

    @Test
    void removal_from_posts_vacates_the_seat_raises_a_by_election_reminder_and_its_revocation_restores_the_seat() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String secretary = admit("caizheng-admin", branch, "原书记");
        String deputy = admit("caizheng-admin", branch, "副书记");
        admit("caizheng-admin", branch, "党员");
        Api admin = api().as("caizheng-admin");
        String committee = "/api/org/organizations/" + branch + "/committee";
        assertThat(admin.put(committee, Map.of("termStart", today().minusMonths(6).toString(), "posts", List.of(
                Map.of("post", "SECRETARY", "memberId", secretary),
                Map.of("post", "DEPUTY_SECRETARY", "memberId", deputy)))).status()).isEqualTo(200);
        String sanction = "removal-" + secretary.substring(0, 8);

        try (EventCapture events = capture(cn.city.party.org.committee.CommitteeEvents.TOPIC)) {
            sanctionImposed("REMOVAL_FROM_POSTS", sanction, secretary, "caizheng", branch, today(), today().plusMonths(24).minusDays(1));
            JsonNode lineUp = events.await(cn.city.party.org.committee.CommitteeEvents.ELECTED.type(), e -> e.path("subject").asString().equals(branch)
                    && e.path("data").path("posts").size() == 1, WAIT);
            EventContracts.assertValid(lineUp, cn.city.party.org.committee.CommitteeEvents.ELECTED.schemaResource());
            assertThat(lineUp.path("data").path("posts").get(0).path("post").asString()).isEqualTo("DEPUTY_SECRETARY");
        }
        assertThat(admin.get(committee).json().path("current").path("posts").valueStream()
                .map(p -> p.path("memberId").asString()).toList()).containsExactly(deputy);
        JsonNode due = admin.get("/api/org/committees/by-elections-due?department=caizheng").json().valueStream()
                .filter(d -> d.path("organizationId").asString().equals(branch)).findFirst().orElseThrow();
        assertThat(due.path("post").asString()).isEqualTo("SECRETARY");
        assertThat(due.path("vacantSince").asString()).isEqualTo(today().toString());
        assertThat(api().as("jiaoyu-admin").get("/api/org/committees/by-elections-due").json().valueStream()
                .noneMatch(d -> d.path("organizationId").asString().equals(branch))).isTrue();

        sanctionRevoked(sanction, secretary, "caizheng", today());
        await("the seat given back", () -> admin.get(committee).json().path("current").path("posts").valueStream()
                .anyMatch(p -> p.path("memberId").asString().equals(secretary) && p.path("post").asString().equals("SECRETARY")));
        assertThat(admin.get("/api/org/committees/by-elections-due?department=caizheng").json().valueStream()
                .noneMatch(d -> d.path("organizationId").asString().equals(branch))).isTrue();
    }
}

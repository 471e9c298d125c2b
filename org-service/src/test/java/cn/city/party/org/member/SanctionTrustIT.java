package cn.city.party.org.member;

import cn.city.party.common.contracts.DisciplineEventSamples;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only discipline-service may put a member into an influence period, and only a member of the department its sanction
 * names: anything else is dead-lettered and leaves the member as it was.
 */
@PlatformIntegrationTest
class SanctionTrustIT extends OrgApiTest {

    private static final String TOPIC = "party.discipline.sanction";
    private static final String IMPOSED = "party.discipline.sanction.imposed.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void a_sanction_not_sent_by_discipline_service_is_dead_lettered_and_changes_nothing() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", branch, "伪造对象");
        String eventId = UUID.randomUUID().toString();
        String sanction = "forged-" + eventId.substring(0, 8);
        String genuine = event(eventId, IMPOSED, sanction, "caizheng", DisciplineEventSamples.sanctionImposed(sanction,
                member, "caizheng", branch, "SERIOUS_WARNING", today().minusDays(1), today().plusMonths(18)));

        try (EventCapture dlt = deadLetters(TOPIC)) {
            publishRaw(TOPIC, sanction, sentBy("/party/org-service", genuine));
            JsonNode dead = dlt.awaitExactly(IMPOSED, e -> e.path("id").asString().equals(eventId), 1, WAIT).get(0);
            assertThat(dead.path("source").asString()).isEqualTo("/party/org-service");
        }
        assertUntouched(member);
    }

    @Test
    void a_sanction_naming_another_department_than_the_members_is_dead_lettered_and_changes_nothing() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", branch, "他部门对象");
        String sanction = "foreign-" + member.substring(0, 8);

        try (EventCapture dlt = deadLetters(TOPIC)) {
            String eventId = publish(TOPIC, IMPOSED, sanction, "jiaoyu", DisciplineEventSamples.sanctionImposed(sanction,
                    member, "jiaoyu", "jiaoyu-branch-1", "WARNING", today().minusDays(1), today().plusMonths(12)));
            dlt.awaitExactly(IMPOSED, e -> e.path("id").asString().equals(eventId), 1, WAIT);
        }
        assertUntouched(member);
    }

    private void assertUntouched(String member) {
        JsonNode profile = api().as("caizheng-admin").get("/api/org/members/" + member).json();
        assertThat(profile.path("inInfluencePeriod").asBoolean()).isFalse();
        assertThat(profile.path("influencePeriods").size()).isZero();
    }
}

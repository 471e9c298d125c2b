package cn.city.party.study.roster;

import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.study.StudyApiTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** org-service's roster events, schema-valid by the consumer copies, through the real listener on the real broker. */
@PlatformIntegrationTest
class RosterContractIT extends StudyApiTest {

    @Test
    void an_admitted_member_lands_in_the_roster_and_a_redelivered_older_event_changes_nothing() {
        String id = "roster-" + UUID.randomUUID();
        String admitted = publish("party.org.member", "party.org.member.admitted.v1", id, "caizheng",
                memberData(id, "caizheng", "caizheng-branch-2", "PROBATIONARY", true, null));
        await("admission", () -> mongo.findById(id, RosterMember.class) != null);
        RosterMember member = mongo.findById(id, RosterMember.class);
        assertThat(member.newMember()).as("admitted as probationary = new member").isTrue();
        assertThat(member.leadingCadre()).isTrue();
        assertThat(member.branchId()).isEqualTo("caizheng-branch-2");

        publish("party.org.member", "party.org.member.changed.v1", id, "caizheng",
                memberData(id, "caizheng", "caizheng-branch-2", "PROBATIONARY", false, null));
        await("the change", () -> !mongo.findById(id, RosterMember.class).leadingCadre());

        publish("party.org.member", "party.org.member.admitted.v1", id, "caizheng",
                memberData(id, "caizheng", "caizheng-branch-2", "PROBATIONARY", true, null), admitted); // redelivered
        // a later record with the same key sits behind the redelivery in the same partition: once it is applied,
        // the redelivered admission has been processed too
        String marker = "marker-" + UUID.randomUUID();
        publish("party.org.member", "party.org.member.changed.v1", id, "caizheng",
                memberData(marker, "caizheng", "caizheng-branch-2", "FULL", false, null));
        await("the marker behind the redelivery", () -> mongo.findById(marker, RosterMember.class) != null);

        RosterMember after = mongo.findById(id, RosterMember.class);
        assertThat(after.leadingCadre()).as("the redelivered admission did not set the flag again").isFalse();
    }

    @Test
    void an_election_gives_the_secretary_flag_to_the_new_secretary_and_takes_it_from_the_old_one() {
        String branch = "branch-" + UUID.randomUUID();
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        admit(first, "jiaoyu", branch, "FULL", false, null);
        admit(second, "jiaoyu", branch, "FULL", false, null);
        elect(branch, "jiaoyu", first);
        await("first secretary", () -> isSecretary(first));

        elect(branch, "jiaoyu", second);
        await("second secretary", () -> isSecretary(second) && !isSecretary(first));
        assertThat(mongo.findById(branch, RosterOrganization.class).secretaryMemberId()).isEqualTo(second);
    }

    @Test
    void organizations_are_kept_from_their_events() {
        String id = "org-" + UUID.randomUUID();
        publish("party.org.organization", "party.org.organization.created.v1", id, "caizheng", Map.of("id", id,
                "department", "caizheng", "type", "BRANCH", "name", "第三党支部", "parentId", "caizheng-committee",
                "ancestors", List.of("caizheng-committee"), "status", "ACTIVE"));
        await("organization", () -> mongo.findById(id, RosterOrganization.class) != null);
        assertThat(mongo.findById(id, RosterOrganization.class).name()).isEqualTo("第三党支部");
    }

    @Test
    void a_message_that_is_no_event_does_not_stop_the_listener() {
        publishRaw("party.org.member", "poison", "not json at all");
        String id = "after-poison-" + UUID.randomUUID();
        admit(id, "caizheng", "caizheng-branch-1", "FULL", false, null);
        await("the member after the poison message", () -> mongo.findById(id, RosterMember.class) != null);
    }

    private boolean isSecretary(String memberId) {
        RosterMember m = mongo.findById(memberId, RosterMember.class);
        return m != null && m.secretary();
    }
}

package cn.city.party.org;

import cn.city.party.common.contracts.ProducerContracts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type org-service publishes has a contract in platform-common's test-jar, and its sample fits it. */
class EventContractsTest {

    @Test
    void every_event_type_fits_its_contract() {
        assertThat(ProducerContracts.assertEveryTypeFitsItsContract("cn.city.party.org")).containsExactly(
                "party.org.committee.elected.v1",
                "party.org.department.changed.v1",
                "party.org.department.registered.v1",
                "party.org.dues.arrears-flagged.v1",
                "party.org.member.admitted.v1",
                "party.org.member.changed.v1",
                "party.org.member.status-changed.v1",
                "party.org.member.transferred.v1",
                "party.org.organization.changed.v1",
                "party.org.organization.created.v1",
                "party.org.organization.dissolved.v1");
    }
}

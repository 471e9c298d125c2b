package cn.city.party.discipline;

import cn.city.party.common.contracts.ProducerContracts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type discipline-service publishes has a contract in platform-common's test-jar, and its sample fits it. */
class EventContractsTest {

    @Test
    void every_event_type_fits_its_contract() {
        assertThat(ProducerContracts.assertEveryTypeFitsItsContract("cn.city.party.discipline")).containsExactly(
                "party.discipline.accountability.recorded.v1",
                "party.discipline.notice.published.v1",
                "party.discipline.sanction.corrected.v1",
                "party.discipline.sanction.imposed.v1",
                "party.discipline.sanction.revoked.v1");
    }
}

package cn.city.party.activity;

import cn.city.party.common.contracts.ProducerContracts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type activity-service publishes has a contract in platform-common's test-jar, and its sample fits it. */
class EventContractsTest {

    @Test
    void every_event_type_fits_its_contract() {
        assertThat(ProducerContracts.assertEveryTypeFitsItsContract("cn.city.party.activity")).containsExactly(
                "party.activity.activity.amended.v1",
                "party.activity.activity.cancelled.v1",
                "party.activity.activity.held.v1",
                "party.activity.activity.scheduled.v1",
                "party.activity.assessment.closed.v1",
                "party.activity.attendance.recorded.v1",
                "party.activity.compliance.evaluated.v1",
                "party.activity.compliance.evaluated.v2",
                "party.activity.correction.approved.v1",
                "party.activity.study-session.attended.v1");
    }
}

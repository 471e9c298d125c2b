package cn.city.party.study;

import cn.city.party.common.contracts.ProducerContracts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type study-service publishes has a contract in platform-common's test-jar, and its sample fits it. */
class EventContractsTest {

    @Test
    void every_event_type_fits_its_contract() {
        assertThat(ProducerContracts.assertEveryTypeFitsItsContract("cn.city.party.study")).containsExactly(
                "party.study.assignment.created.v1",
                "party.study.credits.updated.v1",
                "party.study.exam.failed.v1",
                "party.study.exam.passed.v1",
                "party.study.material.published.v1",
                "party.study.progress.completed.v1");
    }
}

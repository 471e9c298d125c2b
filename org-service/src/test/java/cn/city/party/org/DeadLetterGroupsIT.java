package cn.city.party.org;

import cn.city.party.common.test.EventCapture;
import cn.city.party.common.test.PlatformIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer group that cannot read a record dead-letters it to its own topic ({@code <topic>.<group>.dlt}): three
 * groups of org-service read the sanctions (the service's own, here named per test context, the committee's and the
 * scorecard's), and each one's failure lands once in that group's dead letters, so replaying one group's dead letters
 * never feeds another listener.
 */
@PlatformIntegrationTest
class DeadLetterGroupsIT extends OrgApiTest {

    private static final String SANCTIONS = "party.discipline.sanction";
    private static final String COMPLIANCE = "party.activity.compliance";

    @Test
    void a_poison_sanction_lands_once_in_the_dead_letters_of_every_group_that_read_it() {
        String key = "poison-" + UUID.randomUUID();
        try (EventCapture members = deadLetters(SANCTIONS);
             EventCapture posts = capture(SANCTIONS + ".org-service-committee-sanctions.dlt");
             EventCapture scorecard = capture(SANCTIONS + ".org-service-scorecard.dlt")) {
            publishRaw(SANCTIONS, key, "this is not a CloudEvent {");

            assertThat(values(members, key)).containsExactly("this is not a CloudEvent {");
            assertThat(values(posts, key)).containsExactly("this is not a CloudEvent {");
            assertThat(values(scorecard, key)).containsExactly("this is not a CloudEvent {");
        }
    }

    @Test
    void a_poison_record_only_the_scorecard_reads_lands_in_the_scorecards_dead_letters_alone() {
        String key = "poison-" + UUID.randomUUID();
        try (EventCapture scorecard = capture(COMPLIANCE + ".org-service-scorecard.dlt");
             EventCapture service = deadLetters(COMPLIANCE)) {
            publishRaw(COMPLIANCE, key, "{\"not\": \"an event\"}");

            assertThat(values(scorecard, key)).containsExactly("{\"not\": \"an event\"}");
            assertThat(settled(service, key)).isEmpty();
        }
    }

    /** The values under {@code key} once the first has arrived and 2 s more have brought no other. */
    private static List<String> values(EventCapture dlt, String key) {
        await(key + " dead-lettered", () -> {
            dlt.all("none", e -> false, Duration.ofMillis(200)); // polls: the poison record is no event to match
            return !withKey(dlt, key).isEmpty();
        });
        return settled(dlt, key);
    }

    private static List<String> settled(EventCapture dlt, String key) {
        dlt.all("none", e -> false, Duration.ofSeconds(2));
        return withKey(dlt, key);
    }

    private static List<String> withKey(EventCapture dlt, String key) {
        return dlt.records().stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }
}

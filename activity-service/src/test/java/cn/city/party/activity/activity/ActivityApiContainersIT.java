package cn.city.party.activity.activity;

import cn.city.party.common.outbox.AggregateRoot;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.common.test.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

/** The same suite on the official MongoDB, Kafka and Keycloak images (skipped where Docker is missing). */
@PlatformIntegrationTest(TestInfrastructure.Kind.CONTAINERS)
@Testcontainers(disabledWithoutDocker = true)
class ActivityApiContainersIT extends ActivityApiIT {

    /**
     * The outbox relay asks every few seconds which sittings have events waiting: MongoDB answers from the outbox's
     * partial index, not by reading every sitting (the substitute keeps no such index, so only here).
     */
    @Test
    void the_relays_look_up_of_waiting_events_is_served_by_the_outbox_index() {
        Document explained = mongo.getCollection(mongo.getCollectionName(Activity.class))
                .find(new Query(AggregateRoot.pending()).getQueryObject()).explain();
        String winningPlan = explained.get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();

        assertThat(winningPlan).contains("\"stage\": \"IXSCAN\"", "\"indexName\": \"outbox_pending\"")
                .doesNotContain("COLLSCAN");
    }
}

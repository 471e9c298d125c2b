package cn.city.party.activity.activity;

import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.common.test.TestInfrastructure;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same suite on the official MongoDB, Kafka and Keycloak images (skipped where Docker is missing). */
@PlatformIntegrationTest(TestInfrastructure.Kind.CONTAINERS)
@Testcontainers(disabledWithoutDocker = true)
class ActivityApiContainersIT extends ActivityApiIT {
}

package cn.city.party.discipline.lead;

import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.common.test.TestInfrastructure;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The lead suite on the official MongoDB, Kafka and Keycloak images (runs where Docker exists, skipped here). */
@PlatformIntegrationTest(TestInfrastructure.Kind.CONTAINERS)
@Testcontainers(disabledWithoutDocker = true)
class LeadContainersIT extends LeadApiIT {
}

package cn.city.party.e2e;

import cn.city.party.common.test.TestInfrastructure;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same end-to-end suite with MongoDB, Kafka and Keycloak from their official images (needs Docker). */
@Testcontainers(disabledWithoutDocker = true)
class GatewaySecurityContainersE2EIT extends GatewaySecurityE2EIT {

    @Override
    protected TestInfrastructure.Kind infrastructure() {
        return TestInfrastructure.Kind.CONTAINERS;
    }
}

package cn.city.party.org.member;

import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.common.test.TestInfrastructure;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The member suite on the official MongoDB, Kafka and Keycloak images (where Docker exists). */
@PlatformIntegrationTest(TestInfrastructure.Kind.CONTAINERS)
@Testcontainers(disabledWithoutDocker = true)
class MemberContainersIT extends MemberApiIT {
}

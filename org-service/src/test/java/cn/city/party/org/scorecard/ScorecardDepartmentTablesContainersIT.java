package cn.city.party.org.scorecard;

import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.common.test.TestInfrastructure;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same kept-scorecard tests against real MongoDB and Kafka containers (skipped where there is no Docker). */
@PlatformIntegrationTest(TestInfrastructure.Kind.CONTAINERS)
@Testcontainers(disabledWithoutDocker = true)
class ScorecardDepartmentTablesContainersIT extends ScorecardDepartmentTablesIT {
}

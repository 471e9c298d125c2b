package cn.city.party.study.exam;

import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.common.test.TestInfrastructure;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The exam suite on the official MongoDB and Kafka images, where Docker exists (skipped here). */
@PlatformIntegrationTest(TestInfrastructure.Kind.CONTAINERS)
@Testcontainers(disabledWithoutDocker = true)
class ExamContainersIT extends ExamApiIT {
}

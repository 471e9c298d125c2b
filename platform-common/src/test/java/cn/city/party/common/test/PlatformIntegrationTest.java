package cn.city.party.common.test;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service test on real components: the whole application on a random port, wired to a real MongoDB wire-protocol
 * server, a real Kafka broker and the real Keycloak ({@link TestInfrastructure}). Each application context gets its
 * own database and consumer group. A subclass annotated {@code @PlatformIntegrationTest(CONTAINERS)} together with
 * {@code @Testcontainers(disabledWithoutDocker = true)} runs the same suite on the official images.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface PlatformIntegrationTest {

    TestInfrastructure.Kind value() default TestInfrastructure.Kind.EMBEDDED;
}

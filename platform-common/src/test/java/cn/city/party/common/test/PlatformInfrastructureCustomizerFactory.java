package cn.city.party.common.test;

import cn.city.party.infra.local.RealmFiles;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;
import java.util.UUID;

/** Points the application under test at the {@link TestInfrastructure} its {@link PlatformIntegrationTest} names. */
public class PlatformInfrastructureCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        PlatformIntegrationTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, PlatformIntegrationTest.class);
        return annotation == null ? null : new Customizer(annotation.value());
    }

    private record Customizer(TestInfrastructure.Kind kind) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestInfrastructure infrastructure = TestInfrastructure.of(kind);
            String unique = UUID.randomUUID().toString().substring(0, 8);
            String app = context.getEnvironment().getProperty("spring.application.name", "service");
            TestPropertyValues.of(
                    "spring.mongodb.uri=" + infrastructure.mongoUri(),
                    "spring.mongodb.database=" + app + "-test-" + unique,
                    "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                    "spring.kafka.consumer.group-id=" + app + "-test-" + unique,
                    "platform.security.issuer-uri=" + infrastructure.issuerUri(),
                    "platform.test.keycloak-url=" + infrastructure.keycloakUrl(),
                    "platform.security.clients=" + RealmFiles.LOCAL_API_CLIENTS,
                    // one line: the PEM's line breaks are not part of the key
                    "org.keycloak.client-key=" + infrastructure.orgServiceClientKey().replace("\n", ""),
                    "platform.outbox.poll-interval=100ms",
                    "platform.kafka.retry-interval=100ms"
            ).applyTo(context);
        }
    }
}

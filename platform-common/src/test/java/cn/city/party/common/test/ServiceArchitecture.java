package cn.city.party.common.test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture every service keeps: each service's {@code ArchitectureTest} extends this class with the
 * service's package. A service is
 * packaged by feature: {@code cn.city.party.<service>.<feature>}; classes directly in the service's package (the
 * application, its calendar and rules) are shared by all features.
 * <ul>
 *   <li>Features do not depend on each other in a cycle: one feature builds on another, never both ways. A feature
 *       that must tell a lower one something inverts the dependency (an interface the lower feature declares, or an
 *       event).</li>
 *   <li>Controllers do no persistence: no {@code MongoTemplate}, no writes through {@code ScopedMongo}, no outbox
 *       types. They check the request and call their feature's service.</li>
 *   <li>A feature's public surface is its services and other components, its domain and event types. Its adapters
 *       are its own: no other feature uses its controllers, its Kafka listeners or its scheduled jobs.</li>
 * </ul>
 */
public abstract class ServiceArchitecture {

    private static final String OUTBOX = "cn.city.party.common.outbox..";
    private static final String SCOPED_MONGO = "cn.city.party.common.tenancy.ScopedMongo";
    private static final Set<String> SCOPED_WRITES = Set.of("save", "insert", "findAndModify", "deleteById");

    /** The main classes of each service checked, imported once (JUnit makes an instance per test). */
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String basePackage;
    private final JavaClasses classes;

    /** The service whose features are the sub-packages of {@code basePackage}. */
    protected ServiceArchitecture(String basePackage) {
        this.basePackage = basePackage;
        this.classes = IMPORTED.computeIfAbsent(basePackage, base -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(base));
    }

    @Test
    void features_build_on_each_other_without_cycles() {
        slices().matching(basePackage + ".(*)..").namingSlices("feature '$1'").should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void controllers_leave_persistence_and_events_to_the_services() {
        ArchRule noStores = noClasses().that(areControllers())
                .should().dependOnClassesThat().areAssignableTo(MongoOperations.class)
                .orShould().dependOnClassesThat().resideInAPackage(OUTBOX)
                .orShould(writeThroughScopedMongo())
                .because("a controller calls its feature's service, which does the writing and raises the events");
        noStores.check(classes);
    }

    @Test
    void a_feature_uses_no_controller_listener_or_job_of_another() {
        classes().should(useNoAdapterOfAnotherFeature()).check(classes);
    }

    private static DescribedPredicate<JavaClass> areControllers() {
        return DescribedPredicate.describe("are controllers",
                c -> c.isAnnotatedWith(RestController.class) || c.getSimpleName().endsWith("Controller"));
    }

    /**
     * A controller, a Kafka listener or a scheduled job ({@code *Job}): how a feature is reached, not what others may
     * call. (A service that also runs on a schedule, like an audit-chain check, stays a service.)
     */
    private static boolean isAdapter(JavaClass c) {
        return areControllers().test(c) || c.getSimpleName().endsWith("Job")
                || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(KafkaListener.class));
    }

    private static ArchCondition<JavaClass> writeThroughScopedMongo() {
        return new ArchCondition<>("write through ScopedMongo") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaAccess<?> call : item.getMethodCallsFromSelf()) {
                    if (call.getTargetOwner().getName().equals(SCOPED_MONGO) && SCOPED_WRITES.contains(call.getName())) {
                        events.add(SimpleConditionEvent.satisfied(item, call.getDescription()));
                    }
                }
            }
        };
    }

    private ArchCondition<JavaClass> useNoAdapterOfAnotherFeature() {
        return new ArchCondition<>("use no controller, Kafka listener or scheduled job of another feature") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> own = feature(item);
                item.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> other = feature(target);
                    if (other.isPresent() && !other.equals(own) && isAdapter(target)) {
                        events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                    }
                });
            }
        };
    }

    /** The feature a class belongs to: the first package below the service's; none for the service's own. */
    private Optional<String> feature(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith(basePackage + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}

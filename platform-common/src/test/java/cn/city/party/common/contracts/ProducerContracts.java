package cn.city.party.common.contracts;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventType;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.test.Api;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A producer's side of the event contracts: every {@link EventType} the service declares, each checked with the
 * sample of its contract ({@link EventContracts#sample}) written by the platform's own {@link EventFactory}, so a
 * type without a schema or a sample, or a sample its schema refuses, fails the producer's build.
 */
public final class ProducerContracts {

    private ProducerContracts() {
    }

    /**
     * Asserts that every event type declared under {@code basePackage} (at least one) fits its contract; returns
     * the types checked ({@code party.org.member.admitted.v1}, …) in order.
     */
    public static List<String> assertEveryTypeFitsItsContract(String basePackage) {
        List<EventType> types = declaredUnder(basePackage);
        if (types.isEmpty()) {
            throw new AssertionError("no EventType constant under " + basePackage);
        }
        for (EventType type : types) {
            EventFactory factory = new EventFactory(EventType.owningService(type.topic()), Clock.systemUTC(),
                    new EventCodec(JsonMapper.builder().build()), Tracer.NOOP, Propagator.NOOP);
            JsonNode sample = EventContracts.sample(type.type());
            String department = sample.path("department").isString() ? sample.get("department").asString() : null;
            String payload = factory.create(type, "sample-aggregate", department, sample).payload();
            EventContracts.assertValid(Api.JSON.readTree(payload), type.schemaResource());
        }
        return types.stream().map(EventType::type).toList();
    }

    /** The {@code static final EventType} constants of the classes under {@code basePackage}, by type. */
    public static List<EventType> declaredUnder(String basePackage) {
        List<EventType> types = new ArrayList<>();
        try {
            MetadataReaderFactory readers = new CachingMetadataReaderFactory();
            Resource[] classes = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + basePackage.replace('.', '/') + "/**/*.class");
            for (Resource resource : classes) {
                Class<?> owner = Class.forName(readers.getMetadataReader(resource).getClassMetadata().getClassName());
                for (Field field : owner.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (field.getType() == EventType.class && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)) {
                        field.setAccessible(true);
                        types.add((EventType) field.get(null));
                    }
                }
            }
        } catch (IOException | ClassNotFoundException | IllegalAccessException e) {
            throw new IllegalStateException("cannot list the event types under " + basePackage, e);
        }
        types.sort(Comparator.comparing(EventType::type));
        return types;
    }
}

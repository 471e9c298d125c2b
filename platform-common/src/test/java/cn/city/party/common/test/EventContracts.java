package cn.city.party.common.test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Checks events against their documented contracts: the CloudEvents envelope ({@code events/cloudevent.schema.json}
 * in platform-common) and the data schema of the event's type, read from the class path
 * ({@code events/<type>.schema.json} on the producing side, {@code contracts/<type>.schema.json} on a consumer's).
 */
public final class EventContracts {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventContracts() {
    }

    /** Asserts that {@code event} is a valid envelope whose data fits the schema at {@code schemaResource}. */
    public static void assertValid(JsonNode event, String schemaResource) {
        assertFits(event, "events/cloudevent.schema.json");
        assertFits(event.get("data"), schemaResource);
    }

    public static void assertFits(JsonNode node, String schemaResource) {
        List<Error> errors = schema(schemaResource).validate(node);
        if (!errors.isEmpty()) {
            throw new AssertionError(schemaResource + " rejects " + node + ": " + errors);
        }
    }

    public static List<Error> errors(JsonNode node, String schemaResource) {
        return schema(schemaResource).validate(node);
    }

    private static Schema schema(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no schema " + resource + " on the class path");
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

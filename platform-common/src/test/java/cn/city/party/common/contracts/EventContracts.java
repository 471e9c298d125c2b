package cn.city.party.common.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The one copy of every event contract (docs/events.md, "Schemas"), read from this module's class path: the
 * CloudEvents envelope ({@code events/cloudevent.schema.json}), and for each type the JSON Schema of its data
 * ({@code events/<type>.schema.json}) and a sample of its data ({@code events/<type>.sample.json}). Producers check
 * what they publish against it, consumers what they feed their listeners.
 */
public final class EventContracts {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventContracts() {
    }

    /** The class-path resource of the schema of {@code type}'s data (what {@code EventType.schemaResource()} names). */
    public static String schemaResource(String type) {
        return "events/" + type + ".schema.json";
    }

    /** A fresh copy of the sample data of {@code type}, free to change before it is published. */
    public static ObjectNode sample(String type) {
        return (ObjectNode) read("events/" + type + ".sample.json", in -> JSON.readTree(in));
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

    private static Schema schema(String resource) {
        return read(resource, REGISTRY::getSchema);
    }

    private static <T> T read(String resource, Reader<T> reader) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no " + resource + " in platform-common's test-jar");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }
}

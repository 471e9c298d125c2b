package cn.city.party.common.events;

/**
 * One documented event contract: a name, its schema version and the topic it travels on. The CloudEvents type is
 * {@code <name>.v<version>}; its JSON Schema is {@code events/<type>.schema.json} in the producing service's
 * resources, and {@code dataschema} points at it.
 *
 * <p>Topic convention: {@code party.<service>.<aggregate>} (e.g. {@code party.org.member}), keyed by aggregate id;
 * a consumer's dead letters go to {@code <topic>.<consumer-group>.dlt}.
 */
public record EventType(String name, int version, String topic) {

    public EventType {
        if (!name.startsWith(topic + ".")) {
            throw new IllegalArgumentException("event " + name + " must be named under its topic " + topic);
        }
    }

    public String type() {
        return name + ".v" + version;
    }

    public String schemaUri() {
        return "urn:party-platform:schema:" + type();
    }

    public String schemaResource() {
        return "events/" + type() + ".schema.json";
    }

    public static String deadLetterTopic(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlt";
    }
}

package cn.city.party.common.events;

/**
 * One documented event contract: a name, its schema version and the topic it travels on. The CloudEvents type is
 * {@code <name>.v<version>}; its JSON Schema is {@code events/<type>.schema.json} in platform-common's test-jar
 * (owned by the producing service, beside a sample), and {@code dataschema} points at it.
 *
 * <p>Topic convention: {@code party.<service>.<aggregate>} (e.g. {@code party.org.member}), keyed by aggregate id;
 * a consumer's dead letters go to {@code <topic>.<consumer-group>.dlt}. Only {@code <service>-service} publishes on
 * {@code party.<service>.*} ({@link #owningSource}).
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

    /** The {@code source} of the one service that owns (alone publishes on) {@code topic}. */
    public static String owningSource(String topic) {
        return "/party/" + owningService(topic);
    }

    /** The service that owns {@code party.<service>.<aggregate>}: {@code <service>-service}. */
    public static String owningService(String topic) {
        String[] parts = topic.split("\\.");
        if (parts.length < 3 || !"party".equals(parts[0]) || parts[1].isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " is not named party.<service>.<aggregate>");
        }
        return parts[1] + "-service";
    }

    public static String deadLetterTopic(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlt";
    }
}

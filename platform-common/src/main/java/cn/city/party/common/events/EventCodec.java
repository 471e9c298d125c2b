package cn.city.party.common.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Objects;

/**
 * Writes and reads the CloudEvents JSON of {@link EventEnvelope}; a message that is not one is a poison message.
 * Reading is also where an event is first distrusted: it must come from the service that owns its topic
 * ({@link EventType#owningSource}) and its data may not name another department than its envelope. A field the
 * reader does not know is ignored, here for every event and every consumer: adding an optional field to an event is
 * not a breaking change (docs/events.md, "Versioning"), while the API's own requests stay strict.
 */
public class EventCodec {

    private final JsonMapper json;

    public EventCodec(JsonMapper json) {
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public String write(EventEnvelope envelope) {
        return json.writeValueAsString(envelope);
    }

    public JsonNode toTree(Object data) {
        return json.valueToTree(data);
    }

    /**
     * The event's data as {@code type}. Data that names a {@code department} must name the envelope's, the one the
     * read models' writes are checked against ({@link cn.city.party.common.messaging.ReadModelWriter}).
     */
    public <T> T data(EventEnvelope envelope, Class<T> type) {
        JsonNode named = envelope.data() == null ? null : envelope.data().get("department");
        String department = named == null || named.isNull() ? null : named.asString();
        if (named != null && !Objects.equals(department, envelope.department())) {
            throw new UntrustedEventException(describe(envelope) + " names department " + clip(department)
                    + " in its data but " + clip(envelope.department()) + " in its envelope");
        }
        try {
            return json.treeToValue(envelope.data(), type);
        } catch (JacksonException e) {
            throw new PoisonEventException("data of " + envelope.type() + " " + envelope.id() + " does not fit its schema", e);
        }
    }

    /** The event of a consumed record, refused unless its source is the owner of the record's topic. */
    public EventEnvelope read(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = read(record.value());
        String owner = EventType.owningSource(record.topic());
        if (!owner.equals(envelope.source())) {
            throw new UntrustedEventException(describe(envelope) + " on " + record.topic() + " comes from "
                    + clip(envelope.source()) + ", not from the topic's owner " + owner);
        }
        return envelope;
    }

    /** Names an event in a log line or a dead letter's header, never with its data. */
    public static String describe(EventEnvelope envelope) {
        return "event " + clip(envelope.id()) + " of type " + clip(envelope.type());
    }

    /** A claimed value for the log: short, on one line (it is whatever the sender wrote). */
    static String clip(String value) {
        if (value == null) {
            return "null";
        }
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "…";
    }

    private EventEnvelope read(String message) {
        try {
            EventEnvelope envelope = json.readValue(message, EventEnvelope.class);
            Objects.requireNonNull(envelope.id(), "id");
            Objects.requireNonNull(envelope.type(), "type");
            Objects.requireNonNull(envelope.source(), "source");
            if (!EventEnvelope.SPEC_VERSION.equals(envelope.specversion())) {
                throw new PoisonEventException("unsupported specversion " + envelope.specversion(), null);
            }
            return envelope;
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            throw new PoisonEventException("not a CloudEvents message: " + e.getMessage(), e);
        }
    }
}

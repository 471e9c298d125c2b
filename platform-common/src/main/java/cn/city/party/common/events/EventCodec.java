package cn.city.party.common.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Objects;

/** Writes and reads the CloudEvents JSON of {@link EventEnvelope}; a message that is not one is a poison message. */
public class EventCodec {

    private final JsonMapper json;

    public EventCodec(JsonMapper json) {
        this.json = json;
    }

    public String write(EventEnvelope envelope) {
        return json.writeValueAsString(envelope);
    }

    public JsonNode toTree(Object data) {
        return json.valueToTree(data);
    }

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return json.treeToValue(envelope.data(), type);
        } catch (JacksonException e) {
            throw new PoisonEventException("data of " + envelope.type() + " " + envelope.id() + " does not fit its schema", e);
        }
    }

    public EventEnvelope read(String message) {
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

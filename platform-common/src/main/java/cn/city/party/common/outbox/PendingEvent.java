package cn.city.party.common.outbox;

import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document until the relay has handed it to Kafka. It is written in the same
 * single-document write as the change it describes, so a change that was stored is always published and a change
 * that failed never is.
 *
 * @param eventId the CloudEvents id; indexed (sparse, as {@code outbox.eventId}) so that finding the documents
 *                with unpublished events does not scan the collection
 * @param topic   where it goes
 * @param key     the Kafka key (aggregate id)
 * @param payload the CloudEvents JSON, exactly as it will be sent
 * @param traceId the request id of the write (sent as {@code X-Request-Id})
 * @param traceparent the W3C trace context of the write, so that the relay, Kafka and the consumer that applies the
 *                    event continue the request's trace; none for a write outside a trace
 * @param createdAt when the event was raised (the outbox's age gauge reads it)
 */
public record PendingEvent(@Field(PendingEvent.ID_FIELD) @Indexed(sparse = true) String eventId, String topic, String key, String payload,
                           String traceId, String traceparent, Instant createdAt) {

    public static final String ID_FIELD = "eventId";
    public static final String CREATED_AT_FIELD = "createdAt";
}

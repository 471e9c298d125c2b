package cn.city.party.common.outbox;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.events.EventType;
import cn.city.party.common.web.RequestId;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the pending CloudEvents of this service (its {@code source}, the clock, the current request id and the
 * current trace context, which the relay continues when it publishes the event).
 */
public class EventFactory {

    private final String source;
    private final Clock clock;
    private final EventCodec codec;
    private final Tracer tracer;
    private final Propagator propagator;

    public EventFactory(String serviceName, Clock clock, EventCodec codec, Tracer tracer, Propagator propagator) {
        this.source = "/party/" + serviceName;
        this.clock = clock;
        this.codec = codec;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public PendingEvent create(EventType type, String aggregateId, String department, Object data) {
        String traceId = RequestId.current().orElse(null);
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), source,
                type.type(), aggregateId, clock.instant(), "application/json", type.schemaUri(), department, traceId,
                codec.toTree(data));
        return new PendingEvent(envelope.id(), type.topic(), aggregateId, codec.write(envelope), traceId,
                currentTraceparent(), envelope.time());
    }

    private String currentTraceparent() {
        var context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(context, headers, Map::put);
        return headers.get(OutboxRelay.TRACEPARENT);
    }
}

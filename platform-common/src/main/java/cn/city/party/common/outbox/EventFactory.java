package cn.city.party.common.outbox;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.events.EventType;
import cn.city.party.common.web.RequestId;

import java.time.Clock;
import java.util.UUID;

/** Builds the pending CloudEvents of this service (its {@code source}, the clock, the current request id). */
public class EventFactory {

    private final String source;
    private final Clock clock;
    private final EventCodec codec;

    public EventFactory(String serviceName, Clock clock, EventCodec codec) {
        this.source = "/party/" + serviceName;
        this.clock = clock;
        this.codec = codec;
    }

    public PendingEvent create(EventType type, String aggregateId, String department, Object data) {
        String traceId = RequestId.current().orElse(null);
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), source,
                type.type(), aggregateId, clock.instant(), "application/json", type.schemaUri(), department, traceId,
                codec.toTree(data));
        return new PendingEvent(envelope.id(), type.topic(), aggregateId, codec.write(envelope), traceId, envelope.time());
    }
}

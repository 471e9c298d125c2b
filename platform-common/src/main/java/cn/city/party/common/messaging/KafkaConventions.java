package cn.city.party.common.messaging;

import cn.city.party.common.events.EventType;
import cn.city.party.common.events.PoisonEventException;
import cn.city.party.common.events.UntrustedEventException;
import cn.city.party.common.web.RequestId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * How every consumer behaves: a failing record is retried a few times, then published to
 * {@code <topic>.<group>.dlt} with the failure in its headers, and the consumer moves on to the next record.
 * A poison message (not an event, or breaking its contract) skips the retries. Each dead letter counts in
 * {@code platform.kafka.dead.letters} (tags: the source topic, the consumer group, and the reason: {@code untrusted},
 * {@code poison} or {@code failed}).
 */
public final class KafkaConventions {

    private static final Logger log = LoggerFactory.getLogger(KafkaConventions.class);

    private KafkaConventions() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, String group, Duration retryInterval,
                                                   long retries, MeterRegistry meters) {
        // a listener with a group of its own (e.g. org-service's scorecard) dead-letters to that group's topic
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(EventType.deadLetterTopic(record.topic(), groupOf(group)), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            PoisonEventException poison = poisonCause(e);
            String reason = poison instanceof UntrustedEventException ? "untrusted" : poison != null ? "poison" : "failed";
            Counter.builder("platform.kafka.dead.letters").description("records moved to a dead-letter topic")
                    .tag("topic", record.topic()).tag("group", groupOf(group)).tag("reason", reason)
                    .register(meters).increment();
            if (poison instanceof UntrustedEventException) {
                log.warn("event at {}-{}@{} refused to the dead-letter topic: {}", record.topic(), record.partition(),
                        record.offset(), poison.getMessage());
            } else {
                // a poison reason names the event, never its data; another failure is named by its message
                log.error("event at {}-{}@{} moved to the dead-letter topic: {}", record.topic(), record.partition(),
                        record.offset(), poison != null ? poison.getMessage() : e.getMessage());
            }
            recoverer.accept(record, e);
        }, new FixedBackOff(retryInterval.toMillis(), retries));
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    private static String groupOf(String defaultGroup) {
        return Objects.requireNonNullElse(KafkaUtils.getConsumerGroupId(), defaultGroup);
    }

    private static PoisonEventException poisonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonEventException poison) {
                return poison;
            }
        }
        return null;
    }

    /** Carries the producing request's id from the Kafka header into the consumer's log context. */
    public static RecordInterceptor<Object, Object> requestIdInterceptor() {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                            org.apache.kafka.clients.consumer.Consumer<Object, Object> consumer) {
                Header header = record.headers().lastHeader(RequestId.HEADER);
                if (header != null) {
                    MDC.put(RequestId.MDC_KEY, RequestId.keepOrCreate(new String(header.value(), StandardCharsets.UTF_8)));
                }
                return record;
            }

            @Override
            public void afterRecord(ConsumerRecord<Object, Object> record,
                                    org.apache.kafka.clients.consumer.Consumer<Object, Object> consumer) {
                MDC.remove(RequestId.MDC_KEY);
            }
        };
    }
}

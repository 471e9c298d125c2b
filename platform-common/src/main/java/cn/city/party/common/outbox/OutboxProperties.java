package cn.city.party.common.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param pollInterval  how often the relay looks for events left unpublished (after a crash, or while Kafka was down);
 *                      saving an aggregate with pending events wakes it at once ({@link OutboxNudge}), so this is
 *                      only a safety net
 * @param lease         how long one relay instance owns a document's events while publishing them
 * @param sendTimeout   how long one send may take before the relay backs off
 * @param maxBackoff    the longest wait between attempts while Kafka is unreachable
 * @param batchSize     documents per pass
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(Duration pollInterval, Duration lease, Duration sendTimeout, Duration maxBackoff,
                               int batchSize) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
        batchSize = batchSize <= 0 ? 100 : batchSize;
    }
}

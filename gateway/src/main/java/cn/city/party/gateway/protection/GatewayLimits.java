package cn.city.party.gateway.protection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's limits ({@code platform.gateway.*} in application.yml, each with its environment variable).
 *
 * @param maxRequestSize the largest request body accepted (413 above it)
 * @param rateLimit      token buckets on {@code /api/**}: one per signed-in user, one per client address
 */
@ConfigurationProperties("platform.gateway")
public record GatewayLimits(DataSize maxRequestSize, RateLimit rateLimit) {

    public record RateLimit(Bucket perUser, Bucket perAddress) {
    }

    /**
     * @param capacity  the burst a client may send at once
     * @param perSecond the sustained rate the bucket refills at
     */
    public record Bucket(int capacity, double perSecond) {
    }
}

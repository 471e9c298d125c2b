package cn.city.party.gateway.protection;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per key (a user, an address): each holds up to {@code capacity} tokens and refills at
 * {@code perSecond}; a request takes one. Per gateway instance: with N instances behind a load balancer a client gets
 * up to N times the rate, which is fine for the purpose (no single client floods a service).
 */
final class TokenBuckets {

    /** Above this many keys, buckets that have refilled completely are dropped (they hold no information). */
    static final int SWEEP_ABOVE = 50_000;
    private static final long NANOS = 1_000_000_000L;

    private final double capacity;
    private final double perNano;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(GatewayLimits.Bucket limit, LongSupplier nanoClock) {
        if (limit.capacity() < 1 || limit.perSecond() <= 0) {
            throw new IllegalArgumentException("a bucket needs a capacity of at least 1 and a positive rate: " + limit);
        }
        this.capacity = limit.capacity();
        this.perNano = limit.perSecond() / NANOS;
        this.clock = nanoClock;
    }

    /** Takes a token for {@code key}: 0 when granted, otherwise the whole seconds until one is available. */
    long take(String key) {
        long now = clock.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> b.fullAt(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perNano / NANOS);
        }
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
        }

        synchronized boolean fullAt(long now) {
            return tokens + (now - updated) * perNano >= capacity;
        }
    }
}

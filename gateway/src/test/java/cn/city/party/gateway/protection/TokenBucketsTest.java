package cn.city.party.gateway.protection;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(new GatewayLimits.Bucket(3, 0.5), now::get);

    @Test
    void a_key_may_send_its_burst_then_waits_for_the_refill() {
        assertThat(buckets.take("user a")).isZero();
        assertThat(buckets.take("user a")).isZero();
        assertThat(buckets.take("user a")).isZero();

        assertThat(buckets.take("user a")).as("seconds until the next token at 0.5 per second").isEqualTo(2);
        now.addAndGet(2_000_000_000L);
        assertThat(buckets.take("user a")).isZero();
        assertThat(buckets.take("user a")).isEqualTo(2);
    }

    @Test
    void each_key_has_its_own_bucket() {
        for (int i = 0; i < 3; i++) {
            buckets.take("user a");
        }
        assertThat(buckets.take("user a")).isPositive();
        assertThat(buckets.take("user b")).isZero();
    }

    @Test
    void a_bucket_never_holds_more_than_its_capacity() {
        buckets.take("user a");
        now.addAndGet(3_600_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("user a")).isZero();
        }
        assertThat(buckets.take("user a")).isPositive();
    }
}

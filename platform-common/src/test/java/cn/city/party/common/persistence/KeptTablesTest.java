package cn.city.party.common.persistence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class KeptTablesTest {

    private static final String CAIZHENG = "caizheng/2026";
    private static final String JIAOYU = "jiaoyu/2026";
    private static final String CAIZHENG_BEFORE = "caizheng/2025";

    private final AtomicInteger evaluations = new AtomicInteger();

    private String evaluated(String what) {
        return what + " #" + evaluations.incrementAndGet();
    }

    @Test
    void a_table_is_kept_while_its_key_is_the_same_and_evaluated_again_when_it_differs() {
        KeptTables<String, Long, String> tables = new KeptTables<>(256);

        assertThat(tables.get(CAIZHENG, 7L, () -> evaluated("caizheng"))).isEqualTo("caizheng #1");
        assertThat(tables.get(CAIZHENG, 7L, () -> evaluated("caizheng"))).isEqualTo("caizheng #1");
        assertThat(tables.get(CAIZHENG, 8L, () -> evaluated("caizheng"))).as("a change since").isEqualTo("caizheng #2");
        assertThat(tables.get(CAIZHENG, 8L, () -> evaluated("caizheng"))).isEqualTo("caizheng #2");
        assertThat(tables.get(JIAOYU, 8L, () -> evaluated("jiaoyu"))).as("each table its own").isEqualTo("jiaoyu #3");
        assertThat(tables.get(CAIZHENG, 7L, () -> evaluated("caizheng"))).as("any other key, even an earlier one")
                .isEqualTo("caizheng #4");
        assertThat(evaluations).hasValue(4);
    }

    @Test
    void an_evaluation_gets_the_value_kept_before_it_to_evaluate_only_what_changed() {
        KeptTables<String, Long, String> tables = new KeptTables<>(256);

        assertThat(tables.get(CAIZHENG, 1L, previous -> previous + " then 1")).isEqualTo("null then 1");
        assertThat(tables.get(CAIZHENG, 1L, previous -> previous + " then again")).as("kept").isEqualTo("null then 1");
        assertThat(tables.get(CAIZHENG, 2L, previous -> previous + " then 2")).isEqualTo("null then 1 then 2");
        assertThat(tables.get(JIAOYU, 2L, previous -> previous + " then 2")).as("each table its own")
                .isEqualTo("null then 2");
    }

    @Test
    void at_most_capacity_tables_are_kept_and_the_one_asked_for_least_recently_goes_first() {
        KeptTables<String, Long, String> tables = new KeptTables<>(2);
        tables.get(CAIZHENG, 1L, () -> evaluated("caizheng"));
        tables.get(JIAOYU, 1L, () -> evaluated("jiaoyu"));
        tables.get(CAIZHENG, 1L, () -> evaluated("caizheng")); // kept; jiaoyu is now the one asked for least recently

        assertThat(tables.get(CAIZHENG_BEFORE, 1L, () -> evaluated("2025"))).isEqualTo("2025 #3");
        assertThat(tables.get(CAIZHENG, 1L, () -> evaluated("caizheng"))).as("still kept").isEqualTo("caizheng #1");
        assertThat(tables.get(JIAOYU, 1L, () -> evaluated("jiaoyu"))).as("dropped for 2025").isEqualTo("jiaoyu #4");
        assertThat(tables.get(CAIZHENG_BEFORE, 1L, () -> evaluated("2025"))).as("dropped for jiaoyu in turn")
                .isEqualTo("2025 #5");
    }

    @Test
    void callers_of_one_table_wait_for_one_evaluation_while_other_tables_are_served_meanwhile() {
        KeptTables<String, Long, String> tables = new KeptTables<>(256);
        CountDownLatch evaluating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> tables.get(CAIZHENG, 1L, () -> {
            evaluating.countDown();
            awaitLatch(release);
            return evaluated("caizheng");
        }));
        awaitLatch(evaluating);
        AtomicReference<Thread> secondCaller = new AtomicReference<>();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            secondCaller.set(Thread.currentThread());
            return tables.get(CAIZHENG, 1L, () -> evaluated("caizheng again"));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> secondCaller.get() != null
                && secondCaller.get().getState() == Thread.State.BLOCKED);

        assertThat(tables.get(JIAOYU, 1L, () -> evaluated("jiaoyu"))).as("not held up by caizheng's evaluation")
                .isEqualTo("jiaoyu #1");
        release.countDown();
        assertThat(first.join()).isEqualTo("caizheng #2");
        assertThat(second.join()).as("the table the first caller evaluated").isEqualTo("caizheng #2");
        assertThat(evaluations).hasValue(2);
    }

    @Test
    void keeping_no_table_at_all_is_refused() {
        assertThatThrownBy(() -> new KeptTables<String, Long, String>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package cn.city.party.activity.compliance;

import cn.city.party.activity.period.Period;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class KeptTablesTest {

    private static final Period Q1 = Period.quarter(2026, 1);
    private static final Period Q2 = Period.quarter(2026, 2);
    private static final Period YEAR = Period.year(2026);

    private final AtomicInteger evaluations = new AtomicInteger();

    private String evaluated(String what) {
        return what + " #" + evaluations.incrementAndGet();
    }

    @Test
    void a_table_is_kept_while_its_key_is_the_same_and_evaluated_again_when_it_differs() {
        KeptTables<Period, Long, String> tables = new KeptTables<>(64);

        assertThat(tables.get(Q1, 7L, () -> evaluated("Q1"))).isEqualTo("Q1 #1");
        assertThat(tables.get(Q1, 7L, () -> evaluated("Q1"))).isEqualTo("Q1 #1");
        assertThat(tables.get(Q1, 8L, () -> evaluated("Q1"))).as("a write since").isEqualTo("Q1 #2");
        assertThat(tables.get(Q1, 8L, () -> evaluated("Q1"))).isEqualTo("Q1 #2");
        assertThat(tables.get(Q2, 8L, () -> evaluated("Q2"))).as("each period its own table").isEqualTo("Q2 #3");
        assertThat(tables.get(Q1, 7L, () -> evaluated("Q1"))).as("any other key, even an earlier one").isEqualTo("Q1 #4");
        assertThat(evaluations).hasValue(4);
    }

    @Test
    void at_most_capacity_periods_are_kept_and_the_one_asked_for_least_recently_goes_first() {
        KeptTables<Period, Long, String> tables = new KeptTables<>(2);
        tables.get(Q1, 1L, () -> evaluated("Q1"));
        tables.get(Q2, 1L, () -> evaluated("Q2"));
        tables.get(Q1, 1L, () -> evaluated("Q1")); // kept; Q2 is now the one asked for least recently

        assertThat(tables.get(YEAR, 1L, () -> evaluated("year"))).isEqualTo("year #3");
        assertThat(tables.get(Q1, 1L, () -> evaluated("Q1"))).as("still kept").isEqualTo("Q1 #1");
        assertThat(tables.get(Q2, 1L, () -> evaluated("Q2"))).as("dropped for the year").isEqualTo("Q2 #4");
        assertThat(tables.get(YEAR, 1L, () -> evaluated("year"))).as("dropped for Q2 in turn").isEqualTo("year #5");
    }

    @Test
    void callers_of_one_period_wait_for_one_evaluation_while_other_periods_are_served_meanwhile() {
        KeptTables<Period, Long, String> tables = new KeptTables<>(64);
        CountDownLatch evaluating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> tables.get(Q1, 1L, () -> {
            evaluating.countDown();
            awaitLatch(release);
            return evaluated("Q1");
        }));
        awaitLatch(evaluating);
        AtomicReference<Thread> secondCaller = new AtomicReference<>();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            secondCaller.set(Thread.currentThread());
            return tables.get(Q1, 1L, () -> evaluated("Q1 again"));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> secondCaller.get() != null
                && secondCaller.get().getState() == Thread.State.BLOCKED);

        assertThat(tables.get(Q2, 1L, () -> evaluated("Q2"))).as("not held up by Q1's evaluation").isEqualTo("Q2 #1");
        release.countDown();
        assertThat(first.join()).isEqualTo("Q1 #2");
        assertThat(second.join()).as("the table the first caller evaluated").isEqualTo("Q1 #2");
        assertThat(evaluations).hasValue(2);
    }

    @Test
    void keeping_no_table_at_all_is_refused() {
        assertThatThrownBy(() -> new KeptTables<Period, Long, String>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package cn.city.party.org.scorecard;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Concurrent callers of the city ranking: never an answer older than the request, never two evaluations at once. */
class FreshShareTest {

    private final FreshShare<Integer> share = new FreshShare<>();
    private final AtomicInteger evaluations = new AtomicInteger();
    private final ExecutorService callers = Executors.newFixedThreadPool(3);

    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @Test
    void callers_who_ask_while_an_evaluation_runs_share_the_next_one_not_the_running_one() throws Exception {
        CompletableFuture<Integer> first = firstHeldBack(evaluations::incrementAndGet);
        List<CompletableFuture<Integer>> waiting = twoAskingMeanwhile();
        CompletableFuture<Integer> second = waiting.get(0);
        CompletableFuture<Integer> third = waiting.get(1);

        releaseFirst.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(evaluations).hasValue(2);
    }

    @Test
    void a_caller_after_an_evaluation_finished_gets_a_new_one() {
        assertThat(share.get(evaluations::incrementAndGet)).isEqualTo(1);
        assertThat(share.get(evaluations::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void when_the_running_evaluation_fails_its_waiting_callers_get_a_new_one() throws Exception {
        CompletableFuture<Integer> first = firstHeldBack(() -> {
            evaluations.incrementAndGet();
            throw new IllegalStateException("database gone");
        });
        List<CompletableFuture<Integer>> waiting = twoAskingMeanwhile();
        CompletableFuture<Integer> second = waiting.get(0);
        CompletableFuture<Integer> third = waiting.get(1);

        releaseFirst.countDown();

        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(evaluations).hasValue(2);
    }

    /** A first caller whose evaluation starts and then waits for {@link #releaseFirst}. */
    private CompletableFuture<Integer> firstHeldBack(Supplier<Integer> evaluation) throws InterruptedException {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> share.get(() -> {
            firstStarted.countDown();
            await(releaseFirst);
            return evaluation.get();
        }), callers);
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).as("the first evaluation started").isTrue();
        return first;
    }

    /** Two callers who ask while the first evaluation runs, once both wait for it. */
    private List<CompletableFuture<Integer>> twoAskingMeanwhile() throws InterruptedException {
        Thread[] waiting = new Thread[2];
        List<CompletableFuture<Integer>> asked = List.of(askFrom(waiting, 0), askFrom(waiting, 1));
        awaitParked(waiting);
        return asked;
    }

    private CompletableFuture<Integer> askFrom(Thread[] threads, int index) {
        return CompletableFuture.supplyAsync(() -> {
            threads[index] = Thread.currentThread();
            return share.get(evaluations::incrementAndGet);
        }, callers);
    }

    /** Until both callers are parked on the running evaluation (they asked while it ran). */
    private static void awaitParked(Thread[] threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(parked(threads[0]) && parked(threads[1]))) {
            assertThat(System.nanoTime()).as("callers parked within 5 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static boolean parked(Thread thread) {
        return thread != null && thread.getState() == Thread.State.WAITING;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

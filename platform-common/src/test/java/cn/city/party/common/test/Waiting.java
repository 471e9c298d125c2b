package cn.city.party.common.test;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The tests' one way to wait for an answer that becomes right (a read model catching up, a service coming back):
 * Awaitility, asking at once and then {@code every} until {@code within} has passed; a failure names what was awaited
 * and the last answer seen.
 */
public final class Waiting {

    private Waiting() {
    }

    public static <T> T until(String what, Duration within, Duration every, Supplier<T> call, Predicate<? super T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return Awaitility.await(what).atMost(within).pollDelay(Duration.ZERO).pollInterval(every)
                    .until(() -> {
                        last.set(call.get());
                        return last.get();
                    }, done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within " + within.toSeconds() + " s: " + what + "; last answer " + last.get());
        }
    }
}

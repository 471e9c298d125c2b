package cn.city.party.org.scorecard;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One evaluation at a time, shared by the callers that asked while another ran: each caller gets the result of an
 * evaluation that began after it asked, so nothing it sees is older than its request, and at most one evaluation runs
 * while any number wait. The city ranking reads every department's facts; twenty callers at once each reading them
 * again is what ran org-service out of heap on the whole city.
 */
final class FreshShare<V> {

    private final ReentrantLock running = new ReentrantLock();
    /** Evaluations begun so far; read without the lock when a caller asks. */
    private final AtomicLong begun = new AtomicLong();
    /** Guarded by {@link #running}: the number of the last evaluation that finished, and its result. */
    private long lastFinished;
    private V lastResult;

    V get(Supplier<V> evaluate) {
        long asked = begun.get();
        running.lock();
        try {
            if (lastFinished > asked) {
                return lastResult;
            }
            long number = begun.incrementAndGet();
            V result = evaluate.get();
            lastFinished = number;
            lastResult = result;
            return result;
        } finally {
            running.unlock();
        }
    }
}

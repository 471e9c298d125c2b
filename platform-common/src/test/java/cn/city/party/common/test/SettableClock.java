package cn.city.party.common.test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock standing still at the instant a test sets: for a second instance of a service that lives on another day. */
public final class SettableClock extends UtcClock {

    private final AtomicReference<Instant> now;

    public SettableClock(Instant now) {
        this.now = new AtomicReference<>(now);
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}

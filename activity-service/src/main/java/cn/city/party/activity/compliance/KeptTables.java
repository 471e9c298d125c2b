package cn.city.party.activity.compliance;

import cn.city.party.activity.period.Period;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per period, the last table evaluated and the key it was evaluated from, for at most {@code capacity} periods (the
 * one asked for least recently goes first). Thread-safe: the callers of one period wait for one evaluation rather than
 * each doing it again; other periods are not held up meanwhile.
 */
final class KeptTables<K, V> {

    /** Guarded by itself; in access order, so the eldest entry is the period asked for least recently. */
    private final Map<Period, Slot<K, V>> slots;

    KeptTables(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("at least one table must be kept, not " + capacity);
        }
        this.slots = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Period, Slot<K, V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The table kept for {@code period} if it was evaluated from {@code key}; else {@code evaluate}'s, kept from now on. */
    V get(Period period, K key, Supplier<V> evaluate) {
        Slot<K, V> slot;
        synchronized (slots) {
            slot = slots.computeIfAbsent(period, p -> new Slot<>());
        }
        return slot.get(key, evaluate);
    }

    private static final class Slot<K, V> {

        private K key;
        private V table;

        synchronized V get(K key, Supplier<V> evaluate) {
            if (!key.equals(this.key)) {
                table = evaluate.get();
                this.key = key;
            }
            return table;
        }
    }
}

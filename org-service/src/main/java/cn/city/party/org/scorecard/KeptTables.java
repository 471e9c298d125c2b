package cn.city.party.org.scorecard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per table ({@code T}, e.g. a department's year), the last value evaluated and the key it was evaluated from, for at
 * most {@code capacity} tables (the one asked for least recently goes first). Thread-safe: the callers of one table
 * wait for one evaluation rather than each doing it again; other tables are not held up meanwhile.
 */
final class KeptTables<T, K, V> {

    /** Guarded by itself; in access order, so the eldest entry is the table asked for least recently. */
    private final Map<T, Slot<K, V>> slots;

    KeptTables(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("at least one table must be kept, not " + capacity);
        }
        this.slots = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<T, Slot<K, V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value kept for {@code table} if it was evaluated from {@code key}; else {@code evaluate}'s, kept from now on. */
    V get(T table, K key, Supplier<V> evaluate) {
        Slot<K, V> slot;
        synchronized (slots) {
            slot = slots.computeIfAbsent(table, t -> new Slot<>());
        }
        return slot.get(key, evaluate);
    }

    private static final class Slot<K, V> {

        private K key;
        private V value;

        synchronized V get(K key, Supplier<V> evaluate) {
            if (!key.equals(this.key)) {
                value = evaluate.get();
                this.key = key;
            }
            return value;
        }
    }
}

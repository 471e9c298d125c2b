package cn.city.party.activity.compliance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per slot (a period, or a period and a department), the last table evaluated and the key it was evaluated from, for
 * at most {@code capacity} slots (the one asked for least recently goes first). Thread-safe: the callers of one slot
 * wait for one evaluation rather than each doing it again; other slots are not held up meanwhile.
 */
final class KeptTables<S, K, V> {

    /** Guarded by itself; in access order, so the eldest entry is the slot asked for least recently. */
    private final Map<S, Slot<K, V>> slots;

    KeptTables(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("at least one table must be kept, not " + capacity);
        }
        this.slots = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<S, Slot<K, V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The table kept for {@code slot} if it was evaluated from {@code key}; else {@code evaluate}'s, kept from now on. */
    V get(S at, K key, Supplier<V> evaluate) {
        Slot<K, V> slot;
        synchronized (slots) {
            slot = slots.computeIfAbsent(at, p -> new Slot<>());
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

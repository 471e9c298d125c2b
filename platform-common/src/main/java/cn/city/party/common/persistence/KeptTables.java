package cn.city.party.common.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Per table ({@code T}, e.g. a department's year), the last value evaluated and the key it was evaluated from, for at
 * most {@code capacity} tables (the one asked for least recently goes first). Thread-safe: the callers of one table
 * wait for one evaluation rather than each doing it again; other tables are not held up meanwhile.
 * <p>
 * For figures evaluated from many documents and served again while what they were evaluated from is unchanged: the
 * caller reads that key from the database on every call (a change count, the rule versions in force, the day), so a
 * change made through any instance is seen by every instance's next call.
 */
public final class KeptTables<T, K, V> {

    /** Guarded by itself; in access order, so the eldest entry is the table asked for least recently. */
    private final Map<T, Slot<K, V>> slots;

    public KeptTables(int capacity) {
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
    public V get(T table, K key, Supplier<V> evaluate) {
        return get(table, key, previous -> evaluate.get());
    }

    /**
     * As {@link #get(Object, Object, Supplier)}, with the value kept before (null if none) handed to {@code evaluate},
     * so that it can evaluate again only the part that changed.
     */
    public V get(T table, K key, UnaryOperator<V> evaluate) {
        Slot<K, V> slot;
        synchronized (slots) {
            slot = slots.computeIfAbsent(table, t -> new Slot<>());
        }
        return slot.get(key, evaluate);
    }

    private static final class Slot<K, V> {

        private K key;
        private V value;

        synchronized V get(K key, UnaryOperator<V> evaluate) {
            if (!key.equals(this.key)) {
                value = evaluate.apply(value);
                this.key = key;
            }
            return value;
        }
    }
}

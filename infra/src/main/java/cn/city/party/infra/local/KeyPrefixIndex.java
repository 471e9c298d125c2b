package cn.city.party.infra.local;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.CannotIndexParallelArraysError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the substitute keeps in memory for one declared index of a collection: each document's values of the index's
 * keys, in key order, so that a query pinning the leading keys reads only the documents holding those values, as
 * MongoDB's index scan does. mongo-java-server 1.47 keeps no secondary index at all ("not yet implemented") and
 * serves a unique one only for a query on exactly its keys, so every other query read its whole collection.
 *
 * <p>A query is served when it pins the first key to a value ({@code {department: "d"}}, {@code {$eq}}) or to a list
 * ({@code $in}), or asks only that it exists (the outbox relay's {@code {"outbox.eventId": {$exists: true}}}); each
 * next key pinned to a value narrows it further. Whatever else the query says is still matched on every document
 * found, so a lookup only has to find every document that can match, never only those. A document without the first
 * key can match none of these, so it is not kept: the outbox's index holds only the documents with events waiting.
 */
final class KeyPrefixIndex {

    /** Sorts after every value, so that {@code prefix + ABOVE_ALL} bounds all entries starting with the prefix. */
    private static final Object ABOVE_ALL = new Object();
    private static final ValueComparator VALUES = ValueComparator.asc();

    private final Index<?> declared;
    private final Index<?> firstKey;
    private final List<String> keys;
    /** Each entry is the document's key values followed by its position, so equal key values stay apart. */
    private final NavigableSet<KeyValue> entries = new TreeSet<>(KeyPrefixIndex::compare);
    /**
     * The first key's value and the position of documents that have no entry for all keys: an empty array under a
     * later key (there is nothing to combine the first key's value with), or arrays under two keys, which MongoDB
     * refuses to index and this server stores anyway. Only the first key can find them.
     */
    private final NavigableSet<KeyValue> firstKeyOnly = new TreeSet<>(KeyPrefixIndex::compare);

    KeyPrefixIndex(Index<?> declared) {
        this.declared = declared;
        this.keys = declared.getKeys().stream().map(IndexKey::getKey).toList();
        this.firstKey = new EmptyIndex<>(declared.getName(), declared.getKeys().subList(0, 1));
    }

    String name() {
        return declared.getName();
    }

    synchronized void add(Document document, Object position) {
        if (!hasFirstKey(document)) {
            return;
        }
        Set<KeyValue> all = keyValues(document);
        all.forEach(values -> entries.add(append(values, position)));
        if (all.isEmpty()) {
            firstKey.getKeyValues(document).forEach(values -> firstKeyOnly.add(append(values, position)));
        }
    }

    synchronized void remove(Document document, Object position) {
        keyValues(document).forEach(values -> entries.remove(append(values, position)));
        firstKey.getKeyValues(document).forEach(values -> firstKeyOnly.remove(append(values, position)));
    }

    private Set<KeyValue> keyValues(Document document) {
        try {
            return declared.getKeyValues(document);
        } catch (CannotIndexParallelArraysError parallelArrays) {
            return Set.of();
        }
    }

    /** Whether the document has the first key, null included ({@code $exists}); one element of an array is enough. */
    private boolean hasFirstKey(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, keys.get(0));
        return value instanceof Collection<?> elements ? elements.stream().anyMatch(element -> !(element instanceof Missing))
                : !(value instanceof Missing);
    }

    /** How this index would serve the query, if it can. */
    Optional<Lookup> lookup(Document query) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        collectConditions(query, conditions);
        if (!conditions.containsKey(keys.get(0))) {
            return Optional.empty();
        }
        Object first = conditions.get(keys.get(0));
        Optional<List<Object>> firstValues = pinnedValues(first);
        if (firstValues.isEmpty()) {
            return existsOnly(first) ? Optional.of(new Lookup(this, true, List.of(), 1)) : Optional.empty();
        }
        List<Object> rest = new ArrayList<>();
        for (String key : keys.subList(1, keys.size())) {
            Optional<List<Object>> pinned = conditions.containsKey(key) ? pinnedValue(conditions.get(key)) : Optional.empty();
            if (pinned.isEmpty()) {
                break;
            }
            rest.addAll(pinned.get());
        }
        List<KeyValue> prefixes = firstValues.get().stream().map(value -> {
            List<Object> prefix = new ArrayList<>();
            prefix.add(value);
            prefix.addAll(rest);
            return new KeyValue(prefix).normalized();
        }).toList();
        return Optional.of(new Lookup(this, false, prefixes, 2 * (1 + rest.size())));
    }

    /**
     * A way to answer a query from one index: every document the index keeps, or those under the key prefixes, and how
     * narrow that is, so that the narrowest of a collection's indexes is read.
     */
    record Lookup(KeyPrefixIndex index, boolean everyDocument, List<KeyValue> prefixes, int strength) {

        /** The positions of the documents that may match, each once, in the order of their ids. */
        Collection<Object> positions() {
            return index.positions(everyDocument, prefixes);
        }
    }

    private synchronized Collection<Object> positions(boolean everyDocument, List<KeyValue> prefixes) {
        Set<Object> positions = new TreeSet<>(VALUES);
        if (everyDocument) {
            entries.forEach(entry -> positions.add(position(entry)));
            firstKeyOnly.forEach(entry -> positions.add(position(entry)));
        }
        for (KeyValue prefix : prefixes) {
            startingWith(entries, prefix).forEach(entry -> positions.add(position(entry)));
            startingWith(firstKeyOnly, new KeyValue(prefix.get(0))).forEach(entry -> positions.add(position(entry)));
        }
        return positions;
    }

    private static Set<KeyValue> startingWith(NavigableSet<KeyValue> entries, KeyValue prefix) {
        return entries.subSet(prefix, true, append(prefix, ABOVE_ALL), true);
    }

    /** The query's conditions on fields: its own and those of its top-level {@code $and} terms, the first for each field. */
    private static void collectConditions(Document query, Map<String, Object> conditions) {
        query.forEach((field, condition) -> {
            if (field.equals("$and") && condition instanceof List<?> terms) {
                terms.stream().filter(Document.class::isInstance).forEach(term -> collectConditions((Document) term, conditions));
            } else if (!field.startsWith("$")) {
                conditions.putIfAbsent(field, condition);
            }
        });
    }

    /** The values a condition pins the field to: one for a value or {@code $eq}, the list of an {@code $in}. */
    private static Optional<List<Object>> pinnedValues(Object condition) {
        if (condition instanceof Document operators && isOperators(operators) && operators.get("$in") instanceof List<?> in
                && !operators.containsKey("$eq")) {
            return in.stream().allMatch(KeyPrefixIndex::isPlainValue) ? Optional.of(List.copyOf(in)) : Optional.empty();
        }
        return pinnedValue(condition);
    }

    private static Optional<List<Object>> pinnedValue(Object condition) {
        Object value = condition instanceof Document operators && isOperators(operators) ? operators.get("$eq") : condition;
        return isPlainValue(value) ? Optional.of(List.of(value)) : Optional.empty();
    }

    private static boolean existsOnly(Object condition) {
        return condition instanceof Document operators && isOperators(operators) && Utils.isTrue(operators.get("$exists"));
    }

    /** {@code {$in: …}} rather than an embedded document the field must equal. */
    private static boolean isOperators(Document condition) {
        return !condition.isEmpty() && condition.keySet().stream().allMatch(key -> key.startsWith("$"));
    }

    /**
     * A value an index entry can equal. Not null (it also matches a missing field), nor a list (MongoDB compares it as a
     * whole as well as element by element), nor a document or a pattern.
     */
    private static boolean isPlainValue(Object value) {
        return value != null && !(value instanceof Missing) && !(value instanceof Document) && !(value instanceof Collection)
                && !(value instanceof Pattern) && !BsonRegularExpression.isRegularExpression(value);
    }

    private static Object position(KeyValue entry) {
        return entry.get(entry.size() - 1);
    }

    private static KeyValue append(KeyValue values, Object last) {
        List<Object> joined = new ArrayList<>(values.size() + 1);
        values.forEach(joined::add);
        joined.add(last);
        return new KeyValue(joined);
    }

    /** Value by value in MongoDB's order; a prefix sorts before everything that extends it. */
    private static int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x == y) {
                continue;
            }
            if (x == ABOVE_ALL || y == ABOVE_ALL) {
                return x == ABOVE_ALL ? 1 : -1;
            }
            int order = VALUES.compare(x, y);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}

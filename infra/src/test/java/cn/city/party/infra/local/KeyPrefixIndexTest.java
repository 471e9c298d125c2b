package cn.city.party.infra.local;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An index reads only the documents under the keys a query pins, as MongoDB's index scan would. */
class KeyPrefixIndexTest {

    private final KeyPrefixIndex members = index("department_status_name", "department", "status", "name");

    KeyPrefixIndexTest() {
        add(members, "m1", Map.of("department", "A", "status", "正式党员", "name", "张三"));
        add(members, "m2", Map.of("department", "A", "status", "预备党员", "name", "李四"));
        add(members, "m3", Map.of("department", "B", "status", "正式党员", "name", "王五"));
        add(members, "m4", Map.of("department", "A", "status", "正式党员", "name", "赵六"));
        add(members, "m5", Map.of("status", "正式党员"));
    }

    @Test
    void a_query_pinning_the_first_key_reads_that_departments_members_only() {
        assertThat(positions(members, query("department", "A"))).containsExactly("m1", "m2", "m4");
        assertThat(positions(members, query("department", new Document("$eq", "B")))).containsExactly("m3");
        assertThat(positions(members, query("department", "C"))).isEmpty();
    }

    @Test
    void each_next_key_pinned_narrows_the_read_and_makes_the_lookup_preferred() {
        Document formalInA = query("department", "A").append("status", "正式党员");
        assertThat(positions(members, formalInA)).containsExactly("m1", "m4");
        assertThat(members.lookup(formalInA).orElseThrow().strength())
                .isGreaterThan(members.lookup(query("department", "A")).orElseThrow().strength());
        // a key after one not pinned does not narrow: the name is matched on the department's members
        Document skipsStatus = query("department", "A").append("name", "张三");
        assertThat(positions(members, skipsStatus)).containsExactly("m1", "m2", "m4");
    }

    @Test
    void an_in_list_reads_each_value_and_the_and_terms_of_a_scoped_query_count() {
        assertThat(positions(members, query("department", new Document("$in", List.of("B", "A"))))).containsExactly("m1", "m2", "m3", "m4");
        assertThat(positions(members, query("department", new Document("$in", List.of())))).isEmpty();
        Document scoped = query("$and", List.of(query("department", new Document("$in", List.of("A"))),
                query("status", "预备党员")));
        assertThat(positions(members, scoped)).containsExactly("m2");
    }

    @Test
    void shapes_an_index_cannot_answer_are_left_to_a_scan() {
        assertThat(members.lookup(query("status", "正式党员"))).isEmpty();
        assertThat(members.lookup(query("department", null))).isEmpty();
        assertThat(members.lookup(query("department", List.of("A")))).isEmpty();
        assertThat(members.lookup(query("department", new Document("$ne", "A")))).isEmpty();
        assertThat(members.lookup(query("department", new Document("$in", List.of("A", List.of("B")))))).isEmpty();
        assertThat(members.lookup(query("department", new Document("$exists", true)).append("status", "正式党员")))
                .hasValueSatisfying(lookup -> assertThat(lookup.everyDocument()).isTrue());
        assertThat(members.lookup(query("$or", List.of(query("department", "A"))))).isEmpty();
    }

    @Test
    void the_outbox_index_holds_only_the_documents_with_events_waiting() {
        KeyPrefixIndex outbox = index("outbox_pending", "outbox.eventId");
        add(outbox, "s1", Map.of("outbox", List.of(new Document("eventId", "e1"), new Document("eventId", "e2"))));
        add(outbox, "s2", Map.of("outbox", List.of()));
        add(outbox, "s3", Map.of("department", "A"));
        add(outbox, "s4", Map.of("outbox", List.of(new Document("eventId", "e3"))));
        assertThat(positions(outbox, query("outbox.eventId", new Document("$exists", true)))).containsExactly("s1", "s4");

        outbox.remove(new Document("outbox", List.of(new Document("eventId", "e1"), new Document("eventId", "e2"))), "s1");
        assertThat(positions(outbox, query("outbox.eventId", new Document("$exists", true)))).containsExactly("s4");
    }

    @Test
    void a_document_whose_later_key_has_no_value_to_pair_is_still_found_by_the_first() {
        KeyPrefixIndex branches = index("department_ancestors", "department", "ancestors");
        add(branches, "b1", Map.of("department", "A", "ancestors", List.of()));
        add(branches, "b2", Map.of("department", "A", "ancestors", List.of("b1")));
        add(branches, "b3", Map.of("department", List.of("A", "B"), "ancestors", List.of("b1"))); // two arrays: not indexable
        assertThat(positions(branches, query("department", "A"))).containsExactly("b1", "b2", "b3");
        // b1 and b3 are kept under their first key only, so they are read for any query on department A and matched there
        assertThat(positions(branches, query("department", "A").append("ancestors", "b1"))).containsExactly("b1", "b2", "b3");
        assertThat(positions(branches, query("department", "A").append("ancestors", "b9"))).containsExactly("b1", "b3");
        assertThat(positions(branches, query("department", "B"))).containsExactly("b3");
    }

    @Test
    void numbers_of_different_types_are_one_value_and_a_changed_document_moves() {
        KeyPrefixIndex years = index("year", "year");
        add(years, "r1", Map.of("year", 2026));
        add(years, "r2", Map.of("year", 2026L));
        add(years, "r3", Map.of("year", 2025.0));
        assertThat(positions(years, query("year", 2026.0))).containsExactly("r1", "r2");

        years.remove(new Document("year", 2025.0), "r3");
        years.add(new Document("year", 2026), "r3");
        assertThat(positions(years, query("year", 2026))).containsExactly("r1", "r2", "r3");
        assertThat(positions(years, query("year", 2025))).isEmpty();
    }

    private static KeyPrefixIndex index(String name, String... keys) {
        return new KeyPrefixIndex(new EmptyIndex<>(name, java.util.Arrays.stream(keys).map(key -> new IndexKey(key, true)).toList()));
    }

    private static void add(KeyPrefixIndex index, String id, Map<String, Object> fields) {
        Document document = new Document("_id", id);
        document.putAll(fields);
        index.add(document, id);
    }

    private static List<Object> positions(KeyPrefixIndex index, Document query) {
        Optional<KeyPrefixIndex.Lookup> lookup = index.lookup(query);
        assertThat(lookup).as("served by %s: %s", index.name(), query).isPresent();
        return List.copyOf(lookup.get().positions());
    }

    private static Document query(String key, Object value) {
        return new Document(key, value);
    }
}

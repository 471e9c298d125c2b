package cn.city.party.infra.local;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query shapes the services send with an {@code _id} and more, and those the declared indexes serve, find exactly
 * what MongoDB would, before and after a restart.
 */
class MongoSubstituteStoreTest {

    @TempDir
    Path dir;

    @Test
    void a_query_naming_an_id_and_more_matches_the_rest_of_it_on_the_record_found() {
        withMembers(members -> {
            assertThat(ids(members, Filters.and(Filters.eq("_id", "m1"), Filters.ne("department", "A")))).isEmpty();
            assertThat(ids(members, Filters.and(Filters.eq("_id", "m1"), Filters.ne("department", "B")))).containsExactly("m1");
            // a scoped read: {$and: [{_id}, {department: {$in}}]}
            Bson scopedA = new Document("$and", List.of(new Document("_id", "m2"),
                    new Document("department", new Document("$in", List.of("A")))));
            Bson scopedB = new Document("$and", List.of(new Document("_id", "m2"),
                    new Document("department", new Document("$in", List.of("B")))));
            assertThat(ids(members, scopedA)).isEmpty();
            assertThat(ids(members, scopedB)).containsExactly("m2");
            assertThat(ids(members, Filters.and(Filters.in("_id", "m1", "m2", "m3"), Filters.eq("department", "A"))))
                    .containsExactlyInAnyOrder("m1", "m3");
            assertThat(ids(members, Filters.and(Filters.eq("_id", "nobody"), Filters.eq("department", "A")))).isEmpty();
            // shapes with no _id value are still answered by a scan
            assertThat(ids(members, Filters.and(Filters.ne("_id", "m1"), Filters.eq("department", "A")))).containsExactly("m3");
        });
    }

    @Test
    void an_optimistic_save_replaces_the_version_it_read_and_only_that_one() {
        withMembers(members -> {
            Bson readVersion = Filters.and(Filters.eq("_id", "m1"), Filters.eq("version", 0));
            Document saved = member("m1", "A", 1).append("name", "张三");
            assertThat(members.replaceOne(readVersion, saved).getMatchedCount()).isEqualTo(1);
            assertThat(members.replaceOne(readVersion, member("m1", "A", 1)).getMatchedCount()).isZero();
            assertThat(members.find(Filters.eq("_id", "m1")).first()).isEqualTo(saved);
            assertThat(members.updateOne(Filters.and(Filters.eq("_id", "m2"), Filters.eq("version", 0)),
                    new Document("$set", new Document("version", 1))).getModifiedCount()).isEqualTo(1);
            assertThat(members.deleteOne(Filters.and(Filters.eq("_id", "m3"), Filters.eq("department", "B")))
                    .getDeletedCount()).isZero();
            assertThat(members.countDocuments()).isEqualTo(3);
        });
    }

    @Test
    void the_id_lookup_is_taken_from_the_query_or_from_one_of_its_top_level_and_terms() {
        var optimisticSave = serverDocument("_id", "m1").append("version", 0);
        var scopedRead = serverDocument("$and", List.of(
                serverDocument("department", serverDocument("$in", List.of("A"))), serverDocument("_id", "m2")));
        assertThat(MongoSubstituteStore.idEquality(optimisticSave)).contains(serverDocument("_id", "m1"));
        assertThat(MongoSubstituteStore.idEquality(scopedRead)).contains(serverDocument("_id", "m2"));
        assertThat(MongoSubstituteStore.idEquality(serverDocument("department", "A"))).isEmpty();
    }

    @Test
    void a_query_read_whole_is_named_in_the_log_by_its_fields_and_operators_never_its_values() {
        var query = serverDocument("department", "A").append("nationalId", "110101199003070012")
                .append("$or", List.of(serverDocument("status", serverDocument("$in", List.of("正式党员", "预备党员"))),
                        serverDocument("name", serverDocument("$regex", "^张"))))
                .append("tags", List.of("a", "b"));
        assertThat(MongoSubstituteStore.shapeOf(query)).isEqualTo(
                "{department: …, nationalId: …, $or: [{status: {$in: …}}, {name: {$regex: …}}], tags: …}");
    }

    @Test
    void a_restarted_store_still_finds_records_by_id_and_keeps_ids_unique() {
        withMembers(members -> {
            // the first start only writes the three members
        });
        withStore(members -> {
            assertThat(ids(members, Filters.and(Filters.eq("_id", "m3"), Filters.eq("department", "A")))).containsExactly("m3");
            assertThatThrownBy(() -> members.insertOne(member("m3", "B", 0))).isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void a_document_a_query_answered_with_stays_as_it_was_when_an_update_changes_the_stored_one() {
        MongoBackend backend = MongoSubstituteStore.open(dir.resolve("substitute.mv").toString());
        try {
            var members = backend.resolveDatabase("org").createCollectionOrThrowIfExists("members");
            members.insertDocuments(List.of(serverDocument("_id", "m1").append("department", "A").append("version", 0)));
            var answered = members.handleQuery(serverDocument("department", "A")).iterator().next();

            members.updateDocuments(serverDocument("department", "A"),
                    serverDocument("$set", serverDocument("version", 1).append("name", "张三")), ArrayFilters.empty(), false, false,
                    NoopOplog.get());

            assertThat(answered).isEqualTo(serverDocument("_id", "m1").append("department", "A").append("version", 0));
            assertThat(members.handleQuery(serverDocument("_id", "m1")).iterator().next())
                    .isEqualTo(serverDocument("_id", "m1").append("department", "A").append("version", 1).append("name", "张三"));
        } finally {
            backend.close();
        }
    }

    @Test
    void an_answer_sent_in_batches_holds_every_match_once_as_it_was_found_sorted_or_not() {
        withStore(members -> {
            for (int i = 0; i < 450; i++) {
                members.insertOne(member(String.format("m%03d", i), i % 2 == 0 ? "A" : "B", 0)
                        .append("joinedOn", new java.util.Date(1_700_000_000_000L + i))
                        .append("dues", new Document("bases", List.of(new Document("monthlyFen", 1_000L + i)
                                .append("ratio", 0.5)))));
            }
            List<Document> whole = members.find(Filters.eq("department", "A")).into(new ArrayList<>());
            List<Document> sortedWhole = members.find(Filters.eq("department", "A")).sort(new Document("_id", -1))
                    .into(new ArrayList<>());

            List<Document> batched = new ArrayList<>();
            try (var cursor = members.find(Filters.eq("department", "A")).batchSize(100).iterator()) {
                for (int i = 0; i < 100; i++) {
                    batched.add(cursor.next());
                }
                // changed after the first batch: the later batches still send the members as they were found
                members.updateMany(Filters.eq("department", "A"), new Document("$set", new Document("version", 1)));
                cursor.forEachRemaining(batched::add);
            }
            List<Document> sortedBatched = members.find(Filters.eq("department", "A")).sort(new Document("_id", -1))
                    .batchSize(100).into(new ArrayList<>());

            assertThat(whole).hasSize(225);
            assertThat(batched).isEqualTo(whole);
            assertThat(sortedBatched).hasSize(225).first().extracting(d -> d.getString("_id")).isEqualTo("m448");
            assertThat(sortedBatched).allMatch(d -> d.getInteger("version") == 1);
            assertThat(sortedBatched).map(d -> d.getString("_id"))
                    .isEqualTo(sortedWhole.stream().map(d -> d.getString("_id")).toList());
        });
    }

    @Test
    void the_declared_indexes_answer_every_query_as_a_scan_would_through_writes_and_a_restart() {
        withDatabase(db -> {
            MongoCollection<Document> indexed = db.getCollection("indexed");
            indexed.createIndex(Indexes.ascending("department", "status", "name"));
            indexed.createIndex(Indexes.ascending("department", "ancestors"));
            indexed.createIndex(Indexes.ascending("examId", "memberId", "number"), new IndexOptions().unique(true).sparse(true));
            indexed.createIndex(Indexes.ascending("outbox.eventId"),
                    new IndexOptions().partialFilterExpression(Filters.exists("outbox.eventId")));
            indexed.createIndex(Indexes.descending("year"));
            bothCollections(db, both -> both.insertMany(List.of(
                    new Document("_id", "m1").append("department", "A").append("status", "正式党员").append("name", "张三")
                            .append("ancestors", List.of("b1", "b2")).append("year", 2026),
                    new Document("_id", "m2").append("department", "A").append("status", "预备党员").append("name", "李四")
                            .append("ancestors", List.of()).append("outbox", List.of(new Document("eventId", "e1"))),
                    new Document("_id", "m3").append("department", "B").append("status", "正式党员").append("name", "张三")
                            .append("year", 2026L).append("outbox", List.of()),
                    new Document("_id", "m4").append("status", "正式党员").append("year", 2025.0)
                            .append("outbox", List.of(new Document("eventId", null))),
                    new Document("_id", "m5").append("department", null).append("examId", "x1").append("memberId", "m1")
                            .append("number", 1),
                    new Document("_id", "m6").append("department", List.of("A", "C")).append("examId", "x1")
                            .append("memberId", "m1").append("number", 2),
                    new Document("_id", "m7").append("department", "C").append("examId", "x1").append("memberId", "m2")
                            .append("number", 1).append("outbox", List.of(new Document("eventId", "e2"), new Document())))));
            assertSameAnswers(db);
            // counts and rankings are aggregations that begin with $match: the same answers, and the right ones
            assertThat(db.getCollection("indexed").countDocuments(Filters.eq("department", "A"))).isEqualTo(3);
            assertThat(db.getCollection("indexed").aggregate(List.of(Aggregates.match(Filters.eq("department", "A")),
                    Aggregates.group("$status", Accumulators.sum("n", 1)), Aggregates.sort(Sorts.ascending("_id"))))
                    .into(new ArrayList<>())).containsExactly(new Document("_id", null).append("n", 1),
                    new Document("_id", "正式党员").append("n", 1), new Document("_id", "预备党员").append("n", 1));

            bothCollections(db, both -> {
                both.updateOne(Filters.eq("_id", "m2"), new Document("$set", new Document("department", "B"))
                        .append("$pull", new Document("outbox", new Document("eventId", "e1"))));
                both.updateMany(Filters.eq("department", "C"), new Document("$set", new Document("status", "预备党员")));
                both.replaceOne(Filters.and(Filters.eq("_id", "m4"), Filters.eq("year", 2025)),
                        new Document("_id", "m4").append("department", "A").append("status", "预备党员").append("name", "周七"));
                both.deleteOne(Filters.eq("_id", "m1"));
                both.deleteMany(Filters.and(Filters.eq("examId", "x1"), Filters.eq("memberId", "m2")));
            });
            assertSameAnswers(db);
        });
        withDatabase(db -> {
            assertSameAnswers(db);
            bothCollections(db, both -> both.insertOne(new Document("_id", "m8").append("department", "A")
                    .append("status", "正式党员").append("outbox", List.of(new Document("eventId", "e3")))));
            assertSameAnswers(db);
            assertThatThrownBy(() -> db.getCollection("indexed").insertOne(new Document("_id", "m9").append("examId", "x1")
                    .append("memberId", "m1").append("number", 2))).isInstanceOf(MongoWriteException.class);
        });
    }

    /** The same query of the indexed collection and of one with no index (read whole), answered alike. */
    private static void assertSameAnswers(MongoDatabase db) {
        List<Bson> queries = List.of(
                Filters.eq("department", "A"),
                Filters.eq("department", "B"),
                Filters.and(Filters.eq("department", "A"), Filters.eq("status", "预备党员")),
                new Document("$and", List.of(new Document("department", new Document("$in", List.of("A", "B"))),
                        new Document("status", "正式党员"))),
                Filters.and(Filters.eq("department", "A"), Filters.regex("name", "张")),
                Filters.and(Filters.eq("department", "A"), Filters.or(Filters.eq("status", "正式党员"), Filters.eq("name", "周七"))),
                Filters.in("department", List.of()),
                Filters.eq("department", null),
                Filters.eq("department", List.of("A", "C")),
                Filters.and(Filters.eq("ancestors", "b1"), Filters.eq("department", "A")),
                Filters.and(Filters.eq("department", "A"), Filters.size("ancestors", 0)),
                Filters.exists("outbox.eventId"),
                Filters.and(Filters.eq("examId", "x1"), Filters.eq("memberId", "m1")),
                Filters.and(Filters.eq("examId", "x1"), Filters.eq("memberId", "m1"), Filters.eq("number", 2)),
                Filters.eq("year", 2026),
                Filters.gte("year", 2025));
        for (Bson query : queries) {
            assertThat(ids(db.getCollection("indexed"), query)).as("%s", query)
                    .isEqualTo(ids(db.getCollection("unindexed"), query));
            assertThat(db.getCollection("indexed").countDocuments(query)).as("count of %s", query)
                    .isEqualTo(db.getCollection("unindexed").countDocuments(query));
        }
        assertThat(ids(db.getCollection("indexed"), Filters.eq("department", "A"))).isNotEmpty();
        // a ranking's shape: the match is looked up, the stages after it run on what it found
        for (Bson match : List.of(Aggregates.match(Filters.eq("department", "A")),
                Aggregates.match(Filters.and(Filters.eq("examId", "x1"), Filters.gte("number", 1))))) {
            List<Bson> ranking = List.of(match, Aggregates.group("$status", Accumulators.sum("n", 1)),
                    Aggregates.sort(Sorts.ascending("_id")));
            assertThat(db.getCollection("indexed").aggregate(ranking).into(new ArrayList<>())).as("%s", ranking)
                    .isEqualTo(db.getCollection("unindexed").aggregate(ranking).into(new ArrayList<>()));
        }
    }

    private static void bothCollections(MongoDatabase db, Consumer<MongoCollection<Document>> write) {
        write.accept(db.getCollection("indexed"));
        write.accept(db.getCollection("unindexed"));
    }

    private void withMembers(Consumer<MongoCollection<Document>> test) {
        withStore(members -> {
            members.insertMany(List.of(member("m1", "A", 0), member("m2", "B", 0), member("m3", "A", 0)));
            test.accept(members);
        });
    }

    private void withStore(Consumer<MongoCollection<Document>> test) {
        withDatabase(db -> test.accept(db.getCollection("members")));
    }

    private void withDatabase(Consumer<MongoDatabase> test) {
        MongoServer server = new MongoServer(MongoSubstituteStore.open(dir.resolve("substitute.mv").toString()));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            test.accept(client.getDatabase("org"));
        } finally {
            server.shutdown();
        }
    }

    /** A query as the substitute receives it. */
    private static de.bwaldvogel.mongo.bson.Document serverDocument(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    private static Document member(String id, String department, int version) {
        return new Document("_id", id).append("department", department).append("version", version);
    }

    private static List<String> ids(MongoCollection<Document> members, Bson filter) {
        return members.find(filter).map(d -> d.getString("_id")).into(new ArrayList<>());
    }
}

package cn.city.party.infra.local;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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

/** The query shapes the services send with an {@code _id} and more find exactly what MongoDB would, before and after a restart. */
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

    private void withMembers(Consumer<MongoCollection<Document>> test) {
        withStore(members -> {
            members.insertMany(List.of(member("m1", "A", 0), member("m2", "B", 0), member("m3", "A", 0)));
            test.accept(members);
        });
    }

    private void withStore(Consumer<MongoCollection<Document>> test) {
        MongoServer server = new MongoServer(MongoSubstituteStore.open(dir.resolve("substitute.mv").toString()));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            test.accept(client.getDatabase("org").getCollection("members"));
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

package cn.city.party.common.messaging;

import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.events.PoisonEventException;
import cn.city.party.common.events.UntrustedEventException;
import cn.city.party.common.test.Api;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read-model writer against the MongoDB wire-protocol substitute: each event changes a record once, only a
 * record of its own department, and only a transfer moves a record to another department.
 */
class ReadModelWriterTest {

    @org.springframework.data.mongodb.core.mapping.Document("roster")
    static class RosterEntry {
        @Id
        String id;
    }

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:" + SERVER.bind().getPort());
    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "read-model-" + System.nanoTime());
    private final ReadModelWriter writer = new ReadModelWriter(mongo);

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    private static EventEnvelope event(String id, String department, String data) {
        return new EventEnvelope("1.0", id, "/party/org-service", "party.org.member.changed.v1", "m-1",
                Instant.parse("2026-11-30T02:00:00Z"), "application/json", "urn:party-platform:schema:party.org.member.changed.v1",
                department, null, Api.JSON.readTree(data));
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, "roster");
    }

    @Test
    void an_event_creates_the_record_in_its_department_and_a_redelivery_changes_nothing() {
        EventEnvelope renamed = event("e-1", "caizheng", "{\"department\":\"caizheng\"}");

        assertThat(writer.applyOnce(RosterEntry.class, "m-1", renamed, new Update().set("name", "张三").inc("changes", 1))).isTrue();
        assertThat(writer.applyOnce(RosterEntry.class, "m-1", renamed, new Update().set("name", "张三").inc("changes", 1))).isFalse();

        Document entry = stored("m-1");
        assertThat(entry.getString("name")).isEqualTo("张三");
        assertThat(entry.getInteger("changes")).isEqualTo(1);
        assertThat(entry.getString(ReadModelWriter.DEPARTMENT)).isEqualTo("caizheng");
        assertThat(entry.getList(ReadModelWriter.APPLIED, String.class)).containsExactly("e-1");
    }

    @Test
    void a_later_event_changes_the_record_again() {
        writer.applyOnce(RosterEntry.class, "m-1", event("e-1", "caizheng", "{}"), new Update().set("name", "张三"));

        assertThat(writer.applyOnce(RosterEntry.class, "m-1", event("e-2", "caizheng", "{}"), new Update().set("name", "张三丰"))).isTrue();

        assertThat(stored("m-1").getString("name")).isEqualTo("张三丰");
        assertThat(stored("m-1").getList(ReadModelWriter.APPLIED, String.class)).containsExactly("e-1", "e-2");
    }

    @Test
    void an_event_for_another_departments_record_is_refused_and_changes_nothing() {
        mongo.insert(new Document("_id", "m-2").append("department", "jiaoyu").append("name", "李四"), "roster");

        assertThatThrownBy(() -> writer.applyOnce(RosterEntry.class, "m-2", event("e-3", "caizheng", "{}"),
                new Update().set("name", "冒名"))).isInstanceOf(UntrustedEventException.class)
                .hasMessageContaining("of department jiaoyu names department caizheng");
        assertThatThrownBy(() -> writer.updateOnce(RosterEntry.class, "m-2", event("e-4", "caizheng", "{}"),
                new Update().set("name", "冒名"))).isInstanceOf(UntrustedEventException.class);

        assertThat(stored("m-2")).isEqualTo(new Document("_id", "m-2").append("department", "jiaoyu").append("name", "李四"));
    }

    @Test
    void an_event_that_would_write_another_department_is_refused() {
        assertThatThrownBy(() -> writer.applyOnce(RosterEntry.class, "m-3", event("e-5", "caizheng", "{}"),
                new Update().set("department", "jiaoyu"))).isInstanceOf(UntrustedEventException.class)
                .hasMessageContaining("would write another department");

        assertThat(stored("m-3")).isNull();
    }

    @Test
    void a_transfer_moves_the_record_from_the_department_its_data_names() {
        writer.applyOnce(RosterEntry.class, "m-4", event("e-6", "caizheng", "{}"), new Update().set("branchId", "caizheng-branch-1"));

        EventEnvelope transferred = event("e-7", "jiaoyu", "{\"fromDepartment\":\"caizheng\"}");
        assertThat(writer.applyOnce(RosterEntry.class, "m-4", transferred,
                new Update().set("department", "jiaoyu").set("branchId", "jiaoyu-branch-1"))).isTrue();

        assertThat(stored("m-4").getString("department")).isEqualTo("jiaoyu");
        assertThat(stored("m-4").getString("branchId")).isEqualTo("jiaoyu-branch-1");
    }

    @Test
    void an_update_never_creates_a_record() {
        assertThat(writer.updateOnce(RosterEntry.class, "m-5", event("e-8", "caizheng", "{}"), new Update().set("name", "王五"))).isFalse();

        assertThat(mongo.count(new Query(), "roster")).isZero();
    }

    @Test
    void an_event_naming_no_department_is_poison() {
        assertThatThrownBy(() -> writer.applyOnce(RosterEntry.class, "m-6", event("e-9", null, "{}"), new Update().set("name", "无名")))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("names no department");

        assertThat(stored("m-6")).isNull();
    }

    @Test
    void a_record_another_event_refers_to_must_be_of_the_events_department() {
        mongo.insert(new Document("_id", "m-7").append("department", "jiaoyu"), "roster");

        assertThatThrownBy(() -> writer.requireSameDepartment(RosterEntry.class, "m-7", event("e-10", "caizheng", "{}")))
                .isInstanceOf(UntrustedEventException.class);
        writer.requireSameDepartment(RosterEntry.class, "m-7", event("e-11", "jiaoyu", "{}"));
        writer.requireSameDepartment(RosterEntry.class, "unknown", event("e-12", "caizheng", "{}"));
    }

    @Test
    void only_the_latest_event_ids_are_remembered() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= ReadModelWriter.REMEMBERED; i++) {
            ids.add("e-" + i);
            writer.applyOnce(RosterEntry.class, "m-8", event("e-" + i, "caizheng", "{}"), new Update().inc("changes", 1));
        }

        assertThat(stored("m-8").getInteger("changes")).isEqualTo(501);
        assertThat(stored("m-8").getList(ReadModelWriter.APPLIED, String.class)).hasSize(500).doesNotContain("e-0")
                .isEqualTo(ids.subList(1, ids.size()));
    }
}

package cn.city.party.common.tenancy;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ScopedMongo against the MongoDB wire-protocol substitute: a department caller sees, changes and deletes only its
 * own records, another department's are as if they did not exist, and a save is an upsert by id, never across
 * departments.
 */
class ScopedMongoTest {

    record Note(@Id String id, String department, String text) implements DepartmentOwned {
    }

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:" + SERVER.bind().getPort());
    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "scoped-" + System.nanoTime());
    private final ScopedMongo scoped = new ScopedMongo(mongo);

    private static void callAs(String department) {
        Caller admin = new Caller("u-" + department, department + "-admin", department, Set.of(Role.DEPT_ADMIN), false, "gateway");
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(admin, ""));
    }

    private static void callAsWorkCommittee() {
        Caller committee = new Caller("u-gongwei", "work-committee", "gongwei", Set.of(Role.WORK_COMMITTEE_ADMIN), false, "gateway");
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(committee, ""));
    }

    /** Two departments' records, as a department caller would find them mixed in one collection. */
    private void storeBothDepartments() {
        mongo.insert(new Note("c-1", "caizheng", "财政局一"));
        mongo.insert(new Note("c-2", "caizheng", "财政局二"));
        mongo.insert(new Note("c-3", "caizheng", "财政局三"));
        mongo.insert(new Note("j-1", "jiaoyu", "教育局一"));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    @Test
    void a_save_with_the_id_of_another_departments_record_is_refused_and_leaves_that_record_as_it_was() {
        mongo.insert(new Note("n-1", "jiaoyu", "教育局的记录"));
        callAs("caizheng");

        assertThatThrownBy(() -> scoped.save(new Note("n-1", "caizheng", "覆盖")))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.code()).isEqualTo("record.idTaken"));
        assertThat(mongo.findById("n-1", Note.class)).isEqualTo(new Note("n-1", "jiaoyu", "教育局的记录"));
    }

    @Test
    void a_department_saves_new_records_and_replaces_its_own() {
        callAs("caizheng");

        scoped.save(new Note("n-2", "caizheng", "第一版"));
        scoped.save(new Note("n-2", "caizheng", "第二版"));

        assertThat(mongo.findById("n-2", Note.class)).isEqualTo(new Note("n-2", "caizheng", "第二版"));
    }

    @Test
    void a_department_reads_counts_and_pages_only_its_own_records() {
        storeBothDepartments();
        callAs("caizheng");

        assertThat(scoped.find(new Criteria(), Sort.by("id"), Note.class)).extracting(Note::id).containsExactly("c-1", "c-2", "c-3");
        assertThat(scoped.count(new Criteria(), Note.class)).isEqualTo(3);
        assertThat(scoped.exists(Criteria.where("text").is("教育局一"), Note.class)).isFalse();
        Page<Note> second = scoped.page(new Criteria(), PageRequest.of(1, 2, Sort.by("id")), Note.class);
        assertThat(second.getContent()).extracting(Note::id).containsExactly("c-3");
        assertThat(second.getTotalElements()).isEqualTo(3);
        assertThat(second.getTotalPages()).isEqualTo(2);
        // a full page and a page past the end cannot tell the total themselves: it is counted, still in scope
        assertThat(scoped.page(new Criteria(), PageRequest.of(0, 2, Sort.by("id")), Note.class).getTotalElements()).isEqualTo(3);
        Page<Note> beyond = scoped.page(new Criteria(), PageRequest.of(5, 2, Sort.by("id")), Note.class);
        assertThat(beyond.getContent()).isEmpty();
        assertThat(beyond.getTotalElements()).isEqualTo(3);
    }

    @Test
    void the_work_committee_reads_every_department() {
        storeBothDepartments();
        callAsWorkCommittee();

        assertThat(scoped.find(new Criteria(), Sort.by("id"), Note.class)).extracting(Note::id)
                .containsExactly("c-1", "c-2", "c-3", "j-1");
        assertThat(scoped.findById("j-1", Note.class)).contains(new Note("j-1", "jiaoyu", "教育局一"));
    }

    @Test
    void another_departments_record_is_not_found_and_cannot_be_changed_or_deleted() {
        storeBothDepartments();
        callAs("caizheng");

        assertThat(scoped.findById("j-1", Note.class)).isEmpty();
        assertThatThrownBy(() -> scoped.getById("j-1", Note.class, "entity.note"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(p.code()).isEqualTo("notFound");
                });
        assertThat(scoped.findAndModify(Criteria.where("_id").is("j-1"), new Update().set("text", "改写"), Note.class)).isEmpty();
        assertThat(scoped.deleteById("j-1", Note.class)).isFalse();
        assertThat(mongo.findById("j-1", Note.class)).isEqualTo(new Note("j-1", "jiaoyu", "教育局一"));
    }

    @Test
    void a_department_changes_and_deletes_its_own_records() {
        storeBothDepartments();
        callAs("caizheng");

        assertThat(scoped.findAndModify(Criteria.where("_id").is("c-1"), new Update().set("text", "改过"), Note.class))
                .contains(new Note("c-1", "caizheng", "改过"));
        assertThat(scoped.getById("c-1", Note.class, "entity.note")).isEqualTo(new Note("c-1", "caizheng", "改过"));
        assertThat(scoped.deleteById("c-2", Note.class)).isTrue();
        assertThat(mongo.count(new Query(), Note.class)).isEqualTo(3);
    }

    @Test
    void writing_a_record_into_another_department_is_forbidden_and_stores_nothing() {
        callAs("caizheng");

        assertThatThrownBy(() -> scoped.insert(new Note("j-9", "jiaoyu", "越权")))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(p.code()).isEqualTo("department.outOfScope");
                });
        assertThatThrownBy(() -> scoped.save(new Note("j-9", "jiaoyu", "越权")))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(mongo.count(new Query(), Note.class)).isZero();
    }

    @Test
    void without_a_caller_nothing_is_read() {
        storeBothDepartments();

        assertThatThrownBy(() -> scoped.find(new Criteria(), Note.class))
                .isInstanceOf(IllegalStateException.class).hasMessage("scoped data access without a caller");
    }
}

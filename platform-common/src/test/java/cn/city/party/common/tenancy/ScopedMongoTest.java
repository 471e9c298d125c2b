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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ScopedMongo against the MongoDB wire-protocol substitute: a save is an upsert by id, never across departments. */
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
}

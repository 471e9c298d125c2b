package cn.city.party.common.persistence;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pass over many documents against the MongoDB wire-protocol substitute: it reads them in batches of 200, so a
 * service never decodes the whole answer at once (the substitute sends it in one piece when no batch size is given).
 */
class BatchedReadsTest {

    record Note(@Id String id, String department) {
    }

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.bind().getPort()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    commands.add(event.getCommandName());
                }
            }).build());
    private final MongoTemplate mongo = new MongoTemplate(client, "batched");

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_pass_over_450_matches_reads_them_all_in_three_batches() {
        for (int i = 0; i < 450; i++) {
            mongo.insert(new Note(String.format("c-%03d", i), "caizheng"));
        }
        mongo.insert(new Note("j-1", "jiaoyu"));
        commands.clear();

        List<String> read;
        try (Stream<Note> notes = BatchedReads.stream(mongo, Query.query(Criteria.where("department").is("caizheng")),
                Note.class)) {
            read = notes.map(Note::id).sorted().toList();
        }

        assertThat(read).hasSize(450).startsWith("c-000").endsWith("c-449");
        assertThat(commands).containsExactly("find", "getMore", "getMore");
    }
}

package cn.city.party.infra.local;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

import java.util.concurrent.CountDownLatch;

/**
 * The MongoDB wire-protocol server used where no mongod can be installed: H2 file persistence (data survives a
 * restart, {@link MongoSubstituteStore}). Runs as its own process, started by {@link LocalPlatform}. The oplog stays
 * off: no service opens a change stream, and this server keeps every write's oplog entry forever (115,795 of them
 * five departments into generating the city, beside 40,000 documents).
 * Arguments: port, database file.
 */
public final class MongoSubstituteMain {

    private MongoSubstituteMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        String file = args[1];
        MongoBackend backend = MongoSubstituteStore.open(file);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown(); // closes the H2 store cleanly so nothing written is lost
            stopped.countDown();
        }));
        System.out.println("MongoDB substitute listening on 127.0.0.1:" + port + " with data in " + file);
        stopped.await();
    }
}

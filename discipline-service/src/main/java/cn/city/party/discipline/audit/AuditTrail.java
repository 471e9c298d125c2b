package cn.city.party.discipline.audit;

import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Appends to the tamper-evident trail. Reads of case content are recorded BEFORE the content is returned, so a read
 * that could not be recorded does not happen. Appends are serialized here and, across instances, by the unique
 * {@code seq}: a writer that loses the race re-reads the head and tries again.
 */
@Service
public class AuditTrail {

    /** Recorded as the actor where recording the caller would defeat anonymity (an anonymous reporter's receipt). */
    public static final String UNDISCLOSED = "undisclosed";
    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ReentrantLock appending = new ReentrantLock();

    public AuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records that the current caller did {@code action} to the record. */
    public AuditEntry record(String action, String targetType, String targetId, String department, String detail) {
        Caller caller = CurrentCaller.get();
        return append(caller.subject(), caller.username(), action, targetType, targetId, department, detail);
    }

    /** Records an action without saying who did it. */
    public AuditEntry recordUndisclosed(String action, String targetType, String targetId, String department) {
        return append(UNDISCLOSED, UNDISCLOSED, action, targetType, targetId, department, null);
    }

    private AuditEntry append(String actor, String actorName, String action, String targetType, String targetId,
                              String department, String detail) {
        appending.lock();
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<AuditEntry> head = head();
                long seq = head.map(h -> h.seq() + 1).orElse(1L);
                String previous = head.map(AuditEntry::hash).orElse(HashChain.GENESIS);
                Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                String hash = HashChain.hash(seq, at, actor, actorName, action, targetType, targetId, department, detail, previous);
                try {
                    return mongo.insert(new AuditEntry(UUID.randomUUID().toString(), seq, at, actor, actorName, action,
                            targetType, targetId, department, detail, previous, hash));
                } catch (DuplicateKeyException anotherInstanceAppended) {
                    // someone else took this position; link to the new head
                }
            }
            throw new IllegalStateException("audit trail: could not append after " + ATTEMPTS + " attempts");
        } finally {
            appending.unlock();
        }
    }

    private Optional<AuditEntry> head() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "seq")).limit(1), AuditEntry.class));
    }

    /** The whole chain in order, streamed (it can be long). */
    public Verification verify() {
        try (Stream<AuditEntry> entries = mongo.stream(new Query().with(Sort.by("seq")), AuditEntry.class)) {
            long[] count = {0};
            Optional<HashChain.Break> broken = HashChain.firstBreak(entries.peek(e -> count[0]++).iterator());
            return new Verification(broken.isEmpty(), count[0], broken.orElse(null));
        }
    }

    /** The result of walking the chain: {@code entriesChecked} stops at the first break. */
    public record Verification(boolean intact, long entriesChecked, HashChain.Break firstBreak) {
    }
}

package cn.city.party.discipline.audit;

import cn.city.party.common.outbox.AggregateRoot;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.DepartmentScope;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Appends to the tamper-evident trail. Reads of case content are recorded BEFORE the content is returned, so a read
 * that could not be recorded does not happen. A change is recorded in the same write as the change itself (see
 * {@link AuditedRecord}) and appended right after; {@link #sweep} appends what a crash left behind. Appends are
 * serialized here and, across instances, by the unique {@code seq}: a writer that loses the race re-reads the head and
 * tries again.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** Recorded as the actor where recording the caller would defeat anonymity (an anonymous reporter's receipt). */
    public static final String UNDISCLOSED = "undisclosed";
    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AuditKeys keys;
    private final ReentrantLock appending = new ReentrantLock();

    public AuditTrail(MongoTemplate mongo, Clock clock, AuditKeys keys) {
        this.mongo = mongo;
        this.clock = clock;
        this.keys = keys;
    }

    /** Records that the current caller read (or tried to read) {@code target}; call it before returning the content. */
    public AuditEntry record(String action, AuditedRecord target, String detail) {
        Caller caller = CurrentCaller.get();
        return append(entry(caller.subject(), caller.username(), action, target, detail));
    }

    /** Records an action on {@code target} without saying who did it. */
    public AuditEntry recordUndisclosed(String action, AuditedRecord target) {
        return append(entry(UNDISCLOSED, UNDISCLOSED, action, target, null));
    }

    /**
     * Stores a change of {@code record} by the current caller together with its audit entry, in one write, then
     * appends the entry to the chain.
     *
     * @param write the store's {@code insert} or {@code save}
     */
    public <T extends AuditedRecord> T change(T record, String action, String detail, UnaryOperator<T> write) {
        Caller caller = CurrentCaller.get();
        record.noteChange(entry(caller.subject(), caller.username(), action, record, detail));
        T saved = write.apply(record);
        try {
            saved.appended(moveToChain(mongo.getCollectionName(saved.getClass()), saved.id(), saved.pendingAudit()));
        } catch (RuntimeException e) {
            // the change is stored and its entry with it: the sweep appends it
            log.warn("audit: {} of {} {} left for the sweep ({})", action, record.auditTargetType(), record.id(), e.toString());
        }
        return saved;
    }

    /**
     * Appends the audit entries still waiting in records' documents (left by a crash between a change and its append).
     * Safe with several instances: an entry already on the chain is not appended again.
     */
    @Scheduled(fixedDelayString = "${discipline.audit.sweep-every:30s}", initialDelayString = "${discipline.audit.sweep-every:30s}")
    public void sweepPending() {
        try {
            int appended = sweep();
            if (appended > 0) {
                log.info("audit: appended {} entries a change had left in its record", appended);
            }
        } catch (RuntimeException e) {
            log.warn("audit sweep failed, retrying at the next: {}", e.toString());
        }
    }

    /** One sweep over every audited collection; returns how many waiting entries it moved onto the chain. */
    public int sweep() {
        int moved = 0;
        for (String collection : AggregateRoot.collectionsOf(mongo, AuditedRecord.class)) {
            Query waiting = Query.query(Criteria.where(AuditedRecord.PENDING_AUDIT + "." + AuditedChange.CHANGE_ID).exists(true));
            waiting.fields().include("_id", AuditedRecord.PENDING_AUDIT);
            for (Document record : mongo.find(waiting, Document.class, collection)) {
                List<AuditedChange> changes = record.getList(AuditedRecord.PENDING_AUDIT, Document.class).stream()
                        .map(d -> mongo.getConverter().read(AuditedChange.class, d)).toList();
                moveToChain(collection, record.get("_id"), changes);
                moved += changes.size();
            }
        }
        return moved;
    }

    /** Appends the changes to the chain, then takes them out of the record; returns their ids. */
    private List<String> moveToChain(String collection, Object recordId, List<AuditedChange> changes) {
        List<String> ids = new ArrayList<>();
        for (AuditedChange change : changes) {
            append(change);
            ids.add(change.changeId());
        }
        if (!ids.isEmpty()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(recordId)), new Update().pull(AuditedRecord.PENDING_AUDIT,
                    new Document(AuditedChange.CHANGE_ID, new Document("$in", ids))), collection);
        }
        return ids;
    }

    private AuditEntry append(AuditedChange e) {
        appending.lock();
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<AuditEntry> head = head();
                long seq = head.map(h -> h.seq() + 1).orElse(1L);
                String previous = head.map(AuditEntry::hash).orElse(HashChain.GENESIS);
                AuditKeys.Key key = keys.current();
                String hash = HashChain.hash(key, seq, e.at(), e.actor(), e.actorName(), e.action(), e.targetType(),
                        e.targetId(), e.department(), e.detail(), previous);
                try {
                    return mongo.insert(new AuditEntry(e.changeId(), seq, e.at(), e.actor(), e.actorName(), e.action(),
                            e.targetType(), e.targetId(), e.department(), e.detail(), previous, key.id(), hash));
                } catch (DuplicateKeyException taken) {
                    AuditEntry already = mongo.findById(e.changeId(), AuditEntry.class);
                    if (already != null) {
                        return already; // appended before a crash, or by another instance's sweep
                    }
                    // another writer took this position: link to the new head
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

    /** A new entry about {@code target}, now (to the millisecond, what MongoDB keeps). */
    private AuditedChange entry(String actor, String actorName, String action, AuditedRecord target, String detail) {
        return new AuditedChange(UUID.randomUUID().toString(), clock.instant().truncatedTo(ChronoUnit.MILLIS), actor,
                actorName, action, target.auditTargetType(), target.id(), target.department(), detail);
    }

    /**
     * Verifies {@code size} entries of the chain from {@code fromSeq} (linked to the entry before it), and tells the
     * caller only about its jurisdiction: how many of its entries were checked, and the first break if it is in one of
     * them (a break elsewhere shows only as {@code intact: false}).
     */
    public Verification verify(long fromSeq, int size) {
        DepartmentScope scope = DepartmentScope.of(CurrentCaller.get());
        String previous = fromSeq == 1 ? HashChain.GENESIS
                : Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("seq").is(fromSeq - 1)), AuditEntry.class))
                        .map(AuditEntry::hash).orElse(null);
        List<AuditEntry> page = mongo.find(Query.query(Criteria.where("seq").gte(fromSeq)).with(Sort.by("seq")).limit(size),
                AuditEntry.class);
        List<AuditEntry> walked = new ArrayList<>();
        Optional<HashChain.Break> broken = HashChain.firstBreak(page.stream().peek(walked::add).iterator(), keys,
                fromSeq, previous);
        long inScope = walked.stream().filter(e -> scope.permits(e.department())).count();
        HashChain.Break visible = broken.filter(b -> walked.stream()
                .anyMatch(e -> e.id().equals(b.entryId()) && scope.permits(e.department()))).orElse(null);
        Long next = broken.isEmpty() && page.size() == size ? page.get(page.size() - 1).seq() + 1 : null;
        return new Verification(broken.isEmpty(), fromSeq, inScope, next, visible);
    }

    /**
     * The result of walking one page of the chain: {@code entriesChecked} counts the caller's entries up to the first
     * break; {@code nextFromSeq} is where the next page starts (none after the last page or a break).
     */
    public record Verification(boolean intact, long fromSeq, long entriesChecked, Long nextFromSeq,
                               HashChain.Break firstBreak) {
    }
}

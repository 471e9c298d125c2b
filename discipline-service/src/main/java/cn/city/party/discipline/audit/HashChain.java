package cn.city.party.discipline.audit;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;

/**
 * The tamper-evidence of the audit trail: each entry's HMAC-SHA256, under a key kept outside the database and named by
 * the entry ({@link AuditKeys}), covers its own fields and the previous entry's hash; the first entry links to
 * {@link #GENESIS}. Each field is length-prefixed, so no two different entries encode alike. Without the key, a
 * changed entry cannot be re-sealed, nor the chain after it recomputed.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String hash(AuditKeys.Key key, long seq, Instant at, String actor, String actorName, String action,
                              String targetType, String targetId, String department, String detail, String previousHash) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[]{key.id(), Long.toString(seq), at.toString(), actor, actorName, action, targetType,
                targetId, department, detail, previousHash}) {
            String value = field == null ? "\u0000" : field;
            canonical.append(value.length()).append(':').append(value).append(';');
        }
        return key.mac(canonical.toString());
    }

    /** The entry's hash under the key it names; empty when that key is unknown here. */
    public static Optional<String> hashOf(AuditEntry e, AuditKeys keys) {
        return keys.byId(e.keyId()).map(key -> hash(key, e.seq(), e.at(), e.actor(), e.actorName(), e.action(),
                e.targetType(), e.targetId(), e.department(), e.detail(), e.previousHash()));
    }

    /** Where and why the chain is broken. */
    public record Break(long seq, String entryId, Reason reason) {
    }

    public enum Reason {
        /** the entry's fields no longer give its hash under the key it names (or it names no key held here): it was changed */
        CONTENT_CHANGED,
        /** the entry does not point at its predecessor's hash: an entry before it was changed, removed or inserted */
        LINK_BROKEN,
        /** a position is missing or repeated */
        SEQUENCE_GAP
    }

    /** Walks the entries from the chain's start in {@code seq} order and returns the first broken link, if any. */
    public static Optional<Break> firstBreak(Iterator<AuditEntry> entries, AuditKeys keys) {
        return firstBreak(entries, keys, 1, GENESIS);
    }

    /**
     * Walks a stretch of the chain that starts at {@code fromSeq}, whose predecessor's hash is {@code previousHash}
     * ({@link #GENESIS} from the start), and returns the first broken link, if any.
     */
    public static Optional<Break> firstBreak(Iterator<AuditEntry> entries, AuditKeys keys, long fromSeq, String previousHash) {
        String expectedPrevious = previousHash;
        long expectedSeq = fromSeq;
        while (entries.hasNext()) {
            AuditEntry entry = entries.next();
            if (entry.seq() != expectedSeq) {
                return Optional.of(new Break(entry.seq(), entry.id(), Reason.SEQUENCE_GAP));
            }
            if (!expectedPrevious.equals(entry.previousHash())) {
                return Optional.of(new Break(entry.seq(), entry.id(), Reason.LINK_BROKEN));
            }
            if (!hashOf(entry, keys).filter(entry.hash()::equals).isPresent()) {
                return Optional.of(new Break(entry.seq(), entry.id(), Reason.CONTENT_CHANGED));
            }
            expectedPrevious = entry.hash();
            expectedSeq++;
        }
        return Optional.empty();
    }
}

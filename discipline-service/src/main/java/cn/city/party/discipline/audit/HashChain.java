package cn.city.party.discipline.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

/**
 * The tamper-evidence of the audit trail: each entry's SHA-256 covers its own fields and the previous entry's hash;
 * the first entry links to {@link #GENESIS}. Each field is length-prefixed, so no two different entries encode alike.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String hash(long seq, Instant at, String actor, String actorName, String action, String targetType,
                              String targetId, String department, String detail, String previousHash) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[]{Long.toString(seq), at.toString(), actor, actorName, action, targetType,
                targetId, department, detail, previousHash}) {
            String value = field == null ? "\u0000" : field;
            canonical.append(value.length()).append(':').append(value).append(';');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hashOf(AuditEntry e) {
        return hash(e.seq(), e.at(), e.actor(), e.actorName(), e.action(), e.targetType(), e.targetId(), e.department(),
                e.detail(), e.previousHash());
    }

    /** Where and why the chain is broken. */
    public record Break(long seq, String entryId, Reason reason) {
    }

    public enum Reason {
        /** the entry's fields no longer give its hash: it was changed */
        CONTENT_CHANGED,
        /** the entry does not point at its predecessor's hash: an entry before it was changed, removed or inserted */
        LINK_BROKEN,
        /** a position is missing or repeated */
        SEQUENCE_GAP
    }

    /** Walks the entries in {@code seq} order and returns the first broken link, if any. */
    public static Optional<Break> firstBreak(Iterator<AuditEntry> entries) {
        String expectedPrevious = GENESIS;
        long expectedSeq = 1;
        while (entries.hasNext()) {
            AuditEntry entry = entries.next();
            if (entry.seq() != expectedSeq) {
                return Optional.of(new Break(entry.seq(), entry.id(), Reason.SEQUENCE_GAP));
            }
            if (!expectedPrevious.equals(entry.previousHash())) {
                return Optional.of(new Break(entry.seq(), entry.id(), Reason.LINK_BROKEN));
            }
            if (!hashOf(entry).equals(entry.hash())) {
                return Optional.of(new Break(entry.seq(), entry.id(), Reason.CONTENT_CHANGED));
            }
            expectedPrevious = entry.hash();
            expectedSeq++;
        }
        return Optional.empty();
    }
}

package cn.city.party.discipline.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail's tamper evidence: each entry's hash covers its fields and the previous hash. */
class HashChainTest {

    private static final String KEY = "dGVzdC1vbmx5LWF1ZGl0LWNoYWluLWhtYWMta2V5LTMyYnl0ZXM=";
    private static final AuditKeys KEYS = new AuditKeys(KEY, "");
    private static final AuditKeys.Key K = KEYS.current();

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            Instant at = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i);
            String hash = HashChain.hash(K, i, at, "sub-" + i, "user" + i, "lead.read", "lead", "lead-" + i, "caizheng", null, previous);
            entries.add(new AuditEntry("e" + i, i, at, "sub-" + i, "user" + i, "lead.read", "lead", "lead-" + i,
                    "caizheng", null, previous, K.id(), hash));
            previous = hash;
        }
        return entries;
    }

    private static AuditEntry withActor(AuditEntry e, String actorName) {
        return new AuditEntry(e.id(), e.seq(), e.at(), e.actor(), actorName, e.action(), e.targetType(), e.targetId(),
                e.department(), e.detail(), e.previousHash(), e.keyId(), e.hash());
    }

    @Test
    void an_untouched_chain_is_intact() {
        assertThat(HashChain.firstBreak(chain(5).iterator(), KEYS)).isEmpty();
        assertThat(HashChain.firstBreak(List.<AuditEntry>of().iterator(), KEYS)).isEmpty();
    }

    @Test
    void a_changed_entry_is_the_first_broken_link() {
        List<AuditEntry> entries = chain(5);
        entries.set(2, withActor(entries.get(2), "someone-else"));
        assertThat(HashChain.firstBreak(entries.iterator(), KEYS)).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).isEqualTo(HashChain.Reason.CONTENT_CHANGED);
        });
    }

    @Test
    void a_changed_entry_with_a_recomputed_hash_breaks_the_next_link() {
        List<AuditEntry> entries = chain(5);
        AuditEntry e = entries.get(2);
        String forged = HashChain.hash(K, e.seq(), e.at(), e.actor(), "someone-else", e.action(), e.targetType(),
                e.targetId(), e.department(), e.detail(), e.previousHash());
        entries.set(2, new AuditEntry(e.id(), e.seq(), e.at(), e.actor(), "someone-else", e.action(), e.targetType(),
                e.targetId(), e.department(), e.detail(), e.previousHash(), e.keyId(), forged));
        assertThat(HashChain.firstBreak(entries.iterator(), KEYS)).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(4);
            assertThat(b.reason()).isEqualTo(HashChain.Reason.LINK_BROKEN);
        });
    }

    @Test
    void a_removed_entry_is_a_gap() {
        List<AuditEntry> entries = chain(5);
        entries.remove(1);
        assertThat(HashChain.firstBreak(entries.iterator(), KEYS)).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).isEqualTo(HashChain.Reason.SEQUENCE_GAP);
        });
    }

    @Test
    void fields_cannot_be_shifted_between_each_other() {
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        assertThat(HashChain.hash(K, 1, at, "ab", "c", "x", "t", "i", "d", null, HashChain.GENESIS))
                .isNotEqualTo(HashChain.hash(K, 1, at, "a", "bc", "x", "t", "i", "d", null, HashChain.GENESIS));
        assertThat(HashChain.hash(K, 1, at, "a", "b", "x", "t", "i", "d", null, HashChain.GENESIS))
                .isNotEqualTo(HashChain.hash(K, 1, at, "a", "b", "x", "t", "i", "d", "", HashChain.GENESIS));
    }

    /** Plain SHA-256 over the same fields, as anyone with write access to the database could compute it. */
    private static String unkeyed(AuditEntry e, String actorName) throws Exception {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[]{e.keyId(), Long.toString(e.seq()), e.at().toString(), e.actor(), actorName,
                e.action(), e.targetType(), e.targetId(), e.department(), e.detail(), e.previousHash()}) {
            String value = field == null ? "\u0000" : field;
            canonical.append(value.length()).append(':').append(value).append(';');
        }
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void without_the_key_a_changed_entry_cannot_be_resealed() throws Exception {
        List<AuditEntry> entries = chain(5);
        AuditEntry e = entries.get(4);
        entries.set(4, new AuditEntry(e.id(), e.seq(), e.at(), e.actor(), "someone-else", e.action(), e.targetType(),
                e.targetId(), e.department(), e.detail(), e.previousHash(), e.keyId(), unkeyed(e, "someone-else")));

        assertThat(HashChain.firstBreak(entries.iterator(), KEYS)).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(5);
            assertThat(b.reason()).isEqualTo(HashChain.Reason.CONTENT_CHANGED);
        });
    }

    @Test
    void after_a_key_change_the_older_entries_verify_with_the_previous_key_and_an_unknown_key_does_not() {
        AuditKeys rotated = new AuditKeys("bmV3LWF1ZGl0LWNoYWluLWhtYWMta2V5LWFmdGVyLXJvdGF0aW9uIQ==", KEY);
        AuditKeys withoutOld = new AuditKeys("bmV3LWF1ZGl0LWNoYWluLWhtYWMta2V5LWFmdGVyLXJvdGF0aW9uIQ==", "");

        assertThat(rotated.current().id()).isNotEqualTo(K.id()).hasSize(16);
        assertThat(HashChain.firstBreak(chain(3).iterator(), rotated)).isEmpty();
        assertThat(HashChain.firstBreak(chain(3).iterator(), withoutOld)).hasValueSatisfying(b ->
                assertThat(b.reason()).isEqualTo(HashChain.Reason.CONTENT_CHANGED));
    }
}

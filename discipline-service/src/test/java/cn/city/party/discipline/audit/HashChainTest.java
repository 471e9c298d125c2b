package cn.city.party.discipline.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail's tamper evidence: each entry's hash covers its fields and the previous hash. */
class HashChainTest {

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            Instant at = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i);
            String hash = HashChain.hash(i, at, "sub-" + i, "user" + i, "lead.read", "lead", "lead-" + i, "caizheng", null, previous);
            entries.add(new AuditEntry("e" + i, i, at, "sub-" + i, "user" + i, "lead.read", "lead", "lead-" + i,
                    "caizheng", null, previous, hash));
            previous = hash;
        }
        return entries;
    }

    private static AuditEntry withActor(AuditEntry e, String actorName) {
        return new AuditEntry(e.id(), e.seq(), e.at(), e.actor(), actorName, e.action(), e.targetType(), e.targetId(),
                e.department(), e.detail(), e.previousHash(), e.hash());
    }

    @Test
    void an_untouched_chain_is_intact() {
        assertThat(HashChain.firstBreak(chain(5).iterator())).isEmpty();
        assertThat(HashChain.firstBreak(List.<AuditEntry>of().iterator())).isEmpty();
    }

    @Test
    void a_changed_entry_is_the_first_broken_link() {
        List<AuditEntry> entries = chain(5);
        entries.set(2, withActor(entries.get(2), "someone-else"));
        assertThat(HashChain.firstBreak(entries.iterator())).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).isEqualTo(HashChain.Reason.CONTENT_CHANGED);
        });
    }

    @Test
    void a_changed_entry_with_a_recomputed_hash_breaks_the_next_link() {
        List<AuditEntry> entries = chain(5);
        AuditEntry e = entries.get(2);
        String forged = HashChain.hash(e.seq(), e.at(), e.actor(), "someone-else", e.action(), e.targetType(),
                e.targetId(), e.department(), e.detail(), e.previousHash());
        entries.set(2, new AuditEntry(e.id(), e.seq(), e.at(), e.actor(), "someone-else", e.action(), e.targetType(),
                e.targetId(), e.department(), e.detail(), e.previousHash(), forged));
        assertThat(HashChain.firstBreak(entries.iterator())).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(4);
            assertThat(b.reason()).isEqualTo(HashChain.Reason.LINK_BROKEN);
        });
    }

    @Test
    void a_removed_entry_is_a_gap() {
        List<AuditEntry> entries = chain(5);
        entries.remove(1);
        assertThat(HashChain.firstBreak(entries.iterator())).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).isEqualTo(HashChain.Reason.SEQUENCE_GAP);
        });
    }

    @Test
    void fields_cannot_be_shifted_between_each_other() {
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        assertThat(HashChain.hash(1, at, "ab", "c", "x", "t", "i", "d", null, HashChain.GENESIS))
                .isNotEqualTo(HashChain.hash(1, at, "a", "bc", "x", "t", "i", "d", null, HashChain.GENESIS));
        assertThat(HashChain.hash(1, at, "a", "b", "x", "t", "i", "d", null, HashChain.GENESIS))
                .isNotEqualTo(HashChain.hash(1, at, "a", "b", "x", "t", "i", "d", "", HashChain.GENESIS));
    }
}

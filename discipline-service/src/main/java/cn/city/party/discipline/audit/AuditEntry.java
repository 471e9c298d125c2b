package cn.city.party.discipline.audit;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One link of the append-only audit trail: who did what to which record, when. {@code hash} covers every field and
 * {@code previousHash}, so changing, removing or inserting an entry breaks the chain from there on. Holds no case
 * content and never a reporter's identity.
 *
 * @param seq          position in the chain, from 1, without gaps (unique: two writers cannot both append n)
 * @param at           when, truncated to milliseconds (what MongoDB keeps)
 * @param actor        the caller's subject (Keycloak id), or a fixed marker where the actor must stay unknown
 * @param actorName    the caller's user name, for reading the trail
 * @param action       what happened, e.g. {@code lead.read}, {@code lead.transition}
 * @param targetType   the kind of record
 * @param targetId     the record
 * @param department   the record's department (the trail is read department by department)
 * @param detail       a short, content-free note (e.g. {@code RECEIVED→INQUIRY})
 * @param keyId        the id of the HMAC key that sealed {@code hash} ({@link AuditKeys})
 */
@Document("audit_trail")
public record AuditEntry(@Id String id, @Indexed(unique = true) long seq, Instant at, String actor, String actorName,
                         String action, String targetType, String targetId, String department, String detail,
                         String previousHash, String keyId, String hash) implements DepartmentOwned {
}

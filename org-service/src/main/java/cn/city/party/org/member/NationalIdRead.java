package cn.city.party.org.member;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** Audit record: who read a member's full national ID, when, in which request. Append-only. */
@Document("national_id_reads")
@CompoundIndex(name = "department_member_readAt", def = "{'department': 1, 'memberId': 1, 'readAt': -1}")
public record NationalIdRead(@Id String id, String department, String memberId, String readerSubject,
                             String readerUsername, Instant readAt, String requestId) implements DepartmentOwned {
}

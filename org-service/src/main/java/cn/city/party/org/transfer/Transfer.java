package cn.city.party.org.transfer;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * 组织关系转接: one request to move a member from its branch to another, possibly in another department. It belongs
 * to two departments at once, so it is not a single-department record: {@link TransferService} scopes every read
 * to "the caller's department is the sending or the receiving one". The member document itself carries the pending
 * transfer's id; that is the lock that refuses a second concurrent transfer.
 */
@Document("transfers")
@CompoundIndexes({
        @CompoundIndex(name = "fromDepartment_status_startedAt", def = "{'fromDepartment': 1, 'status': 1, 'startedAt': -1}"),
        @CompoundIndex(name = "toDepartment_status_startedAt", def = "{'toDepartment': 1, 'status': 1, 'startedAt': -1}"),
        @CompoundIndex(name = "memberId_startedAt", def = "{'memberId': 1, 'startedAt': -1}")
})
public record Transfer(@Id String id, String memberId, String memberName, String fromDepartment, String fromBranchId,
                       String toDepartment, String toBranchId, String toBranchName, Status status, String reason,
                       Instant startedAt, String startedBy, Instant decidedAt, String decidedBy, String decisionNote) {

    public enum Status { PENDING, ACCEPTED, REJECTED, CANCELLED }
}

package cn.city.party.activity.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/**
 * A past stretch of a member's active membership of a branch, closed by a transfer or a change of status: who was
 * expected at the branch's sittings on a past day. {@code from} null: since before this service knew the member.
 */
@Document("roster_stints")
public record RosterStint(@Id String id, String memberId, @Indexed String branchId, LocalDate from, LocalDate until) {
}

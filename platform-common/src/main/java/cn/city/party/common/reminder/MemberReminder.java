package cn.city.party.common.reminder;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A member's own reminder (study due, an open exam, dues due…), kept by the service that holds the facts. Its id is
 * its natural key (what, for which member, which record or month), so however many instances run a service's job,
 * each reminder exists once.
 *
 * @param kind  a message key of the service; {@code args} fill it when shown
 * @param about the record it is about (a material, an exam, a month)
 */
@Document("member_reminders")
@CompoundIndex(name = "member_created", def = "{'memberId': 1, 'createdAt': -1}")
public record MemberReminder(@Id String key, String memberId, String department, String kind, List<String> args,
                             String about, Instant createdAt) {
}

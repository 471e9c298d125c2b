package cn.city.party.activity.reminder;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A reminder for one user. Its id is its natural key (what, for whom, which period or record), so however many
 * instances run the job, each reminder exists once.
 *
 * @param kind a message key; {@code args} fill it when shown
 */
@Document("reminders")
@CompoundIndex(name = "recipient_created", def = "{'recipient': 1, 'createdAt': -1}")
public record Reminder(@Id String key, String recipient, String department, String branchId, String kind,
                       List<String> args, String activityId, Instant createdAt) {

    public static final String PERIOD_CLOSING = "reminder.periodClosing";
    public static final String LATE_ENTRY = "reminder.lateEntry";
    public static final String SITTING = "reminder.sitting";
}

package cn.city.party.common.reminder;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.List;

/** Members' own reminders: created once per natural key, read by the member they are for, in the caller's language. */
public class MemberReminders {

    /** The most a member is shown, newest first. */
    static final int SHOWN = 200;

    private final MongoTemplate mongo;
    private final MessageSource messages;

    public MemberReminders(MongoTemplate mongo, MessageSource messages) {
        this.mongo = mongo;
        this.messages = messages;
    }

    /** A reminder as its member reads it. */
    public record View(String id, String kind, String message, String about, Instant createdAt) {
    }

    /** Inserts unless a reminder with the same key exists; returns 1 when this call created it. */
    public int create(MemberReminder reminder) {
        Update update = new Update().setOnInsert("memberId", reminder.memberId())
                .setOnInsert("department", reminder.department()).setOnInsert("kind", reminder.kind())
                .setOnInsert("args", reminder.args()).setOnInsert("about", reminder.about())
                .setOnInsert("createdAt", reminder.createdAt());
        try {
            return mongo.upsert(Query.query(Criteria.where("_id").is(reminder.key())), update, MemberReminder.class)
                    .getUpsertedId() != null ? 1 : 0;
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            return 0;
        }
    }

    /** The reminders of member {@code memberId} (the caller's own member record, decided by the caller). */
    public List<View> of(String memberId) {
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId))
                        .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))).limit(SHOWN), MemberReminder.class)
                .stream().map(r -> new View(r.key(), r.kind(), messages.getMessage(r.kind(), r.args().toArray(),
                        r.kind(), LocaleContextHolder.getLocale()), r.about(), r.createdAt())).toList();
    }
}

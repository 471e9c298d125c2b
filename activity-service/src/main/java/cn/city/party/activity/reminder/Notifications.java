package cn.city.party.activity.reminder;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/** The reminders of one account, newest first (the most recent 200), in the caller's language. */
@Service
public class Notifications {

    private final MongoTemplate mongo;
    private final MessageSource messages;

    public Notifications(MongoTemplate mongo, MessageSource messages) {
        this.mongo = mongo;
        this.messages = messages;
    }

    public record NotificationView(String id, String kind, String message, String branchId, String activityId,
                                   Instant createdAt) {
    }

    public List<NotificationView> of(String recipient) {
        Query newestFirst = Query.query(Criteria.where("recipient").is(recipient))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(200);
        return mongo.find(newestFirst, Reminder.class).stream().map(r -> new NotificationView(r.key(), r.kind(),
                messages.getMessage(r.kind(), r.args().toArray(), r.kind(), LocaleContextHolder.getLocale()),
                r.branchId(), r.activityId(), r.createdAt())).toList();
    }
}

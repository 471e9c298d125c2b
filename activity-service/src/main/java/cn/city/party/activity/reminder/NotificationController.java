package cn.city.party.activity.reminder;

import cn.city.party.common.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** 提醒: the caller's own reminders, newest first, in the caller's language. */
@RestController
@RequestMapping("/api/activities/notifications")
@Tag(name = "提醒 Notifications")
public class NotificationController {

    private final MongoTemplate mongo;
    private final MessageSource messages;

    public NotificationController(MongoTemplate mongo, MessageSource messages) {
        this.mongo = mongo;
        this.messages = messages;
    }

    public record NotificationView(String id, String kind, String message, String branchId, String activityId,
                                   Instant createdAt) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN','BRANCH_SECRETARY','MEMBER','INSPECTOR')")
    @Operation(summary = "我的提醒 The caller's reminders")
    public List<NotificationView> mine() {
        String me = CurrentCaller.get().subject();
        return mongo.find(Query.query(Criteria.where("recipient").is(me)).with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(200), Reminder.class).stream().map(r -> new NotificationView(r.key(), r.kind(),
                messages.getMessage(r.kind(), r.args().toArray(), r.kind(), LocaleContextHolder.getLocale()),
                r.branchId(), r.activityId(), r.createdAt())).toList();
    }
}

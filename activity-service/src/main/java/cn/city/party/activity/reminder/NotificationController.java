package cn.city.party.activity.reminder;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.For;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 提醒: the caller's own reminders, newest first, in the caller's language. */
@RestController
@RequestMapping("/api/activities/notifications")
@Tag(name = "提醒 Notifications")
public class NotificationController {

    private final Notifications notifications;

    public NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @For.AnyRole
    @Operation(summary = "我的提醒 The caller's reminders")
    public List<Notifications.NotificationView> mine() {
        return notifications.of(CurrentCaller.get().subject());
    }
}

package cn.city.party.common.reminder;

import cn.city.party.common.security.For;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * 我的提醒: the caller's own reminders (of its member record), newest first, in the caller's language, under the
 * service's {@code platform.reminders.path}: dues reminders at /api/org/notifications, study reminders at
 * /api/study/notifications.
 */
@RestController
@RequestMapping("${platform.reminders.path}")
@Tag(name = "我的提醒 Member reminders")
public class MemberNotificationController {

    private final MemberReminders reminders;
    private final OwnMember own;

    public MemberNotificationController(MemberReminders reminders, OwnMember own) {
        this.reminders = reminders;
        this.own = own;
    }

    @GetMapping("/mine")
    @For.SecretaryOrMember
    @Operation(summary = "我的提醒 The caller's own reminders (dues in org-service, study in study-service)")
    public List<MemberReminders.View> mine() {
        return reminders.of(own.idOfCaller());
    }
}

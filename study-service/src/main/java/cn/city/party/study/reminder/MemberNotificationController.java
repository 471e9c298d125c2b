package cn.city.party.study.reminder;

import cn.city.party.common.reminder.MemberReminders;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.study.roster.Roster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 我的学习提醒: the caller's own study reminders (of its member record), newest first, in the caller's language. */
@RestController
@RequestMapping("/api/study/notifications")
@Tag(name = "学习提醒 Study reminders")
public class MemberNotificationController {

    private final MemberReminders reminders;
    private final Roster roster;

    public MemberNotificationController(MemberReminders reminders, Roster roster) {
        this.reminders = reminders;
        this.roster = roster;
    }

    @GetMapping("/mine")
    @PreAuthorize("hasAnyRole('MEMBER','BRANCH_SECRETARY')")
    @Operation(summary = "我的学习提醒 The caller's own study reminders")
    public List<MemberReminders.View> mine() {
        return reminders.of(roster.requireMember(CurrentCaller.get()).id());
    }
}

package cn.city.party.org.dues;

import cn.city.party.common.reminder.MemberReminders;
import cn.city.party.org.member.BranchScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 我的党费提醒: the caller's own reminders (of its member record), newest first, in the caller's language. */
@RestController
@RequestMapping("/api/org/notifications")
@Tag(name = "党费提醒 Dues reminders")
public class MemberNotificationController {

    private final MemberReminders reminders;
    private final BranchScope branchScope;

    public MemberNotificationController(MemberReminders reminders, BranchScope branchScope) {
        this.reminders = reminders;
        this.branchScope = branchScope;
    }

    @GetMapping("/mine")
    @PreAuthorize("hasAnyRole('MEMBER','BRANCH_SECRETARY')")
    @Operation(summary = "我的提醒（党费） The caller's own dues reminders")
    public List<MemberReminders.View> mine() {
        return reminders.of(branchScope.requireSelf().id());
    }
}

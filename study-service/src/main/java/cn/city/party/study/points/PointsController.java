package cn.city.party.study.points;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.study.roster.Roster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 积分与排行（可选） Optional points and leaderboards, only where a department turns them on. */
@RestController
@Validated
@RequestMapping("/api/study/points")
@Tag(name = "积分 Points (optional)")
public class PointsController {

    private final Points points;
    private final Roster roster;

    public PointsController(Points points, Roster roster) {
        this.points = points;
        this.roster = roster;
    }

    public record LeaderboardSwitch(@Pattern(regexp = "[a-z][a-z0-9-]{1,31}") String department, boolean enabled) {
    }

    @PutMapping("/leaderboard/settings")
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN')")
    @Operation(summary = "开启或关闭本部门积分排行 Turn the department's leaderboard on or off")
    public LeaderboardSwitch setLeaderboard(@RequestBody LeaderboardSwitch r) {
        points.setLeaderboard(CurrentCaller.get(), r.department(), r.enabled());
        return r;
    }

    @GetMapping("/leaderboard")
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN','BRANCH_SECRETARY','MEMBER')")
    public List<Points.Standing> leaderboard(@RequestParam(required = false) String department,
                                             @RequestParam @Min(2000) @Max(2100) int year) {
        return points.leaderboard(CurrentCaller.get(), department, year);
    }

    @GetMapping("/mine")
    @PreAuthorize("hasAnyRole('MEMBER','BRANCH_SECRETARY')")
    public long mine(@RequestParam @Min(2000) @Max(2100) int year) {
        var caller = CurrentCaller.get();
        return points.pointsOf(caller, roster.requireMember(caller).id(), year);
    }
}

package cn.city.party.study.points;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.DepartmentCode;
import cn.city.party.study.roster.Roster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    public record LeaderboardSwitch(@DepartmentCode String department, boolean enabled) {
    }

    @PutMapping("/leaderboard/settings")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "开启或关闭本部门积分排行 Turn the department's leaderboard on or off")
    public LeaderboardSwitch setLeaderboard(@RequestBody LeaderboardSwitch r) {
        points.setLeaderboard(CurrentCaller.get(), r.department(), r.enabled());
        return r;
    }

    @GetMapping("/leaderboard")
    @For.WorkCommitteeDeptAdminSecretaryOrMember
    public List<Points.Standing> leaderboard(@RequestParam(required = false) String department,
                                             @RequestParam @Min(2000) @Max(2100) int year) {
        return points.leaderboard(CurrentCaller.get(), department, year);
    }

    @GetMapping("/mine")
    @For.SecretaryOrMember
    public long mine(@RequestParam @Min(2000) @Max(2100) int year) {
        var caller = CurrentCaller.get();
        return points.pointsOf(caller, roster.requireMember(caller).id(), year);
    }
}

package cn.city.party.study.progress;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.For;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;

/** 学习进度与学时: members report their own study; organizers see members and completion rates. */
@RestController
@Validated
@RequestMapping("/api/study/progress")
@Tag(name = "学习进度 Progress and credit hours")
public class ProgressController {

    private final ProgressService progress;

    public ProgressController(ProgressService progress) {
        this.progress = progress;
    }

    public record TimeReport(@Min(1) @Max(86_400) long seconds) {
    }

    public record ProgressView(String materialId, Instant startedAt, long secondsSpent, Instant completedAt,
                               BigDecimal creditHours) {

        static ProgressView of(Progress p) {
            return new ProgressView(p.materialId(), p.startedAt(), p.secondsSpent(), p.completedAt(), p.creditHours());
        }
    }

    @PostMapping("/materials/{materialId}/start")
    @For.SecretaryOrMember
    @Operation(summary = "开始学习 Start studying a material")
    public ProgressView start(@PathVariable String materialId) {
        return ProgressView.of(progress.start(CurrentCaller.get(), materialId));
    }

    @PostMapping("/materials/{materialId}/time")
    @For.SecretaryOrMember
    @Operation(summary = "上报学习时长（按合理上限计） Report study time, capped at what is plausible")
    public ProgressView time(@PathVariable String materialId, @Valid @RequestBody TimeReport r) {
        return ProgressView.of(progress.report(CurrentCaller.get(), materialId, r.seconds()));
    }

    @PostMapping("/materials/{materialId}/complete")
    @For.SecretaryOrMember
    @Operation(summary = "学完 Complete")
    public ProgressView complete(@PathVariable String materialId) {
        return ProgressView.of(progress.complete(CurrentCaller.get(), materialId));
    }

    @GetMapping("/mine")
    @For.SecretaryOrMember
    @Operation(summary = "我的学时与必学任务 My credit hours, required and overdue study")
    public CreditLedger.Summary mine(@RequestParam @Min(2000) @Max(2100) int year) {
        return progress.mine(CurrentCaller.get(), year);
    }

    @GetMapping("/members/{memberId}")
    @For.WorkCommitteeDeptAdminOrSecretary
    public CreditLedger.Summary member(@PathVariable String memberId, @RequestParam @Min(2000) @Max(2100) int year) {
        return progress.ofMember(CurrentCaller.get(), memberId, year);
    }

    @GetMapping("/completion")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "支部、部门完成率 Completion rates per branch and department")
    public ProgressService.Completion completion(@RequestParam @Min(2000) @Max(2100) int year,
                                                 @RequestParam(required = false) String department) {
        return progress.completion(CurrentCaller.get(), year, department);
    }
}

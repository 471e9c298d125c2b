package cn.city.party.study.progress;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** 学习进度: one member's study of one material. Its id is {@code memberId|materialId}, so there is one per pair. */
@Document("progress")
@CompoundIndex(name = "department_year", def = "{'department': 1, 'year': 1, 'completedAt': 1}")
public class Progress extends AggregateRoot {

    @Id
    private String id;
    private String department;
    private String branchId;
    private String memberId;
    private String materialId;
    private Instant startedAt;
    private Instant lastReportAt;
    private long secondsSpent;
    private Instant completedAt;
    private Integer year;
    private BigDecimal creditHours;
    private boolean required;
    @Version
    private Long version;

    protected Progress() {
    }

    public Progress(String department, String branchId, String memberId, String materialId, Instant now) {
        this.id = idOf(memberId, materialId);
        this.department = department;
        this.branchId = branchId;
        this.memberId = memberId;
        this.materialId = materialId;
        this.startedAt = now;
        this.lastReportAt = now;
    }

    public static String idOf(String memberId, String materialId) {
        return memberId + "|" + materialId;
    }

    /** Adds reported study time, as far as {@link StudyRules#countedSeconds} finds it plausible. */
    public void report(long seconds, int estimatedMinutes, StudyRules rules, Instant now) {
        if (completed()) {
            throw Problems.conflict("progress.alreadyCompleted");
        }
        long elapsed = Math.max(0, Duration.between(lastReportAt, now).toSeconds());
        secondsSpent = rules.countedSeconds(secondsSpent, seconds, elapsed, estimatedMinutes);
        lastReportAt = now;
    }

    public void complete(BigDecimal hours, boolean requiredStudy, int studyYear, Instant now) {
        if (completed()) {
            throw Problems.conflict("progress.alreadyCompleted");
        }
        completedAt = now;
        creditHours = hours;
        required = requiredStudy;
        year = studyYear;
    }

    public boolean completed() {
        return completedAt != null;
    }

    public String id() { return id; }
    @Override
    public String department() { return department; }
    public String branchId() { return branchId; }
    public String memberId() { return memberId; }
    public String materialId() { return materialId; }
    public Instant startedAt() { return startedAt; }
    public long secondsSpent() { return secondsSpent; }
    public Instant completedAt() { return completedAt; }
    public Integer year() { return year; }
    public BigDecimal creditHours() { return creditHours; }
    public boolean required() { return required; }
}

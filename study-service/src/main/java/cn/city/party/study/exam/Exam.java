package cn.city.party.study.exam;

import cn.city.party.common.error.Problems;
import cn.city.party.common.tenancy.DepartmentOwned;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * 考试: a paper (fixed questions, or drawn at random per attempt by category and count), a time limit, a pass
 * mark out of 100, how many attempts a member has, and the window in which attempts may start.
 */
@Document("exams")
public class Exam implements DepartmentOwned {

    public enum Mode { FIXED, RANDOM }

    /** Exams are open for attempts from creation; the field lets content visibility treat them like materials. */
    public static final String PUBLISHED = "PUBLISHED";

    @Id
    private String id;
    private String department;
    private String branchId;
    private Audience audience;
    private String status = PUBLISHED;
    private String title;
    private Mode mode;
    private List<String> questionIds;
    private List<PaperDrawer.Draw> draws;
    private long seed;
    private int timeLimitMinutes;
    private BigDecimal passMark;
    private int attemptLimit;
    private Scoring scoring;
    private Instant opensAt;
    private Instant closesAt;
    private Instant createdAt;

    protected Exam() {
    }

    public Exam(String id, Reach reach, String title, Mode mode, List<String> questionIds, List<PaperDrawer.Draw> draws,
                long seed, int timeLimitMinutes, BigDecimal passMark, int attemptLimit, Scoring scoring,
                Instant opensAt, Instant closesAt, Instant now) {
        if (!closesAt.isAfter(opensAt)) {
            throw Problems.invalid("closesAt", "exam.closesBeforeOpens");
        }
        if (mode == Mode.FIXED ? questionIds == null || questionIds.isEmpty() : draws == null || draws.isEmpty()) {
            throw Problems.invalid(mode == Mode.FIXED ? "questionIds" : "draws", "exam.paperEmpty");
        }
        if (mode == Mode.FIXED && questionIds.stream().distinct().count() != questionIds.size()) {
            throw Problems.invalid("questionIds", "exam.repeatedQuestion");
        }
        this.id = id;
        this.department = reach.department();
        this.branchId = reach.branchId();
        this.audience = reach.audience();
        this.title = title;
        this.mode = mode;
        this.questionIds = mode == Mode.FIXED ? List.copyOf(questionIds) : List.of();
        this.draws = mode == Mode.RANDOM ? List.copyOf(draws) : List.of();
        this.seed = seed;
        this.timeLimitMinutes = timeLimitMinutes;
        this.passMark = passMark;
        this.attemptLimit = attemptLimit;
        this.scoring = scoring;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.createdAt = now;
    }

    public boolean open(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean closed(Instant now) {
        return !now.isBefore(closesAt);
    }

    /** When an attempt started at {@code start} must be submitted: its time limit, but never after the exam closes. */
    public Instant deadlineFor(Instant start) {
        Instant limit = start.plus(Duration.ofMinutes(timeLimitMinutes));
        return limit.isBefore(closesAt) ? limit : closesAt;
    }

    public boolean passes(BigDecimal score) {
        return score.compareTo(passMark) >= 0;
    }

    public Reach reach() {
        return new Reach(department, branchId, audience);
    }

    public String id() { return id; }
    @Override
    public String department() { return department; }
    public String branchId() { return branchId; }
    public Audience audience() { return audience; }
    public String title() { return title; }
    public Mode mode() { return mode; }
    public List<String> questionIds() { return questionIds; }
    public List<PaperDrawer.Draw> draws() { return draws; }
    public long seed() { return seed; }
    public int timeLimitMinutes() { return timeLimitMinutes; }
    public BigDecimal passMark() { return passMark; }
    public int attemptLimit() { return attemptLimit; }
    public Scoring scoring() { return scoring; }
    public Instant opensAt() { return opensAt; }
    public Instant closesAt() { return closesAt; }
    public Instant createdAt() { return createdAt; }
}

package cn.city.party.study.exam;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One member's attempt at an exam. The paper is copied in when the attempt starts (options already in this
 * attempt's order), so later edits to the bank cannot change what was asked or how it is graded. The server's
 * clock decides: nothing is accepted after the deadline.
 */
@Document("attempts")
@CompoundIndex(name = "one_number_per_member", def = "{'examId': 1, 'memberId': 1, 'number': 1}", unique = true)
public class Attempt extends AggregateRoot {

    public enum Status { IN_PROGRESS, SUBMITTED }

    /** A question as this attempt shows it; {@code correct} stays on the server until the exam closes. */
    public record PaperQuestion(String questionId, Question.Type type, String stem, List<Question.Option> options,
                                Set<String> correct) {
    }

    @Id
    private String id;
    private String department;
    private String branchId;
    private String examId;
    private String memberId;
    private int number;
    private Instant startedAt;
    private Instant deadline;
    private List<PaperQuestion> paper;
    private Map<String, List<String>> answers = new HashMap<>();
    private Status status = Status.IN_PROGRESS;
    private BigDecimal score;
    private Boolean passed;
    private Instant submittedAt;
    @Version
    private Long version;

    protected Attempt() {
    }

    public Attempt(String id, String department, String branchId, String examId, String memberId, int number,
                   Instant startedAt, Instant deadline, List<PaperQuestion> paper) {
        this.id = id;
        this.department = department;
        this.branchId = branchId;
        this.examId = examId;
        this.memberId = memberId;
        this.number = number;
        this.startedAt = startedAt;
        this.deadline = deadline;
        this.paper = List.copyOf(paper);
    }

    /** Records the options chosen for one question; refused after the deadline, after submission or for options not in it. */
    public void answer(String questionId, Set<String> optionIds, Instant now) {
        requireOpen(now);
        PaperQuestion question = paper.stream().filter(q -> q.questionId().equals(questionId)).findFirst()
                .orElseThrow(() -> Problems.invalid("questionId", "attempt.noSuchQuestion", questionId));
        for (String option : optionIds) {
            if (question.options().stream().noneMatch(o -> o.id().equals(option))) {
                throw Problems.invalid("optionIds", "attempt.noSuchOption", option);
            }
        }
        if (question.type() != Question.Type.MULTIPLE && optionIds.size() > 1) {
            throw Problems.invalid("optionIds", "attempt.oneOptionOnly");
        }
        answers.put(questionId, List.copyOf(new LinkedHashSet<>(optionIds)));
    }

    /** Grades the attempt on the server and closes it. */
    public BigDecimal submit(Exam exam, Instant now) {
        if (status == Status.SUBMITTED) {
            throw Problems.conflict("attempt.submitted");
        }
        List<Grader.Item> items = new ArrayList<>();
        Map<Integer, Set<String>> byPosition = new HashMap<>();
        for (int i = 0; i < paper.size(); i++) {
            PaperQuestion q = paper.get(i);
            items.add(new Grader.Item(q.type(), q.correct()));
            byPosition.put(i, Set.copyOf(answers.getOrDefault(q.questionId(), List.of())));
        }
        score = Grader.score(items, byPosition, exam.scoring());
        passed = exam.passes(score);
        status = Status.SUBMITTED;
        submittedAt = now.isAfter(deadline) ? deadline : now;
        return score;
    }

    public void requireOpen(Instant now) {
        if (status == Status.SUBMITTED) {
            throw Problems.conflict("attempt.submitted");
        }
        if (now.isAfter(deadline)) {
            throw Problems.conflict("attempt.timeUp", deadline);
        }
    }

    public boolean missed(PaperQuestion q) {
        return !Set.copyOf(answers.getOrDefault(q.questionId(), List.of())).equals(q.correct());
    }

    public String id() { return id; }
    @Override
    public String department() { return department; }
    public String branchId() { return branchId; }
    public String examId() { return examId; }
    public String memberId() { return memberId; }
    public int number() { return number; }
    public Instant startedAt() { return startedAt; }
    public Instant deadline() { return deadline; }
    public List<PaperQuestion> paper() { return paper; }
    public Map<String, List<String>> answers() { return Map.copyOf(answers); }
    public Status status() { return status; }
    public BigDecimal score() { return score; }
    public Boolean passed() { return passed; }
    public Instant submittedAt() { return submittedAt; }
}

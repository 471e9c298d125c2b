package cn.city.party.study.exam;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.DepartmentCode;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 考试 and 答题: attempts show no answer key before submission, and results show it only after the exam closes. */
@RestController
@RequestMapping("/api/study")
@Tag(name = "考试 Exams")
public class ExamController {

    private final ExamService exams;
    private final Clock clock;

    public ExamController(ExamService exams, Clock clock) {
        this.exams = exams;
        this.clock = clock;
    }

    public record DrawInput(@NotNull cn.city.party.study.material.Category category, @Min(1) @Max(200) int count) {
    }

    public record CreateExam(@NotBlank @Size(max = 120) String title, @NotNull Exam.Mode mode,
                             @Size(max = 200) List<@NotBlank String> questionIds,
                             @Size(max = 10) List<@Valid DrawInput> draws, Long seed,
                             @Min(1) @Max(600) int timeLimitMinutes,
                             @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal passMark,
                             @Min(1) @Max(10) int attemptLimit, @NotNull Scoring scoring,
                             @NotNull Instant opensAt, @NotNull Instant closesAt,
                             @NotNull Audience audience,
                             @DepartmentCode String department,
                             @Size(max = 64) String branchId) {
    }

    public record ExamView(String id, String department, String branchId, Audience audience, String title,
                           Exam.Mode mode, int questionCount, int timeLimitMinutes, BigDecimal passMark,
                           int attemptLimit, Scoring scoring, Instant opensAt, Instant closesAt) {

        static ExamView of(Exam e) {
            int count = e.mode() == Exam.Mode.FIXED ? e.questionIds().size()
                    : e.draws().stream().mapToInt(PaperDrawer.Draw::count).sum();
            return new ExamView(e.id(), e.department(), e.branchId(), e.audience(), e.title(), e.mode(), count,
                    e.timeLimitMinutes(), e.passMark(), e.attemptLimit(), e.scoring(), e.opensAt(), e.closesAt());
        }
    }

    /** A question as the member sees it while answering: no key. */
    public record ShownQuestion(String questionId, Question.Type type, String stem, List<Question.Option> options) {
    }

    public record AttemptView(String id, String examId, int number, Instant startedAt, Instant deadline,
                              Attempt.Status status, List<ShownQuestion> questions, Map<String, List<String>> answers) {

        static AttemptView of(Attempt a) {
            return new AttemptView(a.id(), a.examId(), a.number(), a.startedAt(), a.deadline(), a.status(),
                    a.paper().stream().map(q -> new ShownQuestion(q.questionId(), q.type(), q.stem(), q.options())).toList(),
                    a.answers());
        }
    }

    /** One question of a result; {@code correct} and {@code right} are null until the exam has closed. */
    public record ReviewedQuestion(String questionId, String stem, List<Question.Option> options, List<String> chosen,
                                   Set<String> correct, Boolean right) {
    }

    public record ResultView(String id, String examId, int number, Attempt.Status status, BigDecimal score,
                             BigDecimal passMark, Boolean passed, Instant submittedAt, boolean answersShown,
                             List<ReviewedQuestion> questions) {
    }

    ResultView result(Attempt a) {
        Exam exam = exams.examOf(a);
        boolean show = a.status() == Attempt.Status.SUBMITTED && exam.closed(clock.instant());
        List<ReviewedQuestion> reviewed = a.paper().stream().map(q -> new ReviewedQuestion(q.questionId(), q.stem(),
                q.options(), a.answers().getOrDefault(q.questionId(), List.of()), show ? q.correct() : null,
                show ? !a.missed(q) : null)).toList();
        return new ResultView(a.id(), a.examId(), a.number(), a.status(), a.score(), exam.passMark(), a.passed(),
                a.submittedAt(), show, reviewed);
    }

    public record Answer(@NotNull @Size(max = 8) Set<@NotBlank String> optionIds) {
    }

    public record Submission(Map<@NotBlank String, @NotNull Set<@NotBlank String>> answers) {
    }

    @PostMapping("/exams")
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "组织考试 Set up an exam")
    public ExamView create(@Valid @RequestBody CreateExam r) {
        List<PaperDrawer.Draw> draws = r.draws() == null ? List.of()
                : r.draws().stream().map(d -> new PaperDrawer.Draw(d.category(), d.count())).toList();
        return ExamView.of(exams.create(CurrentCaller.get(), new Reach(r.department(), r.branchId(), r.audience()),
                new ExamService.Setup(r.title(), r.mode(), r.questionIds(), draws, r.seed(), r.timeLimitMinutes(),
                        r.passMark(), r.attemptLimit(), r.scoring(), r.opensAt(), r.closesAt())));
    }

    @GetMapping("/exams")
    @For.WorkCommitteeDeptAdminSecretaryOrMember
    public List<ExamView> list() {
        return exams.list(CurrentCaller.get()).stream().map(ExamView::of).toList();
    }

    @GetMapping("/exams/{id}")
    @For.WorkCommitteeDeptAdminSecretaryOrMember
    public ExamView get(@PathVariable String id) {
        return ExamView.of(exams.get(CurrentCaller.get(), id));
    }

    @GetMapping("/exams/{id}/results")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "考试结果：通过率、易错题 Results: pass rate, most-missed questions")
    public ExamService.Results results(@PathVariable String id) {
        return exams.results(CurrentCaller.get(), id);
    }

    @PostMapping("/exams/{id}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    @For.SecretaryOrMember
    @Operation(summary = "开始答题（不含答案） Start an attempt (no answer key)")
    public AttemptView start(@PathVariable String id) {
        return AttemptView.of(exams.start(CurrentCaller.get(), id));
    }

    @GetMapping("/exams/{id}/attempts/mine")
    @For.SecretaryOrMember
    public List<ResultView> mine(@PathVariable String id) {
        return exams.myAttempts(CurrentCaller.get(), id).stream().map(this::result).toList();
    }

    @GetMapping("/attempts/{id}")
    @For.SecretaryOrMember
    @Operation(summary = "继续答题 The attempt as it stands (no answer key)")
    public AttemptView attempt(@PathVariable String id) {
        return AttemptView.of(exams.own(CurrentCaller.get(), id));
    }

    @PutMapping("/attempts/{id}/answers/{questionId}")
    @For.SecretaryOrMember
    @Operation(summary = "作答一题 Answer one question")
    public AttemptView answer(@PathVariable String id, @PathVariable String questionId, @Valid @RequestBody Answer r) {
        return AttemptView.of(exams.answer(CurrentCaller.get(), id, questionId, r.optionIds()));
    }

    @PostMapping("/attempts/{id}/submit")
    @For.SecretaryOrMember
    @Operation(summary = "交卷（服务器评分） Submit; graded on the server")
    public ResultView submit(@PathVariable String id, @Valid @RequestBody(required = false) Submission r) {
        return result(exams.submit(CurrentCaller.get(), id, r == null ? null : r.answers()));
    }

    @GetMapping("/attempts/{id}/result")
    @For.SecretaryOrMember
    @Operation(summary = "成绩（考试结束后显示答案） Result; answers only after the exam closes")
    public ResultView resultOf(@PathVariable String id) {
        return result(exams.own(CurrentCaller.get(), id));
    }
}

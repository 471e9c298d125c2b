package cn.city.party.study.exam;

import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.For;
import cn.city.party.study.material.Category;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * 题库: organizers see it to build papers; the answer keys only its keepers ({@link AnswerKeys}), since secretaries
 * and members sit the exams drawn from it.
 */
@RestController
@RequestMapping("/api/study/questions")
@Tag(name = "题库 Question bank")
public class QuestionController {

    private final QuestionService questions;

    public QuestionController(QuestionService questions) {
        this.questions = questions;
    }

    public record OptionInput(@NotBlank @Size(max = 8) String id, @NotBlank @Size(max = 500) String text) {
    }

    public record CreateQuestion(@NotNull Question.Type type, @NotNull Category category,
                                 @NotNull Question.Difficulty difficulty, @NotBlank @Size(max = 1000) String stem,
                                 @NotEmpty @Size(max = 8) List<@Valid OptionInput> options,
                                 @NotEmpty Set<@NotBlank String> correct) {
    }

    /** {@code correct} is null where the caller may not read the key. */
    public record QuestionView(String id, String department, Question.Type type, Category category,
                               Question.Difficulty difficulty, String stem, List<Question.Option> options,
                               Set<String> correct) {

        static QuestionView of(Question q, boolean keyShown) {
            return new QuestionView(q.id(), q.department(), q.type(), q.category(), q.difficulty(), q.stem(),
                    q.options(), keyShown ? q.correct() : null);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "录入试题 Add a question to the bank")
    public QuestionView create(@Valid @RequestBody CreateQuestion r) {
        // the author gets back the key it has just typed
        return QuestionView.of(questions.create(CurrentCaller.get(), r.type(), r.category(), r.difficulty(), r.stem(),
                r.options().stream().map(o -> new Question.Option(o.id(), o.text())).toList(), r.correct()), true);
    }

    @GetMapping
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "题库列表（答案仅对题库管理者） The bank; answer keys only to the bank's keepers, "
            + "and not for questions of an exam they may still sit")
    public List<QuestionView> list(@RequestParam(required = false) Category category) {
        Caller caller = CurrentCaller.get();
        Predicate<Question> keyShown = questions.keysShownTo(caller);
        return questions.list(caller, category).stream().map(q -> QuestionView.of(q, keyShown.test(q))).toList();
    }
}

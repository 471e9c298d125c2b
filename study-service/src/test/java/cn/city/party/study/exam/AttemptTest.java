package cn.city.party.study.exam;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttemptTest {

    private static final Instant OPENS = Instant.parse("2026-07-01T01:00:00Z");
    private static final List<Question.Option> OPTIONS = List.of(new Question.Option("A", "甲"),
            new Question.Option("B", "乙"), new Question.Option("C", "丙"));

    private final Exam exam = new Exam("e1", new Reach("caizheng", null, Audience.ALL), "党史测试", Exam.Mode.FIXED,
            List.of("q1", "q2"), List.of(), 1, 30, new BigDecimal("60"), 1, Scoring.ALL_OR_NOTHING, OPENS,
            OPENS.plus(Duration.ofHours(2)), OPENS);

    private Attempt started(Instant at) {
        return new Attempt("a1", "caizheng", "b1", "e1", "m1", 1, at, exam.deadlineFor(at), List.of(
                new Attempt.PaperQuestion("q1", Question.Type.SINGLE, "一", OPTIONS, Set.of("A")),
                new Attempt.PaperQuestion("q2", Question.Type.MULTIPLE, "二", OPTIONS, Set.of("A", "B"))));
    }

    @Test
    void the_deadline_is_the_time_limit_but_never_after_the_exam_closes() {
        assertThat(exam.deadlineFor(OPENS)).isEqualTo(OPENS.plus(Duration.ofMinutes(30)));
        assertThat(exam.deadlineFor(OPENS.plus(Duration.ofMinutes(100)))).isEqualTo(OPENS.plus(Duration.ofHours(2)));
    }

    @Test
    void an_answer_after_the_time_limit_is_refused_and_changes_nothing() {
        Attempt attempt = started(OPENS);
        assertThatThrownBy(() -> attempt.answer("q1", Set.of("A"), OPENS.plus(Duration.ofMinutes(31))))
                .isInstanceOf(DomainProblem.class).hasMessageContaining("attempt.timeUp");
        assertThat(attempt.answers()).isEmpty();
    }

    @Test
    void an_option_that_is_not_in_the_question_is_refused() {
        Attempt attempt = started(OPENS);
        assertThatThrownBy(() -> attempt.answer("q1", Set.of("Z"), OPENS))
                .isInstanceOf(DomainProblem.class).hasMessageContaining("invalidInput");
        assertThatThrownBy(() -> attempt.answer("q1", Set.of("A", "B"), OPENS)).isInstanceOf(DomainProblem.class);
        assertThat(attempt.answers()).isEmpty();
    }

    @Test
    void submission_grades_on_the_server_and_cannot_happen_twice() {
        Attempt attempt = started(OPENS);
        attempt.answer("q1", Set.of("A"), OPENS);
        attempt.answer("q2", Set.of("A"), OPENS);

        assertThat(attempt.submit(exam, OPENS.plusSeconds(60))).isEqualTo(new BigDecimal("50.0"));
        assertThat(attempt.passed()).isFalse();
        assertThatThrownBy(() -> attempt.submit(exam, OPENS.plusSeconds(61))).isInstanceOf(DomainProblem.class);
        assertThatThrownBy(() -> attempt.answer("q2", Set.of("B"), OPENS.plusSeconds(62))).isInstanceOf(DomainProblem.class);
        assertThat(attempt.answers()).isEqualTo(Map.of("q1", List.of("A"), "q2", List.of("A")));
    }
}

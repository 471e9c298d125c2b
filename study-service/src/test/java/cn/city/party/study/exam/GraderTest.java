package cn.city.party.study.exam;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GraderTest {

    private static final Set<String> AC = Set.of("A", "C");

    @Test
    void single_choice_and_true_false_earn_the_point_only_for_the_correct_option() {
        assertThat(Grader.credit(Question.Type.SINGLE, Set.of("B"), Set.of("B"), Scoring.PARTIAL)).isEqualByComparingTo("1");
        assertThat(Grader.credit(Question.Type.SINGLE, Set.of("B"), Set.of("A"), Scoring.PARTIAL)).isEqualByComparingTo("0");
        assertThat(Grader.credit(Question.Type.TRUE_FALSE, Set.of("T"), Set.of(), Scoring.PARTIAL)).isEqualByComparingTo("0");
    }

    @Test
    void all_or_nothing_multiple_choice_needs_exactly_the_correct_options() {
        assertThat(Grader.credit(Question.Type.MULTIPLE, AC, Set.of("A", "C"), Scoring.ALL_OR_NOTHING)).isEqualByComparingTo("1");
        assertThat(Grader.credit(Question.Type.MULTIPLE, AC, Set.of("A"), Scoring.ALL_OR_NOTHING)).isEqualByComparingTo("0");
        assertThat(Grader.credit(Question.Type.MULTIPLE, AC, Set.of("A", "B", "C"), Scoring.ALL_OR_NOTHING)).isEqualByComparingTo("0");
    }

    @Test
    void partial_multiple_choice_gives_the_share_of_correct_options_chosen_and_nothing_for_a_wrong_one() {
        assertThat(Grader.credit(Question.Type.MULTIPLE, AC, Set.of("A"), Scoring.PARTIAL)).isEqualByComparingTo("0.5");
        assertThat(Grader.credit(Question.Type.MULTIPLE, AC, Set.of("A", "B"), Scoring.PARTIAL)).isEqualByComparingTo("0");
        assertThat(Grader.credit(Question.Type.MULTIPLE, AC, Set.of(), Scoring.PARTIAL)).isEqualByComparingTo("0");
    }

    @Test
    void the_score_is_out_of_100_with_every_question_worth_the_same_and_missing_answers_worth_nothing() {
        List<Grader.Item> paper = List.of(new Grader.Item(Question.Type.SINGLE, Set.of("A")),
                new Grader.Item(Question.Type.MULTIPLE, AC), new Grader.Item(Question.Type.TRUE_FALSE, Set.of("T")));
        Map<Integer, Set<String>> answers = Map.of(0, Set.of("A"), 1, Set.of("C"));

        assertThat(Grader.score(paper, answers, Scoring.ALL_OR_NOTHING)).isEqualTo(new BigDecimal("33.3"));
        assertThat(Grader.score(paper, answers, Scoring.PARTIAL)).isEqualTo(new BigDecimal("50.0"));
    }
}

package cn.city.party.study.exam;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.study.material.Category;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaperDrawerTest {

    private static final Map<Category, List<String>> BANK = Map.of(
            Category.PARTY_HISTORY, IntStream.range(0, 30).mapToObj(i -> "h" + i).toList(),
            Category.INTEGRITY, IntStream.range(0, 10).mapToObj(i -> "i" + i).toList());
    private static final List<PaperDrawer.Draw> DRAWS = List.of(new PaperDrawer.Draw(Category.PARTY_HISTORY, 12),
            new PaperDrawer.Draw(Category.INTEGRITY, 10));

    @Test
    void a_random_paper_has_the_requested_count_per_category_and_no_question_twice() {
        List<String> paper = PaperDrawer.draw(DRAWS, BANK, 42);

        assertThat(paper).hasSize(22).doesNotHaveDuplicates();
        assertThat(paper.stream().filter(id -> id.startsWith("h"))).hasSize(12);
        assertThat(paper.stream().filter(id -> id.startsWith("i"))).hasSize(10);
    }

    @Test
    void the_same_seed_draws_the_same_paper_whatever_the_bank_order_and_another_seed_another_one() {
        Map<Category, List<String>> reversed = Map.of(
                Category.PARTY_HISTORY, reversed(BANK.get(Category.PARTY_HISTORY)),
                Category.INTEGRITY, reversed(BANK.get(Category.INTEGRITY)));

        assertThat(PaperDrawer.draw(DRAWS, reversed, 42)).isEqualTo(PaperDrawer.draw(DRAWS, BANK, 42));
        assertThat(PaperDrawer.draw(DRAWS, BANK, 43)).isNotEqualTo(PaperDrawer.draw(DRAWS, BANK, 42));
    }

    @Test
    void a_category_with_too_few_questions_is_refused_rather_than_repeated() {
        assertThatThrownBy(() -> PaperDrawer.draw(List.of(new PaperDrawer.Draw(Category.INTEGRITY, 11)), BANK, 1))
                .isInstanceOf(DomainProblem.class).hasMessageContaining("exam.bankTooSmall");
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}

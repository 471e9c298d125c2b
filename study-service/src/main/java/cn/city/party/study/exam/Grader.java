package cn.city.party.study.exam;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grades an attempt on the server. Every question is worth the same; the score is out of 100 with one decimal.
 * Single choice and true/false: right only for exactly the correct option. Multiple choice: see {@link Scoring}.
 */
public final class Grader {

    private Grader() {
    }

    /** What one question earned: 0..1. */
    public static BigDecimal credit(Question.Type type, Set<String> correct, Set<String> chosen, Scoring scoring) {
        if (chosen.equals(correct)) {
            return BigDecimal.ONE;
        }
        if (type != Question.Type.MULTIPLE || scoring == Scoring.ALL_OR_NOTHING || chosen.isEmpty()
                || !correct.containsAll(chosen)) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(chosen.size()).divide(BigDecimal.valueOf(correct.size()), 6, RoundingMode.HALF_UP);
    }

    public record Item(Question.Type type, Set<String> correct) {
    }

    /** The score out of 100 for answers keyed by position in the paper (a missing answer earns nothing). */
    public static BigDecimal score(List<Item> paper, Map<Integer, Set<String>> answers, Scoring scoring) {
        if (paper.isEmpty()) {
            return BigDecimal.ZERO.setScale(1);
        }
        BigDecimal earned = BigDecimal.ZERO;
        for (int i = 0; i < paper.size(); i++) {
            Item item = paper.get(i);
            earned = earned.add(credit(item.type(), item.correct(), answers.getOrDefault(i, Set.of()), scoring));
        }
        return earned.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(paper.size()), 1, RoundingMode.HALF_UP);
    }
}

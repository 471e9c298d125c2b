package cn.city.party.study.exam;

import cn.city.party.common.error.Problems;
import cn.city.party.study.material.Category;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws a random paper: for each category the requested number of distinct questions, chosen with a seeded random
 * so the same seed and bank always give the same paper. A category with fewer questions than requested is refused
 * rather than padded with repeats.
 */
public final class PaperDrawer {

    public record Draw(Category category, int count) {
    }

    private PaperDrawer() {
    }

    public static List<String> draw(List<Draw> draws, Map<Category, List<String>> bank, long seed) {
        Random random = new Random(seed);
        List<String> paper = new ArrayList<>();
        for (Draw draw : draws) {
            List<String> pool = new ArrayList<>(bank.getOrDefault(draw.category(), List.of()));
            if (pool.size() < draw.count()) {
                throw Problems.rule("draws", "exam.bankTooSmall", draw.category().label(), draw.count(), pool.size());
            }
            pool.sort(Comparator.naturalOrder()); // the bank's storage order must not change the draw
            Collections.shuffle(pool, random);
            for (String id : pool.subList(0, draw.count())) {
                if (!paper.contains(id)) {
                    paper.add(id);
                }
            }
        }
        return paper;
    }

    /** The options of a question in a per-attempt order, so neighbours do not see the same layout. */
    public static <T> List<T> shuffled(List<T> items, long seed) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }
}

package cn.city.party.study.exam;

import cn.city.party.common.error.Problems;
import cn.city.party.common.tenancy.DepartmentOwned;
import cn.city.party.study.material.Category;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 题库中的一道题: single choice (exactly one correct option), multiple choice (at least two options, at least one
 * correct) or true/false (the two options 正确/错误, one correct). The answer key never leaves the service except to
 * the question bank's managers and, after an exam closes, to the members who took it.
 */
@Document("questions")
@CompoundIndex(name = "department_category", def = "{'department': 1, 'category': 1}")
public class Question implements DepartmentOwned {

    public enum Type { SINGLE, MULTIPLE, TRUE_FALSE }

    public enum Difficulty { EASY, MEDIUM, HARD }

    public record Option(String id, String text) {
    }

    @Id
    private String id;
    private String department;
    private Type type;
    private Category category;
    private Difficulty difficulty;
    private String stem;
    private List<Option> options;
    private Set<String> correct;
    private Instant createdAt;

    protected Question() {
    }

    public Question(String id, String department, Type type, Category category, Difficulty difficulty, String stem,
                    List<Option> options, Set<String> correct, Instant createdAt) {
        validate(type, options, correct);
        this.id = id;
        this.department = department;
        this.type = type;
        this.category = category;
        this.difficulty = difficulty;
        this.stem = stem;
        this.options = List.copyOf(options);
        this.correct = Set.copyOf(correct);
        this.createdAt = createdAt;
    }

    static void validate(Type type, List<Option> options, Set<String> correct) {
        Set<String> ids = new HashSet<>();
        for (Option option : options) {
            if (!ids.add(option.id())) {
                throw Problems.invalid("options", "question.duplicateOption", option.id());
            }
        }
        if (!ids.containsAll(correct)) {
            throw Problems.invalid("correct", "question.correctNotAnOption");
        }
        boolean fits = switch (type) {
            case SINGLE -> options.size() >= 2 && correct.size() == 1;
            case MULTIPLE -> options.size() >= 2 && !correct.isEmpty();
            case TRUE_FALSE -> options.size() == 2 && correct.size() == 1;
        };
        if (!fits) {
            throw Problems.invalid("correct", "question.shape." + type.name());
        }
    }

    public String id() { return id; }
    @Override
    public String department() { return department; }
    public Type type() { return type; }
    public Category category() { return category; }
    public Difficulty difficulty() { return difficulty; }
    public String stem() { return stem; }
    public List<Option> options() { return options; }
    public Set<String> correct() { return correct; }
    public Instant createdAt() { return createdAt; }
}

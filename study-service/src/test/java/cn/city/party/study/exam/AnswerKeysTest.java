package cn.city.party.study.exam;

import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import cn.city.party.study.material.Category;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerKeysTest {

    static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");
    static final Caller COMMITTEE = new Caller("w", "work-committee", "gongwei", Set.of(Role.WORK_COMMITTEE_ADMIN), true);
    static final Caller CAIZHENG_ADMIN = new Caller("a", "caizheng-admin", "caizheng", Set.of(Role.DEPT_ADMIN), false);
    static final Caller JIAOYU_ADMIN = new Caller("j", "jiaoyu-admin", "jiaoyu", Set.of(Role.DEPT_ADMIN), false);
    static final Caller SECRETARY = new Caller("s", "caizheng-secretary", "caizheng",
            Set.of(Role.BRANCH_SECRETARY, Role.MEMBER), false);

    static Question question(String id, String department, Category category) {
        return new Question(id, department, Question.Type.TRUE_FALSE, category, Question.Difficulty.EASY, "题干",
                List.of(new Question.Option("T", "对"), new Question.Option("F", "错")), Set.of("T"), NOW);
    }

    static Exam fixed(String department, String... questionIds) {
        return new Exam("e", new Reach(department, null, Audience.ALL), "测试", Exam.Mode.FIXED, List.of(questionIds),
                List.of(), 1, 30, new BigDecimal("60"), 1, Scoring.ALL_OR_NOTHING, NOW, NOW.plus(Duration.ofDays(1)), NOW);
    }

    static Exam random(String department, Category category) {
        return new Exam("e", new Reach(department, null, Audience.ALL), "测试", Exam.Mode.RANDOM, List.of(),
                List.of(new PaperDrawer.Draw(category, 1)), 1, 30, new BigDecimal("60"), 1, Scoring.ALL_OR_NOTHING,
                NOW, NOW.plus(Duration.ofDays(1)), NOW);
    }

    final Question caizheng = question("q1", "caizheng", Category.PARTY_HISTORY);
    final Question city = question("q2", Reach.CITY, Category.INTEGRITY);

    @Test
    void only_the_keeper_of_a_bank_reads_its_keys_the_department_admin_its_own_the_work_committee_the_citys() {
        assertThat(AnswerKeys.shown(CAIZHENG_ADMIN, caizheng, List.of())).isTrue();
        assertThat(AnswerKeys.shown(CAIZHENG_ADMIN, city, List.of())).isFalse();
        assertThat(AnswerKeys.shown(JIAOYU_ADMIN, caizheng, List.of())).isFalse();
        assertThat(AnswerKeys.shown(COMMITTEE, city, List.of())).isTrue();
        assertThat(AnswerKeys.shown(COMMITTEE, caizheng, List.of())).isFalse();
    }

    @Test
    void a_branch_secretary_who_sits_the_exams_never_reads_a_key() {
        assertThat(AnswerKeys.shown(SECRETARY, caizheng, List.of())).isFalse();
        assertThat(AnswerKeys.shown(SECRETARY, city, List.of())).isFalse();
    }

    @Test
    void a_keeper_does_not_read_the_key_of_a_question_that_may_come_up_in_an_exam_it_may_still_sit() {
        assertThat(AnswerKeys.shown(CAIZHENG_ADMIN, caizheng, List.of(fixed("caizheng", "q1")))).isFalse();
        assertThat(AnswerKeys.shown(CAIZHENG_ADMIN, caizheng, List.of(fixed("caizheng", "q9")))).isTrue();
        assertThat(AnswerKeys.shown(CAIZHENG_ADMIN, caizheng, List.of(random("caizheng", Category.PARTY_HISTORY))))
                .as("drawn at random from its category").isFalse();
        assertThat(AnswerKeys.shown(CAIZHENG_ADMIN, caizheng, List.of(random("caizheng", Category.INTEGRITY)))).isTrue();
        assertThat(AnswerKeys.shown(COMMITTEE, city, List.of(random("caizheng", Category.INTEGRITY))))
                .as("a department's exam draws from the city bank too").isFalse();
        assertThat(AnswerKeys.shown(CAIZHENG_ADMIN, caizheng, List.of(random(Reach.CITY, Category.PARTY_HISTORY))))
                .as("a city exam draws only from the city bank").isTrue();
    }
}

package cn.city.party.discipline.riskpoint;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** 廉政风险点: re-assessed at least yearly; overdue when the review date passed. */
class RiskPointTest {

    static final Caller INSPECTOR = new Caller("i", "caizheng-inspector", "caizheng", Set.of(Role.INSPECTOR), false);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static RiskPoint point() {
        return new RiskPoint("p", "caizheng", "采购岗", "供应商选择中的利益输送", RiskPoint.Level.HIGH, "三人以上集体评审",
                "采购科科长", LocalDate.of(2026, 12, 31), TODAY, 12, Instant.now());
    }

    @Test
    void the_next_review_is_within_a_year_and_not_in_the_past() {
        assertThat(catchThrowableOfType(DomainProblem.class, () -> new RiskPoint("p", "caizheng", "岗", "d",
                RiskPoint.Level.LOW, "m", "o", LocalDate.of(2027, 3, 2), TODAY, 12, Instant.now())).code())
                .isEqualTo("riskPoint.reviewTooLate");
        assertThat(catchThrowableOfType(DomainProblem.class, () -> new RiskPoint("p", "caizheng", "岗", "d",
                RiskPoint.Level.LOW, "m", "o", TODAY.minusDays(1), TODAY, 12, Instant.now())).code())
                .isEqualTo("riskPoint.reviewDateInPast");
    }

    @Test
    void a_confirmed_review_keeps_the_point_and_moves_the_next_review_a_year_on() {
        RiskPoint point = point();
        point.reassess(RiskPoint.Result.CONFIRMED, null, null, "措施有效", null, LocalDate.of(2026, 11, 1), 12, INSPECTOR, Instant.now());
        assertThat(point.level()).isEqualTo(RiskPoint.Level.HIGH);
        assertThat(point.nextReviewOn()).isEqualTo(LocalDate.of(2027, 11, 1));
        assertThat(point.reviewedIn(2026)).isTrue();
        assertThat(point.reviewedIn(2027)).isFalse();
    }

    @Test
    void a_changed_review_needs_a_change_and_keeps_what_it_was() {
        RiskPoint point = point();
        assertThat(catchThrowableOfType(DomainProblem.class, () -> point.reassess(RiskPoint.Result.CHANGED,
                RiskPoint.Level.HIGH, null, "n", null, TODAY, 12, INSPECTOR, Instant.now())).code())
                .isEqualTo("riskPoint.changedWithoutChange");
        assertThat(catchThrowableOfType(DomainProblem.class, () -> point.reassess(RiskPoint.Result.CONFIRMED,
                RiskPoint.Level.LOW, null, "n", null, TODAY, 12, INSPECTOR, Instant.now())).code())
                .isEqualTo("riskPoint.confirmedWithChange");
        point.reassess(RiskPoint.Result.CHANGED, RiskPoint.Level.MEDIUM, null, "已上线电子化采购", null, TODAY, 12, INSPECTOR, Instant.now());
        assertThat(point.level()).isEqualTo(RiskPoint.Level.MEDIUM);
        assertThat(point.reviews().get(0).previousLevel()).isEqualTo(RiskPoint.Level.HIGH);
    }

    @Test
    void a_point_past_its_review_date_is_overdue() {
        RiskPoint point = point();
        assertThat(point.reviewOverdue(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(point.reviewOverdue(LocalDate.of(2027, 1, 1))).isTrue();
    }
}

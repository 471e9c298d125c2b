package cn.city.party.common.discipline;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The test cases of docs/events.md "Influence periods": 严重警告 decided 2026-03-10, last day 2027-09-09. */
class InfluenceWindowTest {

    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 10);
    private static final LocalDate LAST_DAY = LocalDate.of(2027, 9, 9);
    private final InfluenceWindow seriousWarning = new InfluenceWindow(DECIDED, LAST_DAY, null);

    @Test
    void the_decision_day_is_inside_and_the_day_before_it_is_not() {
        assertThat(seriousWarning.covers(DECIDED)).isTrue();
        assertThat(seriousWarning.covers(DECIDED.minusDays(1))).isFalse();
    }

    @Test
    void the_last_day_is_inside_and_the_day_after_it_is_not() {
        assertThat(seriousWarning.covers(LAST_DAY)).isTrue();
        assertThat(seriousWarning.covers(LAST_DAY.plusDays(1))).isFalse();
    }

    @Test
    void a_revocation_on_day_R_leaves_the_days_before_R_inside_and_takes_R_and_after_out() {
        LocalDate revoked = LocalDate.of(2026, 8, 1);
        InfluenceWindow w = new InfluenceWindow(DECIDED, LAST_DAY, revoked);

        assertThat(w.covers(DECIDED)).isTrue();
        assertThat(w.covers(revoked.minusDays(1))).isTrue();
        assertThat(w.covers(revoked)).isFalse();
        assertThat(w.covers(revoked.plusDays(1))).isFalse();
        assertThat(w.covers(LAST_DAY)).isFalse();
    }

    @Test
    void a_revocation_on_the_decision_day_leaves_no_day_inside() {
        InfluenceWindow w = new InfluenceWindow(DECIDED, LAST_DAY, DECIDED);

        assertThat(w.covers(DECIDED)).isFalse();
        assertThat(w.covers(DECIDED.minusDays(1))).isFalse();
    }

    @Test
    void a_window_missing_an_end_covers_no_day() {
        assertThat(new InfluenceWindow(null, LAST_DAY, null).covers(DECIDED)).isFalse();
        assertThat(new InfluenceWindow(DECIDED, null, null).covers(DECIDED)).isFalse();
    }
}

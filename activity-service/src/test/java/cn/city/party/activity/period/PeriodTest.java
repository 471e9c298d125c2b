package cn.city.party.activity.period;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Period.ZONE).toInstant();
    }

    @Test
    void a_meeting_at_23_30_on_the_last_day_of_a_quarter_belongs_to_that_quarter() {
        Instant meeting = shanghai("2026-03-31T23:30");
        assertThat(meeting.toString()).as("already April 1st? no: 15:30 UTC").isEqualTo("2026-03-31T15:30:00Z");

        assertThat(Period.containing(PeriodKind.QUARTER, meeting)).isEqualTo(Period.quarter(2026, 1));
        assertThat(Period.containing(PeriodKind.MONTH, meeting)).isEqualTo(Period.month(2026, 3));
        assertThat(Period.quarter(2026, 1).contains(meeting)).isTrue();
        assertThat(Period.quarter(2026, 2).contains(meeting)).isFalse();
    }

    @Test
    void midnight_in_shanghai_starts_the_next_period_although_it_is_still_the_previous_day_in_utc() {
        Instant newQuarter = shanghai("2026-04-01T00:00");
        assertThat(newQuarter.toString()).isEqualTo("2026-03-31T16:00:00Z");
        assertThat(Period.containing(PeriodKind.QUARTER, newQuarter)).isEqualTo(Period.quarter(2026, 2));
        assertThat(Period.quarter(2026, 1).end()).isEqualTo(newQuarter);
        assertThat(Period.quarter(2026, 2).start()).isEqualTo(newQuarter);
    }

    @Test
    void half_years_and_years_split_at_the_first_of_july_and_of_january_shanghai_time() {
        assertThat(Period.containing(PeriodKind.HALF_YEAR, shanghai("2026-06-30T23:59:59"))).isEqualTo(Period.halfYear(2026, 1));
        assertThat(Period.containing(PeriodKind.HALF_YEAR, shanghai("2026-07-01T00:00"))).isEqualTo(Period.halfYear(2026, 2));
        assertThat(Period.containing(PeriodKind.YEAR, shanghai("2026-12-31T23:30"))).isEqualTo(Period.year(2026));
        assertThat(Period.containing(PeriodKind.YEAR, shanghai("2027-01-01T00:00"))).isEqualTo(Period.year(2027));
        assertThat(Period.halfYear(2026, 2).firstDay()).hasToString("2026-07-01");
        assertThat(Period.halfYear(2026, 2).lastDay()).hasToString("2026-12-31");
    }

    @Test
    void month_ends_follow_the_calendar_including_leap_years() {
        assertThat(Period.month(2028, 2).lastDay()).hasToString("2028-02-29");
        assertThat(Period.month(2026, 2).lastDay()).hasToString("2026-02-28");
        assertThat(Period.quarter(2026, 4).lastDay()).hasToString("2026-12-31");
    }

    @Test
    void periods_are_written_and_parsed_in_one_form_and_nonexistent_ones_are_refused() {
        for (String text : new String[]{"2026-03", "2026-Q4", "2026-H2", "2026"}) {
            assertThat(Period.parse(text)).hasValueSatisfying(p -> assertThat(p).hasToString(text));
        }
        for (String bad : new String[]{"2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3", "26", "2026-3", "", "Q1"}) {
            assertThat(Period.parse(bad)).as(bad).isEmpty();
        }
        assertThat(Period.parse(null)).isEmpty();
    }

    @Test
    void a_year_splits_into_its_quarters_and_a_month_is_judged_on_its_quarter_for_quarterly_rules() {
        assertThat(Period.year(2026).split(PeriodKind.QUARTER)).extracting(Period::toString)
                .containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
        assertThat(Period.quarter(2026, 2).split(PeriodKind.MONTH)).extracting(Period::toString)
                .containsExactly("2026-04", "2026-05", "2026-06");
        assertThat(Period.month(2026, 5).split(PeriodKind.QUARTER)).containsExactly(Period.quarter(2026, 2));
    }

    @Test
    void days_left_count_the_current_shanghai_day_and_are_zero_once_ended() {
        assertThat(Period.month(2026, 11).daysLeft(shanghai("2026-11-26T09:00"))).isEqualTo(5);
        assertThat(Period.month(2026, 11).daysLeft(shanghai("2026-11-30T23:30"))).isEqualTo(1);
        assertThat(Period.month(2026, 11).daysLeft(shanghai("2026-12-01T00:00"))).isZero();
        assertThat(Period.month(2026, 12).daysLeft(shanghai("2026-11-15T00:00"))).as("not started: its length").isEqualTo(31);
    }
}

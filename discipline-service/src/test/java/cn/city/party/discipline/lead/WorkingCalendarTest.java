package cn.city.party.discipline.lead;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 谈话函询: the written reply is due within 15 working days (weekends and public holidays do not count). */
class WorkingCalendarTest {

    private static final WorkingCalendar NO_HOLIDAYS = WorkingCalendar.of(List.of(), List.of());

    @Test
    void fifteen_working_days_from_a_monday_end_on_the_monday_three_weeks_later() {
        // Mon 2026-03-02 → 15 working days = three full weeks → Mon 2026-03-23
        assertThat(NO_HOLIDAYS.plusWorkingDays(LocalDate.of(2026, 3, 2), 15)).isEqualTo(LocalDate.of(2026, 3, 23));
    }

    @Test
    void the_start_day_does_not_count_and_a_weekend_start_counts_from_monday() {
        assertThat(NO_HOLIDAYS.plusWorkingDays(LocalDate.of(2026, 3, 6), 1)).as("Fri → Mon").isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(NO_HOLIDAYS.plusWorkingDays(LocalDate.of(2026, 3, 7), 1)).as("Sat → Mon").isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(NO_HOLIDAYS.plusWorkingDays(LocalDate.of(2026, 3, 8), 5)).as("Sun → Fri").isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(NO_HOLIDAYS.plusWorkingDays(LocalDate.of(2026, 3, 8), 0)).isEqualTo(LocalDate.of(2026, 3, 8));
    }

    @Test
    void public_holidays_from_the_configured_list_are_skipped() {
        // National Day week 2026: Oct 1, 2, 5, 6, 7 are holidays (Oct 3, 4 weekend); Oct 10 (Sat) is a working day
        WorkingCalendar calendar = WorkingCalendar.of(
                List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                        LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
                List.of(LocalDate.of(2026, 10, 10)));
        // from Wed Sep 30: Oct 8 (1), 9 (2), 10 Sat 调休 (3), 12 (4) … 
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        // 15: Oct 8, 9, 10, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 15)).isEqualTo(LocalDate.of(2026, 10, 27));
        assertThat(NO_HOLIDAYS.plusWorkingDays(LocalDate.of(2026, 9, 30), 15)).isEqualTo(LocalDate.of(2026, 10, 21));
    }

    @Test
    void a_holiday_on_a_weekend_changes_nothing_and_an_extra_working_day_counts() {
        WorkingCalendar calendar = WorkingCalendar.of(List.of(LocalDate.of(2026, 3, 7)), List.of(LocalDate.of(2026, 3, 8)));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 8))).isTrue();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 8));
    }

    @Test
    void a_negative_count_is_a_programming_error() {
        assertThatThrownBy(() -> NO_HOLIDAYS.plusWorkingDays(LocalDate.of(2026, 3, 2), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

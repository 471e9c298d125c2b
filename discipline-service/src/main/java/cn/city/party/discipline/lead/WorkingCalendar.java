package cn.city.party.discipline.lead;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 工作日: Monday to Friday, except the public holidays (法定节假日) of the configured list, plus the weekend days that
 * the State Council's yearly notice makes working days (调休). Both lists are configuration, maintained yearly.
 */
@ConfigurationProperties("discipline.calendar")
public record WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> extraWorkingDays) {

    public WorkingCalendar {
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        extraWorkingDays = extraWorkingDays == null ? Set.of() : Set.copyOf(extraWorkingDays);
    }

    public static WorkingCalendar of(List<LocalDate> holidays, List<LocalDate> extraWorkingDays) {
        return new WorkingCalendar(Set.copyOf(holidays), Set.copyOf(extraWorkingDays));
    }

    public boolean isWorkingDay(LocalDate day) {
        if (extraWorkingDays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /** The {@code n}th working day after {@code start} (the start day itself does not count): "within n working days". */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}

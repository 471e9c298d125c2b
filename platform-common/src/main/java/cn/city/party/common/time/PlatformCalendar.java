package cn.city.party.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The one place that says what day it is: calendar facts (joining dates, terms, dues months, deadlines) are dates in
 * the platform's zone ({@code platform.zone}, Asia/Shanghai by default), while moments stay UTC {@link Instant}s.
 */
public class PlatformCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public PlatformCalendar(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public YearMonth currentMonth() {
        return YearMonth.from(today());
    }
}

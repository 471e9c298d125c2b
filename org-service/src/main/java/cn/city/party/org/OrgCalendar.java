package cn.city.party.org;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** Calendar facts (joining dates, terms, dues months) are dates in the platform's zone, Asia/Shanghai by default. */
@Component
public class OrgCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public OrgCalendar(Clock clock, @Value("${platform.zone:Asia/Shanghai}") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public YearMonth currentMonth() {
        return YearMonth.from(today());
    }

    public java.time.Instant now() {
        return clock.instant();
    }
}

package cn.city.party.activity.period;

import cn.city.party.common.error.Problems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period in Asia/Shanghai: month {@code 2026-03}, quarter {@code 2026-Q1}, half-year {@code 2026-H1}
 * or year {@code 2026}. {@code index} is 1-based within the year. A period runs from its first day 00:00 Shanghai
 * time (inclusive) to the first day of the next period 00:00 (exclusive).
 */
public record Period(PeriodKind kind, int year, int index) implements Comparable<Period> {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d)");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H(\\d)");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public Period {
        if (year < 1921 || year > 2999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (index < 1 || index > kind.perYear()) {
            throw new IllegalArgumentException(kind + " " + index + " does not exist");
        }
    }

    public static Period month(int year, int month) { return new Period(PeriodKind.MONTH, year, month); }
    public static Period quarter(int year, int quarter) { return new Period(PeriodKind.QUARTER, year, quarter); }
    public static Period halfYear(int year, int half) { return new Period(PeriodKind.HALF_YEAR, year, half); }
    public static Period year(int year) { return new Period(PeriodKind.YEAR, year, 1); }

    /** The period of {@code kind} that contains {@code instant}, by the Shanghai calendar. */
    public static Period containing(PeriodKind kind, Instant instant) {
        return containing(kind, instant.atZone(ZONE).toLocalDate());
    }

    public static Period containing(PeriodKind kind, LocalDate date) {
        return new Period(kind, date.getYear(), (date.getMonthValue() - 1) / kind.months() + 1);
    }

    /** Parses the textual forms above; empty when the text names no existing period (e.g. {@code 2026-13}, {@code 2026-Q5}). */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Matcher m;
            if ((m = MONTH.matcher(text)).matches()) {
                return Optional.of(month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if ((m = QUARTER.matcher(text)).matches()) {
                return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if ((m = HALF.matcher(text)).matches()) {
                return Optional.of(halfYear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if ((m = YEAR.matcher(text)).matches()) {
                return Optional.of(year(Integer.parseInt(m.group(1))));
            }
        } catch (IllegalArgumentException doesNotExist) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A request parameter naming a period; anything else is a 400 problem naming the parameter. */
    public static Period param(String field, String text) {
        return parse(text).orElseThrow(() -> Problems.invalid(field, "period.invalid", text));
    }

    /** First month of the period, 1–12. */
    public int firstMonth() {
        return (index - 1) * kind.months() + 1;
    }

    public int lastMonth() {
        return firstMonth() + kind.months() - 1;
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, firstMonth(), 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(kind.months()).minusDays(1);
    }

    public Instant start() {
        return firstDay().atStartOfDay(ZONE).toInstant();
    }

    /** Exclusive end: the first instant of the next period. */
    public Instant end() {
        return firstDay().plusMonths(kind.months()).atStartOfDay(ZONE).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    public boolean hasEnded(Instant now) {
        return !now.isBefore(end());
    }

    public boolean hasStarted(Instant now) {
        return !now.isBefore(start());
    }

    /** Whole calendar days left in the period on {@code now}'s Shanghai date, counting that day; 0 once ended. */
    public long daysLeft(Instant now) {
        if (hasEnded(now)) {
            return 0;
        }
        LocalDate today = hasStarted(now) ? now.atZone(ZONE).toLocalDate() : firstDay();
        return java.time.temporal.ChronoUnit.DAYS.between(today, lastDay()) + 1;
    }

    /**
     * The periods of {@code finer} inside this one, or, when {@code finer} is longer than this period, the single
     * period of that kind that contains it (a quarterly rule seen in a month view is judged on its quarter).
     */
    public List<Period> split(PeriodKind finer) {
        if (finer.months() >= kind.months()) {
            return List.of(containing(finer, firstDay()));
        }
        List<Period> parts = new ArrayList<>();
        for (int month = firstMonth(); month <= lastMonth(); month += finer.months()) {
            parts.add(containing(finer, LocalDate.of(year, month, 1)));
        }
        return parts;
    }

    @Override
    public int compareTo(Period other) {
        return start().compareTo(other.start());
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> String.format("%d-%02d", year, index);
            case QUARTER -> year + "-Q" + index;
            case HALF_YEAR -> year + "-H" + index;
            case YEAR -> String.valueOf(year);
        };
    }
}

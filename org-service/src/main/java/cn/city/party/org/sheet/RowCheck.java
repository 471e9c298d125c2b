package cn.city.party.org.sheet;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.error.ProblemWriter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the cells of one imported row, collecting what is wrong with them under their column, in Chinese. A cell
 * holding a formula is refused outright.
 */
public class RowCheck {

    private static final List<DateTimeFormatter> DATES = List.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd").stream()
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    private final SheetRow row;
    private final List<RowError> errors = new ArrayList<>();

    public RowCheck(SheetRow row, List<? extends SheetColumn> columns) {
        this.row = row;
        for (SheetColumn column : columns) {
            if (row.formulas().contains(column.ordinal())) {
                refuse(column, "不接受公式，请填写文字或数值");
            }
        }
    }

    public int row() {
        return row.number();
    }

    public boolean refused() {
        return !errors.isEmpty();
    }

    public List<RowError> errors() {
        return List.copyOf(errors);
    }

    public void refuse(SheetColumn column, String reason) {
        errors.add(new RowError(row.number(), column.header(), reason));
    }

    /** A rule of the service refused the row: each field under the column that feeds it, in Chinese. */
    public void refuse(DomainProblem problem, ProblemWriter messages, Function<String, SheetColumn> columnOfField) {
        if (problem.violations().isEmpty()) {
            refuse(columnOfField.apply(null), messages.message(problem.code(), problem.args(), Locale.SIMPLIFIED_CHINESE, problem.code()));
        }
        problem.violations().forEach(v -> refuse(columnOfField.apply(v.field()),
                messages.message(v.code(), v.args(), Locale.SIMPLIFIED_CHINESE, v.code())));
    }

    /** The cell's text, or null when empty. */
    public String text(SheetColumn column) {
        String value = row.value(column);
        return value.isEmpty() ? null : value;
    }

    public String required(SheetColumn column) {
        String value = text(column);
        if (value == null) {
            refuse(column, "必填");
        }
        return value;
    }

    /** A required cell holding one of the labels {@code parse} knows. */
    public <T> T label(SheetColumn column, Function<String, Optional<T>> parse, String expected) {
        String value = required(column);
        if (value == null) {
            return null;
        }
        return parse.apply(value).orElseGet(() -> {
            refuse(column, expected);
            return null;
        });
    }

    /** A required date, written as 2010-07-01, 2010/7/1, 2010.7.1, 20100701 or a date cell. */
    public LocalDate date(SheetColumn column) {
        return required(column) == null ? null : optionalDate(column);
    }

    public LocalDate optionalDate(SheetColumn column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter pattern : DATES) {
            try {
                return LocalDate.parse(value, pattern);
            } catch (DateTimeParseException next) {
                // try the next way of writing a date
            }
        }
        refuse(column, "不是有效日期（应如 2010-07-01）");
        return null;
    }
}

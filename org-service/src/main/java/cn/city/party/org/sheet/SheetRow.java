package cn.city.party.org.sheet;

import java.util.Map;
import java.util.Set;

/** One row as read: its spreadsheet row number, each column's displayed text and which columns hold a formula. */
public record SheetRow(int number, Map<Integer, String> values, Set<Integer> formulas) {

    public String value(SheetColumn column) {
        return values.getOrDefault(column.ordinal(), "").strip();
    }

    boolean blank() {
        return formulas.isEmpty() && values.values().stream().allMatch(String::isBlank);
    }
}

package cn.city.party.org.sheet;

/** One refused cell of an imported sheet; {@code row} is the spreadsheet's row number (the header is row 1). */
public record RowError(int row, String column, String reason) {
}

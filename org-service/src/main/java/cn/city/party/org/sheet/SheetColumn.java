package cn.city.party.org.sheet;

/**
 * A column of an import sheet, implemented by the enums that list a sheet's columns in order: its position is the
 * enum's ordinal, its header the Chinese text of the sheet's first row.
 */
public interface SheetColumn {

    String header();

    int ordinal();
}

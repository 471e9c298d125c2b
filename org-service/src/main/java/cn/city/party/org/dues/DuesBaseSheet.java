package cn.city.party.org.dues;

import cn.city.party.org.member.DuesCategory;
import cn.city.party.org.sheet.SheetColumn;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of the yearly dues base sheet (党费基数申报): the member is found by its national ID, as in the roster;
 * the name is there for a human check.
 */
public enum DuesBaseSheet implements SheetColumn {
    NATIONAL_ID("身份证号"),
    NAME("姓名"),
    CATEGORY("类别"),
    INCOME("月收入基数");

    public static final String SHEET_NAME = "党费基数";

    /** The categories as a sheet writes them (the web's labels, and the words departments use for the unemployed). */
    private static final Map<String, DuesCategory> CATEGORIES = Map.of(
            "在职", DuesCategory.EMPLOYED, "离退休", DuesCategory.RETIRED, "学生", DuesCategory.STUDENT,
            "下岗失业", DuesCategory.UNEMPLOYED, "无固定收入", DuesCategory.UNEMPLOYED, "生活困难", DuesCategory.HARDSHIP);

    private final String header;

    DuesBaseSheet(String header) {
        this.header = header;
    }

    @Override
    public String header() { return header; }

    /** A category by its Chinese label (在职) or its name (EMPLOYED). */
    public static Optional<DuesCategory> category(String text) {
        return Optional.ofNullable(CATEGORIES.get(text))
                .or(() -> Arrays.stream(DuesCategory.values()).filter(c -> c.name().equals(text)).findFirst());
    }
}

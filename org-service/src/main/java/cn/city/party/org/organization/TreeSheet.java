package cn.city.party.org.organization;

import cn.city.party.org.sheet.SheetColumn;

/** The columns of the organization tree sheet (组织架构导入), one organization a row. */
public enum TreeSheet implements SheetColumn {
    CODE("编码"),
    NAME("名称"),
    TYPE("类型"),
    PARENT_CODE("上级编码"),
    FOUNDED_ON("成立日期");

    public static final String SHEET_NAME = "组织架构";

    private final String header;

    TreeSheet(String header) {
        this.header = header;
    }

    @Override
    public String header() { return header; }
}

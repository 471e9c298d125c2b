package cn.city.party.org.member;

import cn.city.party.org.sheet.SheetColumn;

import java.util.Map;

/**
 * The columns of the department's member roster spreadsheet (党员名册), shared by import and export, and which
 * input field each column feeds (so a refused field is reported under its column).
 */
public enum RosterSheet implements SheetColumn {
    NAME("姓名", "profile.name"),
    GENDER("性别", "profile.gender"),
    ETHNICITY("民族", "profile.ethnicity"),
    BIRTH_DATE("出生日期", "profile.birthDate"),
    NATIONAL_ID("身份证号", "profile.nationalId"),
    EDUCATION("学历", "profile.education"),
    POST("职务", "profile.post"),
    JOINED_ON("入党日期", "profile.joinedOn"),
    STATUS("党员状态", "status"),
    BRANCH("所在支部", "branchId"),
    PARTY_GROUP("党小组", "partyGroupId"),
    LEADING_CADRE("领导干部", "profile.leadingCadre"),
    PARTY_AFFAIRS_CADRE("党务干部", "profile.partyAffairsCadre"),
    PHONE("手机", "contact.phone"),
    EMAIL("电子邮箱", "contact.email");

    public static final String SHEET_NAME = "党员名册";

    private static final Map<String, RosterSheet> BY_FIELD = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toMap(c -> c.field, c -> c));

    private final String header;
    private final String field;

    RosterSheet(String header, String field) {
        this.header = header;
        this.field = field;
    }

    @Override
    public String header() { return header; }

    /** The column that feeds an input field; the name column for problems not tied to one field. */
    public static RosterSheet ofField(String field) {
        return BY_FIELD.getOrDefault(field, NAME);
    }
}

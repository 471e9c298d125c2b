package cn.city.party.org.member;

import cn.city.party.org.organization.Organization;
import cn.city.party.org.organization.OrganizationService;
import cn.city.party.org.organization.OrganizationType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** 党员名册导出: the filtered member list as .xlsx, Chinese headers, the national ID masked as everywhere. */
@Service
public class RosterExport {

    static final String TEMPLATE_NOTES = "填写说明";

    private final MemberService members;
    private final OrganizationService organizations;

    public RosterExport(MemberService members, OrganizationService organizations) {
        this.members = members;
        this.organizations = organizations;
    }

    public byte[] export(MemberService.MemberFilter filter) {
        List<Member> list = members.all(filter, Sort.by("department", "branchId", "name"));
        Map<String, String> names = organizations.list(filter.department()).stream()
                .collect(Collectors.toMap(Organization::id, Organization::name));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = header(workbook);
            int r = 1;
            for (Member m : list) {
                Row row = sheet.createRow(r++);
                MemberProfile p = m.profile();
                Function<String, String> orgName = id -> id == null ? "" : names.getOrDefault(id, id);
                set(row, RosterSheet.NAME, p.name());
                set(row, RosterSheet.GENDER, p.gender().label());
                set(row, RosterSheet.ETHNICITY, p.ethnicity());
                set(row, RosterSheet.BIRTH_DATE, date(p.birthDate()));
                set(row, RosterSheet.NATIONAL_ID, NationalId.mask(p.nationalId()));
                set(row, RosterSheet.EDUCATION, p.education());
                set(row, RosterSheet.POST, p.post());
                set(row, RosterSheet.JOINED_ON, date(p.joinedOn()));
                set(row, RosterSheet.STATUS, m.status().label());
                set(row, RosterSheet.BRANCH, orgName.apply(m.branchId()));
                set(row, RosterSheet.PARTY_GROUP, orgName.apply(m.partyGroupId()));
                set(row, RosterSheet.LEADING_CADRE, p.leadingCadre() ? "是" : "否");
                set(row, RosterSheet.PARTY_AFFAIRS_CADRE, p.partyAffairsCadre().label());
                set(row, RosterSheet.PHONE, m.contact().phone());
                set(row, RosterSheet.EMAIL, m.contact().email());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * 导入模板: the import's sheet with its header row, every column formatted as text (so an ID keeps its digits and
     * a date stays as typed), and a second sheet saying what each column takes, with the department's branches and
     * Party groups by the names the import looks up.
     */
    public byte[] template(String department) {
        List<Organization> active = organizations.list(department).stream().filter(Organization::isActive).toList();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = header(workbook);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (RosterSheet column : RosterSheet.values()) {
                sheet.setDefaultColumnStyle(column.ordinal(), text);
                sheet.setColumnWidth(column.ordinal(), 14 * 256);
            }
            Sheet notes = workbook.createSheet(TEMPLATE_NOTES);
            int r = 0;
            for (String[] line : List.of(
                    new String[]{"列", "填写要求"},
                    new String[]{RosterSheet.GENDER.header(), "男 / 女"},
                    new String[]{RosterSheet.BIRTH_DATE.header(), "如 1986-06-06"},
                    new String[]{RosterSheet.NATIONAL_ID.header(), "18位身份证号"},
                    new String[]{RosterSheet.JOINED_ON.header(), "如 2010-07-01"},
                    new String[]{RosterSheet.STATUS.header(), MemberStatus.PROBATIONARY.label() + " / " + MemberStatus.FULL.label()},
                    new String[]{RosterSheet.BRANCH.header(), "本部门党支部的名称（见下）"},
                    new String[]{RosterSheet.PARTY_GROUP.header(), "可空；所在支部下党小组的名称（见下）"},
                    new String[]{RosterSheet.LEADING_CADRE.header(), "是 / 否（空为否）"},
                    new String[]{RosterSheet.PARTY_AFFAIRS_CADRE.header(), "无 / 专职 / 兼职（空为无）"},
                    new String[]{"", "不接受公式；任何一行有误时整份名册都不导入"},
                    new String[]{"", ""},
                    new String[]{"党支部", "党小组"})) {
                Row row = notes.createRow(r++);
                row.createCell(0).setCellValue(line[0]);
                row.createCell(1).setCellValue(line[1]);
            }
            for (Organization branch : active) {
                if (branch.type() != OrganizationType.BRANCH) {
                    continue;
                }
                List<String> groups = active.stream().filter(o -> o.type() == OrganizationType.PARTY_GROUP
                        && branch.id().equals(o.parentId())).map(Organization::name).toList();
                Row row = notes.createRow(r++);
                row.createCell(0).setCellValue(branch.name());
                row.createCell(1).setCellValue(String.join("、", groups));
            }
            notes.setColumnWidth(0, 20 * 256);
            notes.setColumnWidth(1, 50 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet header(XSSFWorkbook workbook) {
        Sheet sheet = workbook.createSheet(RosterSheet.SHEET_NAME);
        Row header = sheet.createRow(0);
        for (RosterSheet column : RosterSheet.values()) {
            header.createCell(column.ordinal()).setCellValue(column.header());
        }
        return sheet;
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static void set(Row row, RosterSheet column, String value) {
        row.createCell(column.ordinal()).setCellValue(value == null ? "" : value);
    }
}

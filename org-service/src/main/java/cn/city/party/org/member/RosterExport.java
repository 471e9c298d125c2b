package cn.city.party.org.member;

import cn.city.party.org.organization.Organization;
import cn.city.party.org.organization.OrganizationService;
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
            Sheet sheet = workbook.createSheet(RosterSheet.SHEET_NAME);
            Row header = sheet.createRow(0);
            for (RosterSheet column : RosterSheet.values()) {
                header.createCell(column.ordinal()).setCellValue(column.header());
            }
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

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static void set(Row row, RosterSheet column, String value) {
        row.createCell(column.ordinal()).setCellValue(value == null ? "" : value);
    }
}

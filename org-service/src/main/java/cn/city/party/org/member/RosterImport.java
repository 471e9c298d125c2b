package cn.city.party.org.member;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.error.ProblemWriter;
import cn.city.party.common.error.Problems;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.org.organization.Organization;
import cn.city.party.org.organization.OrganizationService;
import cn.city.party.org.organization.OrganizationType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * 党员名册导入: reads the department's .xlsx roster, checks every row against the same rules as a single admission,
 * and stores all rows or none. The answer lists every refused cell (row, column, reason in Chinese).
 */
@Service
public class RosterImport {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final List<DateTimeFormatter> DATES = List.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd").stream()
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    private final MemberService members;
    private final OrganizationService organizations;
    private final ScopedMongo store;
    private final ProblemWriter messages;

    public RosterImport(MemberService members, OrganizationService organizations, ScopedMongo store, ProblemWriter messages) {
        this.members = members;
        this.organizations = organizations;
        this.store = store;
        this.messages = messages;
    }

    /** One refused cell; {@code row} is the spreadsheet's row number (the header is row 1). */
    public record RowError(int row, String column, String reason) {
    }

    public record ImportReport(boolean imported, int rows, List<String> memberIds, List<RowError> errors) {
    }

    public ImportReport importRoster(InputStream xlsx) {
        String department = CurrentCaller.get().department();
        try (Workbook workbook = open(xlsx)) {
            Sheet sheet = workbook.getSheetAt(0);
            List<RowError> errors = new ArrayList<>(headerErrors(sheet.getRow(0)));
            if (!errors.isEmpty()) {
                return new ImportReport(false, 0, List.of(), errors);
            }
            Map<String, Organization> branches = new HashMap<>();
            Map<String, Organization> groups = new HashMap<>();
            for (Organization o : organizations.list(department)) {
                if (o.isActive() && o.type() == OrganizationType.BRANCH) {
                    branches.put(o.name(), o);
                } else if (o.isActive() && o.type() == OrganizationType.PARTY_GROUP) {
                    groups.put(o.parentId() + "/" + o.name(), o);
                }
            }
            List<Member> accepted = new ArrayList<>();
            Set<String> nationalIds = new HashSet<>();
            int rows = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (blank(row)) {
                    continue;
                }
                rows++;
                RowReader reader = new RowReader(row, r + 1);
                Optional<MemberService.NewMember> candidate = reader.read(branches, groups);
                if (candidate.isPresent() && !nationalIds.add(candidate.get().profile().nationalId())) {
                    reader.refuse(RosterSheet.NATIONAL_ID, "与本表中前面的行重复");
                } else if (candidate.isPresent() && reader.errors.isEmpty()) {
                    try {
                        accepted.add(members.prepare(candidate.get()));
                    } catch (DomainProblem problem) {
                        reader.refuse(problem);
                    }
                }
                errors.addAll(reader.errors);
            }
            if (rows == 0) {
                errors.add(new RowError(2, RosterSheet.NAME.header(), "表中没有党员数据"));
            }
            if (!errors.isEmpty()) {
                return new ImportReport(false, rows, List.of(), errors);
            }
            return new ImportReport(true, rows, storeAll(accepted), List.of());
        } catch (IOException e) {
            throw Problems.invalid("file", "import.notXlsx");
        }
    }

    /**
     * Every row passed the checks, so the inserts are expected to succeed; should one fail anyway (a concurrent
     * admission of the same national ID), the rows stored so far are removed again so nothing is half-imported.
     */
    private List<String> storeAll(List<Member> accepted) {
        List<String> stored = new ArrayList<>();
        try {
            for (Member member : accepted) {
                stored.add(members.admitPrepared(member).id());
            }
        } catch (RuntimeException e) {
            stored.forEach(id -> store.deleteById(id, Member.class));
            throw e;
        }
        members.nudge();
        return stored;
    }

    private static Workbook open(InputStream in) throws IOException {
        try {
            return new XSSFWorkbook(in);
        } catch (RuntimeException | IOException notXlsx) {
            throw Problems.invalid("file", "import.notXlsx");
        }
    }

    private static List<RowError> headerErrors(Row header) {
        List<RowError> errors = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        for (RosterSheet column : RosterSheet.values()) {
            Cell cell = header == null ? null : header.getCell(column.ordinal());
            String found = cell == null ? "" : format.formatCellValue(cell).strip();
            if (!column.header().equals(found)) {
                errors.add(new RowError(1, column.header(), "第" + (column.ordinal() + 1) + "列表头应为“" + column.header() + "”"));
            }
        }
        return errors;
    }

    private static boolean blank(Row row) {
        if (row == null) {
            return true;
        }
        DataFormatter format = new DataFormatter();
        for (RosterSheet column : RosterSheet.values()) {
            Cell cell = row.getCell(column.ordinal());
            if (cell != null && !format.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Reads one row into an admission, collecting what is wrong with its cells. */
    private final class RowReader {

        private final Row row;
        private final int number;
        private final DataFormatter format = new DataFormatter();
        final List<RowError> errors = new ArrayList<>();

        RowReader(Row row, int number) {
            this.row = row;
            this.number = number;
        }

        Optional<MemberService.NewMember> read(Map<String, Organization> branches, Map<String, Organization> groups) {
            String name = required(RosterSheet.NAME);
            Gender gender = label(RosterSheet.GENDER, Gender::ofLabel, "应为“男”或“女”");
            String ethnicity = required(RosterSheet.ETHNICITY);
            LocalDate birth = date(RosterSheet.BIRTH_DATE);
            String nationalId = required(RosterSheet.NATIONAL_ID);
            if (nationalId != null && !nationalId.matches("\\d{17}[\\dXx]")) {
                refuse(RosterSheet.NATIONAL_ID, "应为18位身份证号（请把单元格设为文本格式）");
                nationalId = null;
            }
            LocalDate joined = date(RosterSheet.JOINED_ON);
            MemberStatus status = label(RosterSheet.STATUS, MemberStatus::ofLabel, "应为“预备党员”或“正式党员”");
            String branchName = required(RosterSheet.BRANCH);
            Organization branch = branchName == null ? null : branches.get(branchName);
            if (branchName != null && branch == null) {
                refuse(RosterSheet.BRANCH, "本部门没有名为“" + branchName + "”的党支部");
            }
            String groupName = text(RosterSheet.PARTY_GROUP);
            Organization group = null;
            if (groupName != null && branch != null) {
                group = groups.get(branch.id() + "/" + groupName);
                if (group == null) {
                    refuse(RosterSheet.PARTY_GROUP, "“" + branchName + "”下没有名为“" + groupName + "”的党小组");
                }
            }
            String leading = Optional.ofNullable(text(RosterSheet.LEADING_CADRE)).orElse("否");
            if (!leading.equals("是") && !leading.equals("否")) {
                refuse(RosterSheet.LEADING_CADRE, "应为“是”或“否”");
            }
            PartyAffairsCadre cadre = text(RosterSheet.PARTY_AFFAIRS_CADRE) == null ? PartyAffairsCadre.NONE
                    : label(RosterSheet.PARTY_AFFAIRS_CADRE, PartyAffairsCadre::ofLabel, "应为“无”“专职”或“兼职”");
            if (!errors.isEmpty()) {
                return Optional.empty();
            }
            MemberProfile profile = new MemberProfile(name, gender, ethnicity, birth, nationalId.toUpperCase(Locale.ROOT),
                    text(RosterSheet.EDUCATION), text(RosterSheet.POST), joined, leading.equals("是"), cadre);
            return Optional.of(new MemberService.NewMember(null, branch.id(), group == null ? null : group.id(), status,
                    profile, new Contact(text(RosterSheet.PHONE), text(RosterSheet.EMAIL), null), null));
        }

        void refuse(RosterSheet column, String reason) {
            errors.add(new RowError(number, column.header(), reason));
        }

        /** A rule of the admission refused the row: report each field under its column, in Chinese. */
        void refuse(DomainProblem problem) {
            if (problem.violations().isEmpty()) {
                refuse(RosterSheet.NAME, messages.message(problem.code(), problem.args(), CHINESE, problem.code()));
            }
            problem.violations().forEach(v -> refuse(RosterSheet.ofField(v.field()),
                    messages.message(v.code(), v.args(), CHINESE, v.code())));
        }

        private String text(RosterSheet column) {
            Cell cell = row.getCell(column.ordinal());
            String value = cell == null ? "" : format.formatCellValue(cell).strip();
            return value.isEmpty() ? null : value;
        }

        private String required(RosterSheet column) {
            String value = text(column);
            if (value == null) {
                refuse(column, "必填");
            }
            return value;
        }

        private <T> T label(RosterSheet column, Function<String, Optional<T>> parse, String expected) {
            String value = required(column);
            if (value == null) {
                return null;
            }
            return parse.apply(value).orElseGet(() -> {
                refuse(column, expected);
                return null;
            });
        }

        private LocalDate date(RosterSheet column) {
            Cell cell = row.getCell(column.ordinal());
            if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate();
            }
            String value = required(column);
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
}

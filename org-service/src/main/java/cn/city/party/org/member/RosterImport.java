package cn.city.party.org.member;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.error.ProblemWriter;
import cn.city.party.common.error.Problems;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.org.organization.Organization;
import cn.city.party.org.organization.OrganizationService;
import cn.city.party.org.organization.OrganizationType;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * 党员名册导入: reads the department's .xlsx roster, checks every row against the same rules as a single admission,
 * and stores all rows or none. The answer lists every refused cell (row, column, reason in Chinese).
 * <p>
 * An upload is untrusted: the file is capped in size (413) and in rows, POI's zip-bomb guards are tightened, the
 * sheet is read as a stream of rows (SAX, no workbook model in memory), and a cell holding a formula is refused:
 * its text would otherwise be stored and exported again into someone's spreadsheet.
 */
@Service
public class RosterImport {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final List<DateTimeFormatter> DATES = List.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd").stream()
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    static {
        // POI's guards are JVM-wide; tighter than its defaults (ratio 0.01, 4 GB entries, 1,000 entries, 10 M chars),
        // still far above what a roster of the row cap needs
        ZipSecureFile.setMinInflateRatio(0.02);
        ZipSecureFile.setMaxEntrySize(DataSize.ofMegabytes(20).toBytes());
        ZipSecureFile.setMaxFileCount(200);
        ZipSecureFile.setMaxTextSize(5_000_000);
    }

    private final MemberService members;
    private final OrganizationService organizations;
    private final ScopedMongo store;
    private final ProblemWriter messages;
    private final DataSize maxFileSize;
    private final int maxRows;

    public RosterImport(MemberService members, OrganizationService organizations, ScopedMongo store, ProblemWriter messages,
                        @Value("${org.roster-import.max-file-size:2MB}") DataSize maxFileSize,
                        @Value("${org.roster-import.max-rows:2000}") int maxRows) {
        this.members = members;
        this.organizations = organizations;
        this.store = store;
        this.messages = messages;
        this.maxFileSize = maxFileSize;
        this.maxRows = maxRows;
    }

    /** One refused cell; {@code row} is the spreadsheet's row number (the header is row 1). */
    public record RowError(int row, String column, String reason) {
    }

    public record ImportReport(boolean imported, int rows, List<String> memberIds, List<RowError> errors) {
    }

    /** Refuses an upload over the size cap before a byte of it is parsed. */
    public void requireWithinSize(long bytes) {
        if (bytes > maxFileSize.toBytes()) {
            throw new DomainProblem(HttpStatus.CONTENT_TOO_LARGE, "import.tooLarge",
                    new Object[]{maxFileSize.toMegabytes()}, List.of(new DomainProblem.Violation("file",
                    "import.tooLarge", maxFileSize.toMegabytes())));
        }
    }

    public ImportReport importRoster(InputStream xlsx) {
        String department = CurrentCaller.get().department();
        SheetRows sheet = read(xlsx);
        List<RowError> errors = new ArrayList<>(headerErrors(sheet.header));
        if (!errors.isEmpty()) {
            return new ImportReport(false, 0, List.of(), errors);
        }
        if (sheet.overCap) {
            return new ImportReport(false, sheet.rows.size(), List.of(), List.of(new RowError(
                    sheet.rows.get(sheet.rows.size() - 1).number, RosterSheet.NAME.header(),
                    "名册一次最多导入" + maxRows + "行，请分批导入")));
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
        for (SheetRow row : sheet.rows) {
            RowReader reader = new RowReader(row);
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
        int rows = sheet.rows.size();
        if (rows == 0) {
            errors.add(new RowError(2, RosterSheet.NAME.header(), "表中没有党员数据"));
        }
        if (!errors.isEmpty()) {
            return new ImportReport(false, rows, List.of(), errors);
        }
        return new ImportReport(true, rows, storeAll(accepted), List.of());
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

    /** One row as read: its spreadsheet row number and each column's displayed text; which columns hold formulas. */
    private record SheetRow(int number, Map<Integer, String> values, Set<Integer> formulas) {

        String value(RosterSheet column) {
            return values.getOrDefault(column.ordinal(), "").strip();
        }

        boolean blank() {
            return formulas.isEmpty() && values.values().stream().allMatch(String::isBlank);
        }
    }

    /** The first sheet's header and non-blank rows, at most one over the cap ({@code overCap}: reading stopped there). */
    private static final class SheetRows {
        SheetRow header;
        final List<SheetRow> rows = new ArrayList<>();
        boolean overCap;
    }

    private static final class RowCapReached extends RuntimeException {
        RowCapReached() {
            super(null, null, false, false);
        }
    }

    /** Streams the first sheet row by row; only the rows themselves are kept (all or none are stored). */
    private SheetRows read(InputStream in) {
        SheetRows sheet = new SheetRows();
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw Problems.invalid("file", "import.notXlsx");
            }
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg);
            Styles styles = reader.getStylesTable();
            try (InputStream first = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new FormulaAwareHandler(styles, strings, new RowCollector(sheet)));
                parser.parse(new InputSource(first));
            } catch (RowCapReached stop) {
                sheet.overCap = true;
            }
            return sheet;
        } catch (DomainProblem problem) {
            throw problem;
        } catch (Exception notXlsx) {
            throw Problems.invalid("file", zipBomb(notXlsx) ? "import.unpackedTooLarge" : "import.notXlsx");
        }
    }

    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    private final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final SheetRows sheet;
        private Map<Integer, String> values = new HashMap<>();
        private Set<Integer> formulas = new HashSet<>();

        RowCollector(SheetRows sheet) {
            this.sheet = sheet;
        }

        @Override
        public void startRow(int rowNum) {
            values = new HashMap<>();
            formulas = new HashSet<>();
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = column(reference);
            if (column < RosterSheet.values().length && formattedValue != null) {
                values.put(column, formattedValue);
            }
        }

        void formula(String reference) {
            int column = column(reference);
            if (column < RosterSheet.values().length) {
                formulas.add(column);
            }
        }

        @Override
        public void endRow(int rowNum) {
            SheetRow row = new SheetRow(rowNum + 1, values, formulas);
            if (rowNum == 0) {
                sheet.header = row;
            } else if (!row.blank()) {
                sheet.rows.add(row);
                if (sheet.rows.size() > maxRows) {
                    throw new RowCapReached();
                }
            }
        }

        private static int column(String reference) {
            return reference == null ? RosterSheet.NAME.ordinal() : new CellReference(reference).getCol();
        }
    }

    /** POI's streaming sheet handler that also notes which cells hold a formula ({@code <f>} inside {@code <c>}). */
    private static final class FormulaAwareHandler extends XSSFSheetXMLHandler {
        private final RowCollector rows;
        private String cell;

        FormulaAwareHandler(Styles styles, SharedStrings strings, RowCollector rows) {
            super(styles, strings, rows, new IsoDates(), false);
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("c".equals(localName)) {
                cell = attributes.getValue("r");
            } else if ("f".equals(localName)) {
                rows.formula(cell);
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    /** Date-formatted numbers as ISO dates (whatever display format the sheet gave them), the rest as displayed. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    private static List<RowError> headerErrors(SheetRow header) {
        List<RowError> errors = new ArrayList<>();
        for (RosterSheet column : RosterSheet.values()) {
            String found = header == null ? "" : header.value(column);
            if (!column.header().equals(found)) {
                errors.add(new RowError(1, column.header(), "第" + (column.ordinal() + 1) + "列表头应为“" + column.header() + "”"));
            }
        }
        return errors;
    }

    /** Reads one row into an admission, collecting what is wrong with its cells. */
    private final class RowReader {

        private final SheetRow row;
        final List<RowError> errors = new ArrayList<>();

        RowReader(SheetRow row) {
            this.row = row;
        }

        Optional<MemberService.NewMember> read(Map<String, Organization> branches, Map<String, Organization> groups) {
            for (RosterSheet column : RosterSheet.values()) {
                if (row.formulas().contains(column.ordinal())) {
                    refuse(column, "不接受公式，请填写文字或数值");
                }
            }
            if (!errors.isEmpty()) {
                return Optional.empty();
            }
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
            errors.add(new RowError(row.number(), column.header(), reason));
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
            String value = row.value(column);
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

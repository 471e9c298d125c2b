package cn.city.party.org.dues;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.org.member.DuesCategory;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.member.Member;
import cn.city.party.org.organization.Organization;
import cn.city.party.org.organization.OrganizationService;
import cn.city.party.org.sheet.RowCheck;
import cn.city.party.org.sheet.RowError;
import cn.city.party.org.sheet.SheetReader;
import cn.city.party.org.sheet.SheetReport;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 党费基数年度申报导入: the income bases of a branch (with the organizations below it) or of the whole department for
 * one year, from one .xlsx, each in force from January of that year. All rows or none; a row that repeats the base
 * already declared for that January is unchanged, so importing the same file again changes nothing. Earlier years'
 * bases stay in each member's history. National IDs are matched, never echoed in the report or logged.
 */
@Service
public class DuesBaseImport {

    private static final List<DuesBaseSheet> COLUMNS = List.of(DuesBaseSheet.values());
    private static final BigDecimal MAX_INCOME = new BigDecimal("10000000");
    private static final int FIRST_YEAR = 2000;

    private final DuesService dues;
    private final OrganizationService organizations;
    private final ScopedMongo store;
    private final SheetReader sheets;
    private final PlatformCalendar calendar;

    public DuesBaseImport(DuesService dues, OrganizationService organizations, ScopedMongo store, SheetReader sheets,
                          PlatformCalendar calendar) {
        this.dues = dues;
        this.organizations = organizations;
        this.store = store;
        this.sheets = sheets;
        this.calendar = calendar;
    }

    public byte[] template(int year) {
        requireYear(year);
        return sheets.template(DuesBaseSheet.SHEET_NAME + year, COLUMNS, List.of(
                year + "年度党费基数申报：每行一名党员，基数自" + year + "年1月起执行",
                "身份证号：18位，请把单元格设为文本格式，与党员名册一致",
                "姓名：与名册一致，用于核对",
                "类别：在职、离退休、学生、下岗失业（无固定收入）、生活困难",
                "月收入基数：税后月收入，单位元，最多两位小数，如 6500.00；学生、下岗失业、生活困难可不填"));
    }

    /** Imports for the caller's department, or for {@code organizationId} and the organizations below it. */
    public SheetReport importBases(int year, String organizationId, InputStream xlsx) {
        requireYear(year);
        String department = CurrentCaller.get().department();
        if (department == null) {
            throw Problems.invalid("department", "input.required");
        }
        store.requireWritable(department);
        Organization scope = organizationId == null ? null : organizations.active(organizationId);
        if (scope != null && !scope.department().equals(department)) {
            throw Problems.notFound("entity.organization", organizationId);
        }
        Set<String> units = scope == null ? null
                : organizations.subtree(scope.id()).stream().map(Organization::id).collect(Collectors.toSet());
        SheetReader.Lines<Line> sheet = sheets.lines(xlsx, COLUMNS, row -> new Line(new RowCheck(row, COLUMNS)),
                line -> line.check);
        if (sheet.unreadable()) {
            return SheetReport.refused(sheet.rows(), sheet.errors());
        }
        List<Line> lines = sheet.lines();
        Map<String, Member> members = store.find(Criteria.where("department").is(department).and("nationalId")
                        .in(lines.stream().map(l -> l.nationalId).filter(Objects::nonNull).toList()), Member.class)
                .stream().collect(Collectors.toMap(Member::nationalId, Function.identity()));
        Map<String, Integer> seen = new HashMap<>();
        LocalDate from = YearMonth.of(year, 1).atDay(1);
        List<DuesService.Declaration> declarations = new ArrayList<>();
        int unchanged = 0;
        for (Line line : lines) {
            Member member = line.nationalId == null ? null : line.match(members, seen, units, scope);
            if (member != null && !line.check.refused()) {
                DuesService.Declaration declaration = new DuesService.Declaration(member, line.category, line.incomeFen);
                if (dues.declared(declaration, from)) {
                    unchanged++;
                } else {
                    declarations.add(declaration);
                }
            }
        }
        List<RowError> errors = sheet.errors();
        if (!errors.isEmpty()) {
            return SheetReport.refused(lines.size(), errors);
        }
        dues.declareAll(declarations, YearMonth.of(year, 1));
        return new SheetReport(true, lines.size(), declarations.size(), unchanged,
                declarations.stream().map(d -> d.member().id()).toList(), List.of());
    }

    private void requireYear(int year) {
        if (year < FIRST_YEAR || year > calendar.currentMonth().getYear()) {
            // as text: a number argument would be written with a thousands separator (2,026)
            throw Problems.invalid("year", "dues.importYear", String.valueOf(FIRST_YEAR),
                    String.valueOf(calendar.currentMonth().getYear()));
        }
    }

    /** One row: its cells read, then matched with a member of the department. */
    private static final class Line {
        final RowCheck check;
        String nationalId;
        String name;
        DuesCategory category;
        long incomeFen;

        Line(RowCheck check) {
            this.check = check;
            read();
        }

        void read() {
            if (check.refused()) {
                return;
            }
            String id = check.required(DuesBaseSheet.NATIONAL_ID);
            if (id != null && !id.matches("\\d{17}[\\dXx]")) {
                check.refuse(DuesBaseSheet.NATIONAL_ID, "应为18位身份证号（请把单元格设为文本格式）");
            } else if (id != null) {
                nationalId = id.toUpperCase(Locale.ROOT);
            }
            name = check.required(DuesBaseSheet.NAME);
            category = check.label(DuesBaseSheet.CATEGORY, DuesBaseSheet::category,
                    "应为“在职”“离退休”“学生”“下岗失业”或“生活困难”");
            String income = check.text(DuesBaseSheet.INCOME);
            if (income == null) {
                if (category != null && !category.paysFixedAmount()) {
                    check.refuse(DuesBaseSheet.INCOME, "必填（税后月收入，单位元）");
                }
                return;
            }
            try {
                BigDecimal yuan = new BigDecimal(income.replace(",", "").replace("¥", "").strip());
                if (yuan.signum() < 0 || yuan.compareTo(MAX_INCOME) > 0 || yuan.stripTrailingZeros().scale() > 2) {
                    check.refuse(DuesBaseSheet.INCOME, "应为0至10000000元之间、最多两位小数的金额");
                } else {
                    incomeFen = yuan.movePointRight(2).longValueExact();
                }
            } catch (NumberFormatException | ArithmeticException notAnAmount) {
                check.refuse(DuesBaseSheet.INCOME, "不是金额（应如 6500.00）");
            }
        }

        /** The member this row names, when it is one of the scope's members who pays dues and the name agrees. */
        Member match(Map<String, Member> members, Map<String, Integer> seen, Set<String> units, Organization scope) {
            Integer first = seen.putIfAbsent(nationalId, check.row());
            if (first != null) {
                check.refuse(DuesBaseSheet.NATIONAL_ID, "与第" + first + "行是同一名党员");
                return null;
            }
            Member member = members.get(nationalId);
            if (member == null) {
                check.refuse(DuesBaseSheet.NATIONAL_ID, "本部门没有此身份证号的党员（请先导入党员名册）");
                return null;
            }
            if (units != null && !units.contains(member.branchId())) {
                check.refuse(DuesBaseSheet.NATIONAL_ID, "不是“" + scope.name() + "”的党员");
                return null;
            }
            if (!member.status().active()) {
                check.refuse(DuesBaseSheet.NATIONAL_ID, "该党员状态为“" + member.status().label() + "”，不申报党费基数");
                return null;
            }
            if (name != null && !name.equals(member.name())) {
                check.refuse(DuesBaseSheet.NAME, "与身份证号对应的党员“" + member.name() + "”不符");
            }
            return member;
        }
    }
}

package cn.city.party.org.organization;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.department.DepartmentService;
import cn.city.party.org.sheet.RowCheck;
import cn.city.party.org.sheet.RowError;
import cn.city.party.org.sheet.SheetReader;
import cn.city.party.org.sheet.SheetReport;
import cn.city.party.org.sheet.SheetRow;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 组织架构导入: a department's whole tree (机关党委 → 党总支 → 党支部 → 党小组) from one .xlsx, checked as a whole
 * ({@link TreePlan}) and created all or not at all, each organization through {@link OrganizationService#create} so
 * it meets the same rules and publishes the same event as one created by hand. Rows whose code the department already
 * has, with the same name, type and parent, are left as they are: importing the same file again changes nothing.
 */
@Service
public class TreeImport {

    private static final List<TreeSheet> COLUMNS = List.of(TreeSheet.values());
    private static final String CODE_PATTERN = "[\\p{IsHan}A-Za-z0-9._-]{1,32}";

    private final OrganizationService organizations;
    private final DepartmentService departments;
    private final ScopedMongo store;
    private final SheetReader sheets;
    private final PlatformCalendar calendar;

    public TreeImport(OrganizationService organizations, DepartmentService departments, ScopedMongo store,
                      SheetReader sheets, PlatformCalendar calendar) {
        this.organizations = organizations;
        this.departments = departments;
        this.store = store;
        this.sheets = sheets;
        this.calendar = calendar;
    }

    /** The template, with how to fill it in and a small example tree on its second sheet. */
    public byte[] template() {
        return sheets.template(TreeSheet.SHEET_NAME, COLUMNS, List.of(
                "每行一个组织。编码：本部门自定的组织编码（汉字、字母、数字和 - _ .，最长32个字符），不能重复",
                "类型：机关党委、党总支、党支部、党小组；上级编码：上级组织的编码，机关党委不填",
                "已在平台上逐个建立（没有编码）的组织，上级编码可填其组织ID（组织管理页面可见）",
                "成立日期可不填，如 2015-06-01",
                "示例（编码 | 名称 | 类型 | 上级编码）：",
                "JG | 某某局机关党委 | 机关党委 |",
                "JG-ZZ1 | 机关第一党总支 | 党总支 | JG",
                "JG-ZB1 | 办公室党支部 | 党支部 | JG-ZZ1",
                "JG-ZB1-XZ1 | 办公室第一党小组 | 党小组 | JG-ZB1",
                "JG-ZB2 | 离退休干部党支部 | 党支部 | JG"));
    }

    /**
     * Imports into {@code department}, the caller's own when null (the work committee names one); scope is checked
     * before the file is read.
     */
    public SheetReport importTree(String department, InputStream xlsx) {
        String code = department != null ? department : CurrentCaller.get().department();
        if (code == null) {
            throw Problems.invalid("department", "input.required");
        }
        departments.get(code); // 404 when unknown or out of the caller's scope
        store.requireWritable(code);
        SheetReader.Rows sheet = sheets.read(xlsx, COLUMNS);
        if (!sheet.errors().isEmpty()) {
            return SheetReport.refused(sheet.rows().size(), sheet.errors());
        }
        List<RowError> errors = new ArrayList<>();
        List<TreePlan.Line> lines = new ArrayList<>();
        for (SheetRow row : sheet.rows()) {
            read(row, errors).ifPresent(lines::add);
        }
        TreePlan.Plan plan = TreePlan.of(lines, organizations.list(code), calendar.today());
        errors.addAll(plan.errors());
        int rows = sheet.rows().size();
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::row));
            return SheetReport.refused(rows, errors);
        }
        List<Organization> created = createAll(code, plan.toCreate());
        return new SheetReport(true, rows, created.size(), plan.unchanged().size(),
                created.stream().map(Organization::id).toList(), List.of());
    }

    private Optional<TreePlan.Line> read(SheetRow row, List<RowError> errors) {
        RowCheck check = new RowCheck(row, COLUMNS);
        if (check.refused()) {
            errors.addAll(check.errors());
            return Optional.empty();
        }
        String code = check.required(TreeSheet.CODE);
        if (code != null && !code.matches(CODE_PATTERN)) {
            check.refuse(TreeSheet.CODE, "编码只能由汉字、字母、数字和“-”“_”“.”组成，最长32个字符");
            code = null;
        }
        String name = check.required(TreeSheet.NAME);
        if (name != null && name.length() > 64) {
            check.refuse(TreeSheet.NAME, "名称最长64个字");
        }
        OrganizationType type = check.label(TreeSheet.TYPE, OrganizationType::parse, "应为“机关党委”“党总支”“党支部”或“党小组”");
        String parent = check.text(TreeSheet.PARENT_CODE);
        LocalDate foundedOn = check.optionalDate(TreeSheet.FOUNDED_ON);
        errors.addAll(check.errors());
        // a row with a code takes part in the structural checks even when another cell of it is wrong, so its
        // children are not also reported as orphans
        return code == null ? Optional.empty()
                : Optional.of(new TreePlan.Line(row.number(), code, name, type, parent, foundedOn));
    }

    /**
     * Every row passed the checks, so the creations are expected to succeed; should one fail anyway (a concurrent
     * change of the tree), the organizations created so far are taken back so nothing is half-imported.
     */
    private List<Organization> createAll(String department, List<TreePlan.Placement> placements) {
        Map<TreePlan.Line, String> ids = new HashMap<>();
        List<Organization> created = new ArrayList<>();
        try {
            for (TreePlan.Placement p : placements) {
                String parentId = p.parentLine() != null ? ids.get(p.parentLine()) : p.existingParentId();
                TreePlan.Line line = p.line();
                Organization organization = organizations.create(new OrganizationService.NewOrganization(
                        UUID.randomUUID().toString(), department, line.type(), line.name(), line.code(), line.foundedOn(),
                        parentId));
                ids.put(line, organization.id());
                created.add(organization);
            }
        } catch (RuntimeException e) {
            organizations.discard(created);
            throw e;
        }
        return created;
    }
}

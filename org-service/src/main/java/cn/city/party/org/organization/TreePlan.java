package cn.city.party.org.organization;

import cn.city.party.org.sheet.RowError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 组织架构导入的结构检查: what a tree sheet would create, checked as a whole against the department's organizations
 * before anything is stored.
 * <ul>
 *   <li>each code (编码) once in the sheet; a code the department already has is the same organization: unchanged
 *       when its name, type and parent are the sheet's, refused otherwise (renames and moves are made one at a time,
 *       on purpose);</li>
 *   <li>the parent (上级编码) is another row of the sheet or an organization of the department, named by its code or,
 *       for one created one at a time, its id; it must be active, the levels must fit (机关党委 → 党总支 → 党支部 →
 *       党小组) and the parents may not run in a circle;</li>
 *   <li>a department has one 机关党委; two organizations under the same parent do not share a name, nor do two
 *       branches of a department (the roster names branches by name);</li>
 *   <li>a founding date (成立日期) is not in the future.</li>
 * </ul>
 */
public final class TreePlan {

    /** One row of the sheet as read; {@code type} is null when the row's type was not understood (already reported). */
    public record Line(int row, String code, String name, OrganizationType type, String parentCode, LocalDate foundedOn) {
    }

    /**
     * A line to create, under an organization already stored ({@code existingParentId}), under another new line
     * ({@code parentLine}) or at the top (both null).
     */
    public record Placement(Line line, String existingParentId, Line parentLine) {
    }

    /** Parents before children in {@code toCreate}; {@code unchanged} are the stored organizations the sheet repeats. */
    public record Plan(List<Placement> toCreate, List<Organization> unchanged, List<RowError> errors) {
    }

    private final List<RowError> errors = new ArrayList<>();
    private final Map<String, Line> lines = new LinkedHashMap<>();
    private final Map<Line, Organization> matched = new HashMap<>();
    private final Map<Line, Line> parentLines = new HashMap<>();
    private final Map<Line, Organization> parentOrganizations = new HashMap<>();

    private TreePlan() {
    }

    /** Checks {@code sheet} against the department's {@code existing} organizations (active and dissolved). */
    public static Plan of(List<Line> sheet, List<Organization> existing, LocalDate today) {
        return new TreePlan().check(sheet, existing, today);
    }

    private Plan check(List<Line> sheet, List<Organization> existing, LocalDate today) {
        Map<String, Organization> byCode = new HashMap<>();
        Map<String, Organization> uncodedById = new HashMap<>();
        for (Organization o : existing) {
            if (o.code() != null) {
                byCode.putIfAbsent(o.code(), o);
            } else {
                uncodedById.put(o.id(), o);
            }
        }
        for (Line line : sheet) {
            Line first = lines.putIfAbsent(line.code(), line);
            if (first != null) {
                refuse(line, TreeSheet.CODE, "编码“" + line.code() + "”与第" + first.row() + "行重复");
            }
            if (line.foundedOn() != null && line.foundedOn().isAfter(today)) {
                refuse(line, TreeSheet.FOUNDED_ON, "成立日期不能晚于今天");
            }
        }
        for (Line line : lines.values()) {
            Organization same = byCode.get(line.code());
            if (same != null && !same.isActive()) {
                refuse(line, TreeSheet.CODE, "编码“" + line.code() + "”属于已撤销的“" + same.name() + "”，请换一个编码");
            } else if (same != null) {
                matched.put(line, same);
            }
        }
        lines.values().forEach(line -> placeParent(line, byCode, uncodedById));
        lines.values().forEach(this::refuseCycle);
        Set<Organization> repeated = new HashSet<>();
        matched.forEach((line, same) -> {
            if (requireSame(line, same)) {
                repeated.add(same);
            }
        });
        List<Organization> others = existing.stream().filter(o -> o.isActive() && !repeated.contains(o)).toList();
        oneOrganCommittee(others);
        uniqueNames(others);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::row));
            return new Plan(List.of(), List.of(), List.copyOf(errors));
        }
        return new Plan(parentsFirst(), List.copyOf(matched.values()), List.of());
    }

    private void placeParent(Line line, Map<String, Organization> byCode, Map<String, Organization> uncodedById) {
        String parentCode = line.parentCode();
        OrganizationType parentType;
        if (parentCode == null) {
            if (line.type() != null && !line.type().mayBeRoot()) {
                refuse(line, TreeSheet.PARENT_CODE, line.type().label() + "必须隶属于一个党支部，请填写上级编码");
            }
            return;
        }
        if (parentCode.equals(line.code())) {
            refuse(line, TreeSheet.PARENT_CODE, "上级编码不能是本行自己的编码");
            return;
        }
        Line parentLine = lines.get(parentCode);
        if (parentLine != null) {
            parentLines.put(line, parentLine);
            parentType = parentLine.type();
        } else {
            Organization parent = byCode.containsKey(parentCode) ? byCode.get(parentCode) : uncodedById.get(parentCode);
            if (parent == null) {
                refuse(line, TreeSheet.PARENT_CODE, "上级编码“" + parentCode + "”在本表和本部门的组织中都找不到");
                return;
            }
            if (!parent.isActive()) {
                refuse(line, TreeSheet.PARENT_CODE, "上级组织“" + parent.name() + "”已撤销");
                return;
            }
            parentOrganizations.put(line, parent);
            parentType = parent.type();
        }
        if (line.type() != null && parentType != null && !parentType.mayContain(line.type())) {
            refuse(line, TreeSheet.TYPE, line.type().label() + "不能设在" + parentType.label() + "之下");
        }
    }

    /** A row whose parents, followed up the sheet, come back to it: refused, with the circle spelled out. */
    private void refuseCycle(Line line) {
        List<Line> path = new ArrayList<>();
        Line current = line;
        while (current != null && !path.contains(current)) {
            path.add(current);
            current = parentLines.get(current);
        }
        if (current == line) {
            String circle = path.stream().map(Line::code).collect(Collectors.joining(" → ")) + " → " + line.code();
            refuse(line, TreeSheet.PARENT_CODE, "上级关系形成循环：" + circle);
        }
    }

    /** A code the department already has must name the same organization, under the same parent. */
    private boolean requireSame(Line line, Organization same) {
        String parentId;
        if (parentLines.containsKey(line)) {
            Organization parent = matched.get(parentLines.get(line));
            parentId = parent == null ? null : parent.id();
        } else {
            Organization parent = parentOrganizations.get(line);
            parentId = parent == null ? null : parent.id();
        }
        // under a new row of the sheet it cannot be the stored one, whose parent is stored
        boolean parentSame = !(parentLines.containsKey(line) && parentId == null) && Objects.equals(parentId, same.parentId());
        if (!same.name().equals(line.name()) || same.type() != line.type() || !parentSame) {
            refuse(line, TreeSheet.CODE, "本部门已有编码为“" + line.code() + "”的“" + same.name()
                    + "”，与本行的名称、类型或上级不同：请在组织页面更名或调整隶属，或换一个编码");
            return false;
        }
        return true;
    }

    private void oneOrganCommittee(List<Organization> others) {
        Organization stored = others.stream().filter(o -> o.type() == OrganizationType.ORGAN_COMMITTEE).findFirst()
                .orElse(null);
        Line first = null;
        for (Line line : newLines()) {
            if (line.type() != OrganizationType.ORGAN_COMMITTEE) {
                continue;
            }
            if (stored != null) {
                refuse(line, TreeSheet.TYPE, "本部门已有机关党委“" + stored.name() + "”，一个部门只设一个机关党委");
            } else if (first != null) {
                refuse(line, TreeSheet.TYPE, "第" + first.row() + "行已是机关党委，一个部门只设一个机关党委");
            } else {
                first = line;
            }
        }
    }

    private void uniqueNames(List<Organization> others) {
        Map<String, String> branches = new HashMap<>();
        Map<String, String> siblings = new HashMap<>();
        for (Organization o : others) {
            if (o.type() == OrganizationType.BRANCH) {
                branches.put(o.name(), "本部门已有");
            }
            siblings.put(o.parentId() + "/" + o.name(), "同一上级组织下已有");
        }
        for (Line line : newLines()) {
            if (line.name() == null) {
                continue;
            }
            String where = "第" + line.row() + "行已有";
            if (line.type() == OrganizationType.BRANCH && branches.containsKey(line.name())) {
                refuse(line, TreeSheet.NAME, branches.get(line.name()) + "名为“" + line.name() + "”的党支部（名册按支部名称对应，名称不能重复）");
                continue;
            }
            if (line.type() == OrganizationType.BRANCH) {
                branches.put(line.name(), where);
            }
            String key = parentKey(line) + "/" + line.name();
            String taken = siblings.putIfAbsent(key, where);
            if (taken != null) {
                refuse(line, TreeSheet.NAME, taken + "名为“" + line.name() + "”的组织（同一上级组织下名称不能重复）");
            }
        }
    }

    private String parentKey(Line line) {
        Line parentLine = parentLines.get(line);
        if (parentLine != null) {
            Organization stored = matched.get(parentLine);
            return stored != null ? stored.id() : "row:" + parentLine.row();
        }
        Organization parent = parentOrganizations.get(line);
        return parent == null ? "null" : parent.id();
    }

    private List<Line> newLines() {
        return lines.values().stream().filter(l -> !matched.containsKey(l)).toList();
    }

    private List<Placement> parentsFirst() {
        List<Placement> order = new ArrayList<>();
        Set<Line> placed = new HashSet<>(matched.keySet());
        List<Line> waiting = new ArrayList<>(newLines());
        while (!waiting.isEmpty()) {
            int before = waiting.size();
            for (var it = waiting.iterator(); it.hasNext(); ) {
                Line line = it.next();
                Line parentLine = parentLines.get(line);
                if (parentLine != null && !placed.contains(parentLine)) {
                    continue;
                }
                Organization stored = parentLine != null ? matched.get(parentLine) : parentOrganizations.get(line);
                order.add(new Placement(line, stored == null ? null : stored.id(), stored == null ? parentLine : null));
                placed.add(line);
                it.remove();
            }
            if (waiting.size() == before) {
                throw new IllegalStateException("rows left without a placed parent: the cycle check missed them");
            }
        }
        return order;
    }

    private void refuse(Line line, TreeSheet column, String reason) {
        errors.add(new RowError(line.row(), column.header(), reason));
    }
}

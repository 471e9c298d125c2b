package cn.city.party.org.member;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.error.ProblemWriter;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.org.organization.Organization;
import cn.city.party.org.organization.OrganizationService;
import cn.city.party.org.organization.OrganizationType;
import cn.city.party.org.sheet.RowCheck;
import cn.city.party.org.sheet.RowError;
import cn.city.party.org.sheet.SheetReader;
import cn.city.party.org.sheet.SheetRow;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 党员名册导入: reads the department's .xlsx roster (through the shared {@link SheetReader}: size and row caps, no
 * formulas), checks every row against the same rules as a single admission, and stores all rows or none. The answer
 * lists every refused cell (row, column, reason in Chinese). A branch is named by its name or its code (编码, the
 * organization tree import's), a Party group by its name or code within that branch.
 */
@Service
public class RosterImport {

    private static final List<RosterSheet> COLUMNS = List.of(RosterSheet.values());

    private final MemberService members;
    private final OrganizationService organizations;
    private final ScopedMongo store;
    private final ProblemWriter messages;
    private final SheetReader sheets;
    private final RosterChanges rosterChanges;

    public RosterImport(MemberService members, OrganizationService organizations, ScopedMongo store, ProblemWriter messages,
                        SheetReader sheets, RosterChanges rosterChanges) {
        this.members = members;
        this.organizations = organizations;
        this.store = store;
        this.messages = messages;
        this.sheets = sheets;
        this.rosterChanges = rosterChanges;
    }

    public record ImportReport(boolean imported, int rows, List<String> memberIds, List<RowError> errors) {
    }

    public ImportReport importRoster(InputStream xlsx) {
        String department = CurrentCaller.get().department();
        SheetReader.Lines<RowReader> sheet = sheets.lines(xlsx, COLUMNS, RowReader::new, reader -> reader);
        if (sheet.unreadable()) {
            return new ImportReport(false, sheet.rows(), List.of(), sheet.errors());
        }
        Map<String, Organization> branches = new HashMap<>();
        Map<String, Organization> groups = new HashMap<>();
        for (Organization o : organizations.list(department)) {
            if (o.isActive() && o.type() == OrganizationType.BRANCH) {
                if (o.code() != null) {
                    branches.put(o.code(), o);
                }
                branches.put(o.name(), o);
            } else if (o.isActive() && o.type() == OrganizationType.PARTY_GROUP) {
                if (o.code() != null) {
                    groups.put(o.parentId() + "/" + o.code(), o);
                }
                groups.put(o.parentId() + "/" + o.name(), o);
            }
        }
        List<Member> accepted = new ArrayList<>();
        Set<String> nationalIds = new HashSet<>();
        for (RowReader reader : sheet.lines()) {
            Optional<MemberService.NewMember> candidate = reader.read(branches, groups);
            if (candidate.isPresent() && !nationalIds.add(candidate.get().profile().nationalId())) {
                reader.refuse(RosterSheet.NATIONAL_ID, "与本表中前面的行重复");
            } else if (candidate.isPresent() && !reader.refused()) {
                try {
                    accepted.add(members.prepare(candidate.get()));
                } catch (DomainProblem problem) {
                    reader.refuse(problem, messages, RosterSheet::ofField);
                }
            }
        }
        int rows = sheet.rows();
        List<RowError> errors = sheet.errors();
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
            try {
                stored.forEach(id -> store.deleteById(id, Member.class));
            } finally {
                // the removals publish no event: the rolls they leave are counted here
                accepted.stream().collect(Collectors.groupingBy(Member::department,
                        Collectors.mapping(Member::branchId, Collectors.toSet()))).forEach(rosterChanges::raise);
            }
            throw e;
        }
        return stored;
    }

    /** Reads one row into an admission, collecting what is wrong with its cells. */
    private static final class RowReader extends RowCheck {

        RowReader(SheetRow row) {
            super(row, COLUMNS);
        }

        Optional<MemberService.NewMember> read(Map<String, Organization> branches, Map<String, Organization> groups) {
            if (refused()) {
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
                refuse(RosterSheet.BRANCH, "本部门没有名称或编码为“" + branchName + "”的党支部");
            }
            String groupName = text(RosterSheet.PARTY_GROUP);
            Organization group = null;
            if (groupName != null && branch != null) {
                group = groups.get(branch.id() + "/" + groupName);
                if (group == null) {
                    refuse(RosterSheet.PARTY_GROUP, "“" + branchName + "”下没有名称或编码为“" + groupName + "”的党小组");
                }
            }
            String leading = Optional.ofNullable(text(RosterSheet.LEADING_CADRE)).orElse("否");
            if (!leading.equals("是") && !leading.equals("否")) {
                refuse(RosterSheet.LEADING_CADRE, "应为“是”或“否”");
            }
            PartyAffairsCadre cadre = text(RosterSheet.PARTY_AFFAIRS_CADRE) == null ? PartyAffairsCadre.NONE
                    : label(RosterSheet.PARTY_AFFAIRS_CADRE, PartyAffairsCadre::ofLabel, "应为“无”“专职”或“兼职”");
            if (refused()) {
                return Optional.empty();
            }
            MemberProfile profile = new MemberProfile(name, gender, ethnicity, birth, nationalId.toUpperCase(Locale.ROOT),
                    text(RosterSheet.EDUCATION), text(RosterSheet.POST), joined, leading.equals("是"), cadre);
            return Optional.of(new MemberService.NewMember(null, branch.id(), group == null ? null : group.id(), status,
                    profile, new Contact(text(RosterSheet.PHONE), text(RosterSheet.EMAIL), null), null));
        }
    }
}

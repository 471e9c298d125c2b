package cn.city.party.org.demo;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.department.Department;
import cn.city.party.org.department.DepartmentService;
import cn.city.party.org.member.Contact;
import cn.city.party.org.member.Gender;
import cn.city.party.org.member.Member;
import cn.city.party.org.member.MemberProfile;
import cn.city.party.org.member.MemberService;
import cn.city.party.org.member.MemberStatus;
import cn.city.party.org.member.NationalId;
import cn.city.party.org.member.PartyAffairsCadre;
import cn.city.party.org.organization.Organization;
import cn.city.party.org.organization.OrganizationService;
import cn.city.party.org.organization.OrganizationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The local platform's demo data, with the fixed ids of docs/events.md: departments gongwei, caizheng and jiaoyu,
 * their organization trees, 16 members in each of caizheng and jiaoyu, the demo users linked to m01 (secretary) and
 * m02 (member). Everything goes through the services, so the same events are raised as for real data and the other
 * services build their rosters from them. Idempotent: what already exists is left alone.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "platform.demo-data.enabled", havingValue = "true")
public class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
    static final String KEYCLOAK_ID = "00000000-0000-4000-8000-0000000000%02d";

    private static final List<String> NAMES = List.of("孙红梅", "李建国", "王志强", "张丽华", "刘洋", "陈静", "杨帆",
            "赵磊", "黄敏", "周杰", "吴芳", "徐明", "孙涛", "马超", "朱琳", "胡斌");

    private final ScopedMongo store;
    private final DepartmentService departments;
    private final OrganizationService organizations;
    private final MemberService members;
    private final PlatformCalendar calendar;

    public DemoDataSeeder(ScopedMongo store, DepartmentService departments, OrganizationService organizations,
                          MemberService members, PlatformCalendar calendar) {
        this.store = store;
        this.departments = departments;
        this.organizations = organizations;
        this.members = members;
        this.calendar = calendar;
    }

    /** One demo department: its code, name, staff, the region code of its members' IDs, the linked users. */
    record DemoDepartment(String code, String name, int staff, String region, int secretaryUser, int memberUser) {
    }

    @Override
    public void run(ApplicationArguments args) {
        CurrentCaller.runAsSystem("demo-data", () -> {
            department("gongwei", "市直机关工委", 80);
            organization("gongwei-committee", "gongwei", OrganizationType.ORGAN_COMMITTEE, "市直机关工委机关党委", null);
            seed(new DemoDepartment("caizheng", "市财政局", 200, "110101", 4, 5));
            seed(new DemoDepartment("jiaoyu", "市教育局", 150, "110102", 8, 9));
            return null;
        });
        log.info("demo data present: departments gongwei, caizheng, jiaoyu with their trees and members");
    }

    private void seed(DemoDepartment d) {
        department(d.code(), d.name(), d.staff());
        String committee = d.code() + "-committee";
        organization(committee, d.code(), OrganizationType.ORGAN_COMMITTEE, d.name() + "机关党委", null);
        organization(d.code() + "-branch-1", d.code(), OrganizationType.BRANCH, "第一党支部", committee);
        organization(d.code() + "-branch-2", d.code(), OrganizationType.BRANCH, "第二党支部", committee);
        if (d.code().equals("caizheng")) {
            organization("caizheng-group-1", d.code(), OrganizationType.PARTY_GROUP, "第一党小组", "caizheng-branch-1");
        }
        for (int n = 1; n <= 16; n++) {
            member(d, n);
        }
    }

    private void department(String code, String name, int staff) {
        if (store.findById(code, Department.class).isEmpty()) {
            departments.register(code, name, staff);
        }
    }

    private void organization(String id, String department, OrganizationType type, String name, String parentId) {
        if (store.findById(id, Organization.class).isEmpty()) {
            organizations.create(id, department, type, name, parentId);
        }
    }

    /**
     * m01–m08 in branch 1, m09–m16 in branch 2; m08 and m16 probationary, joined 11 months ago (conversion due soon);
     * m01 a full-time Party-affairs cadre (the secretary), m09 a part-time one, m03 and m11 leading cadres.
     */
    private void member(DemoDepartment d, int n) {
        String id = "%s-m%02d".formatted(d.code(), n);
        if (store.findById(id, Member.class).isPresent()) {
            return;
        }
        String branch = d.code() + "-branch-" + (n <= 8 ? 1 : 2);
        String group = d.code().equals("caizheng") && n <= 4 ? "caizheng-group-1" : null;
        LocalDate birth = LocalDate.of(1970 + n, 1 + n % 12, 1 + n);
        boolean probationary = n == 8 || n == 16;
        LocalDate joined = probationary ? calendar.today().minusMonths(11) : birth.plusYears(24).withMonth(7).withDayOfMonth(1);
        String nationalId = NationalId.withCheckCharacter(d.region() + birth.toString().replace("-", "")
                + "%03d".formatted(n * 2 + (n % 2 == 1 ? 0 : 1)));
        PartyAffairsCadre cadre = n == 1 ? PartyAffairsCadre.FULL_TIME : n == 9 ? PartyAffairsCadre.PART_TIME : PartyAffairsCadre.NONE;
        MemberProfile profile = new MemberProfile(NAMES.get(n - 1), n % 2 == 1 ? Gender.FEMALE : Gender.MALE, "汉族",
                birth, nationalId, "大学本科", n == 1 ? "支部书记" : "科员", joined, n == 3 || n == 11, cadre);
        String account = n == 1 ? KEYCLOAK_ID.formatted(d.secretaryUser()) : n == 2 ? KEYCLOAK_ID.formatted(d.memberUser()) : null;
        members.admit(new MemberService.NewMember(id, branch, group,
                probationary ? MemberStatus.PROBATIONARY : MemberStatus.FULL, profile,
                new Contact("1380000%04d".formatted(n), null, null), account));
    }
}

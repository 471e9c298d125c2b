package cn.city.party.common.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo roster of the consumers' tests, as org-service publishes it (docs/events.md, "Demo data ids"), one list
 * for every service. 市财政局 {@code caizheng}: committee, {@code caizheng-branch-1} with {@code caizheng-group-1},
 * {@code caizheng-branch-2}; members m01–m08 in branch 1 (m01–m04 in the group), m09–m16 in branch 2. 市教育局
 * {@code jiaoyu}: committee and {@code jiaoyu-branch-1} with m01–m08. In each department m01 is the branch secretary
 * (account {@code caizheng-secretary} / {@code jiaoyu-secretary}), m02 a member with an account ({@code
 * caizheng-member} / {@code jiaoyu-member}), m03 and m11 leading cadres, everyone a full member; branch 1 of caizheng
 * elected m01 secretary and m03 organization member, branch 1 of jiaoyu m01 secretary. Event ids are fixed, so
 * feeding the roster twice changes nothing.
 */
public final class DemoRoster {

    public static final String CAIZHENG_SECRETARY_SUB = "00000000-0000-4000-8000-000000000004";
    public static final String CAIZHENG_MEMBER_SUB = "00000000-0000-4000-8000-000000000005";
    public static final String JIAOYU_SECRETARY_SUB = "00000000-0000-4000-8000-000000000008";
    public static final String JIAOYU_MEMBER_SUB = "00000000-0000-4000-8000-000000000009";

    /** The names org-service's demo data gives m01, m02, … */
    private static final List<String> NAMES = List.of("孙红梅", "李建国", "王志强", "张丽华", "刘洋", "陈静", "杨帆",
            "赵磊", "黄敏", "周杰", "吴芳", "徐明", "孙涛", "马超", "朱琳", "胡斌");

    /** One org-service event of the roster, to publish as it is. */
    public record Event(String id, String topic, String type, String subject, String department, Map<String, Object> data) {
    }

    private DemoRoster() {
    }

    /** Organizations first, then members, then committees. */
    public static List<Event> events() {
        List<Event> events = new ArrayList<>();
        organization(events, "caizheng-committee", "caizheng", "ORGAN_COMMITTEE", "市财政局机关党委", null);
        organization(events, "caizheng-branch-1", "caizheng", "BRANCH", "第一党支部", "caizheng-committee");
        organization(events, "caizheng-group-1", "caizheng", "PARTY_GROUP", "第一党小组", "caizheng-branch-1");
        organization(events, "caizheng-branch-2", "caizheng", "BRANCH", "第二党支部", "caizheng-committee");
        organization(events, "jiaoyu-committee", "jiaoyu", "ORGAN_COMMITTEE", "市教育局机关党委", null);
        organization(events, "jiaoyu-branch-1", "jiaoyu", "BRANCH", "第一党支部", "jiaoyu-committee");
        for (int n = 1; n <= 16; n++) {
            String branch = n <= 8 ? "caizheng-branch-1" : "caizheng-branch-2";
            String account = n == 1 ? CAIZHENG_SECRETARY_SUB : n == 2 ? CAIZHENG_MEMBER_SUB : null;
            member(events, "caizheng", n, branch, n <= 4 ? "caizheng-group-1" : null, account);
        }
        for (int n = 1; n <= 8; n++) {
            String account = n == 1 ? JIAOYU_SECRETARY_SUB : n == 2 ? JIAOYU_MEMBER_SUB : null;
            member(events, "jiaoyu", n, "jiaoyu-branch-1", null, account);
        }
        committee(events, "caizheng-branch-1", "caizheng", List.of(post("SECRETARY", "caizheng", 1),
                post("ORGANIZATION", "caizheng", 3)));
        committee(events, "jiaoyu-branch-1", "jiaoyu", List.of(post("SECRETARY", "jiaoyu", 1)));
        return events;
    }

    /** The id of member {@code n} of {@code department}: {@code caizheng-m01}. */
    public static String memberId(String department, int n) {
        return "%s-m%02d".formatted(department, n);
    }

    public static String name(int n) {
        return NAMES.get(n - 1);
    }

    private static void organization(List<Event> events, String id, String department, String type, String name,
                                     String parentId) {
        events.add(new Event("demo-org-" + id, "party.org.organization", "party.org.organization.created.v1", id,
                department, OrgEventSamples.organization(id, department, type, name, parentId, "ACTIVE")));
    }

    private static void member(List<Event> events, String department, int n, String branchId, String partyGroupId,
                               String accountSubject) {
        String id = memberId(department, n);
        events.add(new Event("demo-member-" + id, "party.org.member", "party.org.member.admitted.v1", id, department,
                OrgEventSamples.member(id, department, branchId, partyGroupId, name(n), "FULL", n == 3 || n == 11,
                        accountSubject)));
    }

    private static Map<String, Object> post(String post, String department, int n) {
        return Map.of("post", post, "memberId", memberId(department, n), "name", name(n));
    }

    private static void committee(List<Event> events, String organizationId, String department,
                                  List<Map<String, Object>> posts) {
        events.add(new Event("demo-committee-" + organizationId, "party.org.committee", "party.org.committee.elected.v1",
                organizationId, department, Map.of("organizationId", organizationId, "department", department,
                "termStart", "2025-01-01", "termEnd", "2027-12-31", "posts", posts)));
    }
}

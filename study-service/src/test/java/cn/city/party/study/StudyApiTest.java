package cn.city.party.study;

import cn.city.party.common.test.OrgEventSamples;
import cn.city.party.common.test.ServiceApiTest;
import cn.city.party.study.roster.RosterMember;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Map;

/**
 * Base of study-service's API tests: the roster arrives the way it does in production, as org-service events on the
 * real broker, before the first test of the context runs.
 */
@org.springframework.context.annotation.Import(cn.city.party.study.support.TestClock.Config.class)
public abstract class StudyApiTest extends ServiceApiTest {

    public static final String CAIZHENG_SECRETARY = "caizheng-m01";
    public static final String CAIZHENG_MEMBER = "caizheng-m02";
    public static final String JIAOYU_MEMBER = "jiaoyu-m02";

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected cn.city.party.study.support.TestClock clock;

    private static String rosterReadyIn;

    @BeforeEach
    void demoRoster() {
        String database = mongo.getDb().getName();
        if (database.equals(rosterReadyIn)) {
            return;
        }
        admit("caizheng-m01", "caizheng", "caizheng-branch-1", "FULL", false, "00000000-0000-4000-8000-000000000004");
        admit("caizheng-m02", "caizheng", "caizheng-branch-1", "FULL", false, "00000000-0000-4000-8000-000000000005");
        admit("caizheng-m03", "caizheng", "caizheng-branch-1", "FULL", true, null);
        admit("caizheng-m09", "caizheng", "caizheng-branch-2", "FULL", false, null);
        admit("jiaoyu-m01", "jiaoyu", "jiaoyu-branch-1", "FULL", false, "00000000-0000-4000-8000-000000000008");
        admit("jiaoyu-m02", "jiaoyu", "jiaoyu-branch-1", "FULL", false, "00000000-0000-4000-8000-000000000009");
        organization("caizheng-committee", "caizheng", "ORGAN_COMMITTEE", "市财政局机关党委", null);
        organization("caizheng-branch-1", "caizheng", "BRANCH", "第一党支部", "caizheng-committee");
        organization("caizheng-branch-2", "caizheng", "BRANCH", "第二党支部", "caizheng-committee");
        organization("jiaoyu-committee", "jiaoyu", "ORGAN_COMMITTEE", "市教育局机关党委", null);
        organization("jiaoyu-branch-1", "jiaoyu", "BRANCH", "第一党支部", "jiaoyu-committee");
        elect("caizheng-branch-1", "caizheng", "caizheng-m01");
        elect("jiaoyu-branch-1", "jiaoyu", "jiaoyu-m01");
        await("the demo roster", () -> {
            RosterMember m = mongo.findById("jiaoyu-m01", RosterMember.class);
            RosterMember c = mongo.findById("caizheng-m01", RosterMember.class);
            return m != null && m.secretary() && m.name() != null && c != null && c.secretary() && c.name() != null
                    && mongo.findById("jiaoyu-m02", RosterMember.class) != null
                    && mongo.findById("jiaoyu-branch-1", cn.city.party.study.roster.RosterOrganization.class) != null;
        });
        rosterReadyIn = database;
    }

    protected void admit(String memberId, String department, String branchId, String status, boolean leadingCadre,
                         String accountSubject) {
        publish("party.org.member", "party.org.member.admitted.v1", memberId, department,
                memberData(memberId, department, branchId, status, leadingCadre, accountSubject));
    }

    protected void organization(String id, String department, String type, String name, String parentId) {
        publish("party.org.organization", "party.org.organization.created.v1", id, department,
                OrgEventSamples.organization(id, department, type, name, parentId, "ACTIVE"));
    }

    protected void elect(String organizationId, String department, String secretaryId) {
        publish("party.org.committee", "party.org.committee.elected.v1", organizationId, department, Map.of(
                "organizationId", organizationId, "department", department, "termStart", "2025-01-01",
                "termEnd", "2027-12-31", "posts", java.util.List.of(Map.of("post", "SECRETARY", "memberId", secretaryId,
                        "name", "书记"))));
    }

    public static Map<String, Object> memberData(String memberId, String department, String branchId, String status,
                                                 boolean leadingCadre, String accountSubject) {
        return OrgEventSamples.member(memberId, department, branchId, null, "党员" + memberId.substring(memberId.length() - 2),
                status, leadingCadre, accountSubject);
    }
}

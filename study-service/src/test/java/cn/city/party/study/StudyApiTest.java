package cn.city.party.study;

import cn.city.party.common.test.ServiceApiTest;
import cn.city.party.common.contracts.OrgEventSamples;
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
        publishDemoRoster();
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

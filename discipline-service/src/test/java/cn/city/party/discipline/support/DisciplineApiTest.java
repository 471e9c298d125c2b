package cn.city.party.discipline.support;

import cn.city.party.common.test.Api;
import cn.city.party.common.contracts.OrgEventSamples;
import cn.city.party.common.test.ServiceApiTest;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of discipline-service's API tests. Before each test the roster holds the demo roster ({@code DemoRoster}),
 * fed as schema-valid org-service events through the real broker and the real listener.
 */
public abstract class DisciplineApiTest extends ServiceApiTest {

    private static final Set<Integer> SEEDED = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void rosterIsFed() {
        if (!SEEDED.add(port)) {
            return;
        }
        publishDemoRoster();
        // its 24 members and 6 organizations
        await("the demo roster", () -> api().as("city-inspector").get("/api/discipline/roster/members").json().size() >= 24
                && api().as("city-inspector").get("/api/discipline/roster/organizations").json().size() >= 6);
    }

    protected static Map<String, Object> member(String id, String department, String branchId, String name, String status) {
        return OrgEventSamples.member(id, department, branchId, null, name, status, false, null);
    }

    protected String publishMember(String fact, Map<String, Object> data) {
        return publish("party.org.member", "party.org.member." + fact + ".v1", (String) data.get("memberId"),
                (String) data.get("department"), data, UUID.randomUUID().toString());
    }

    protected void publishOrganization(String fact, String id, String department, String type, String name, String parentId) {
        publish("party.org.organization", "party.org.organization." + fact + ".v1", id, department,
                OrgEventSamples.organization(id, department, type, name, parentId, "dissolved".equals(fact) ? "DISSOLVED" : "ACTIVE"));
    }

    /** A lead of {@code department}, created by {@code inspector} (its handler), named reporter or anonymous. */
    protected JsonNode createLead(String inspector, String department, String memberId, Map<String, Object> reporter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("department", department);
        body.put("source", "PETITION_REPORT");
        body.put("subjectMemberIds", List.of(memberId));
        body.put("summary", "反映其违规收受礼品（测试）");
        body.put("receivedOn", "2026-03-02");
        if (reporter != null) {
            body.put("reporter", reporter);
        }
        Api.Response created = api().as(inspector).post("/api/discipline/leads", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    protected Api.Response transition(String inspector, String leadId, String to, String outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("reason", "依规处置（测试）");
        if (outcome != null) {
            body.put("outcome", outcome);
        }
        return api().as(inspector).post("/api/discipline/leads/" + leadId + "/transitions", body);
    }
}

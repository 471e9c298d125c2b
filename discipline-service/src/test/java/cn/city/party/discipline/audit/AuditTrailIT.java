package cn.city.party.discipline.audit;

import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.discipline.support.DisciplineApiTest;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.discipline.lead.Lead;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail on the real database: tampering with a stored entry is found, and where; a change's entry survives
 * the instance dying between the change and the append.
 */
@PlatformIntegrationTest
class AuditTrailIT extends DisciplineApiTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AuditTrail trail;

    private JsonNode verification() {
        return verification("city-inspector");
    }

    /** Walks the chain page by page as {@code user}: the page with the break, or the last one. */
    private JsonNode verification(String user) {
        long from = 1;
        while (true) {
            JsonNode page = api().as(user).get("/api/discipline/audit/verification?size=500&fromSeq=" + from).json();
            if (!page.path("intact").asBoolean() || page.path("nextFromSeq").isNull()) {
                return page;
            }
            from = page.path("nextFromSeq").asLong();
        }
    }

    @Test
    void a_department_inspector_learns_of_a_break_in_another_department_only_that_the_chain_is_broken() {
        String leadId = createLead("jiaoyu-inspector", "jiaoyu", "jiaoyu-m01", null).path("id").asString();
        Document created = mongo.findOne(Query.query(Criteria.where("targetId").is(leadId)), Document.class, "audit_trail");
        Query entry = Query.query(Criteria.where("_id").is(created.get("_id")));
        try {
            mongo.updateFirst(entry, new Update().set("detail", "changed"), "audit_trail");

            JsonNode ownDepartment = verification("jiaoyu-inspector");
            JsonNode otherDepartment = verification("caizheng-inspector");

            assertThat(ownDepartment.path("intact").asBoolean()).isFalse();
            assertThat(ownDepartment.path("firstBreak").path("entryId").asString()).isEqualTo(created.getString("_id"));
            assertThat(otherDepartment.path("intact").asBoolean()).isFalse();
            assertThat(otherDepartment.path("firstBreak").isNull()).as("no seq, id or reason of jiaoyu's entry").isTrue();
        } finally {
            mongo.updateFirst(entry, new Update().set("detail", created.getString("detail")), "audit_trail");
        }
    }

    @Test
    void the_chain_is_verified_page_by_page_each_page_linked_to_the_one_before_and_sealed_with_a_named_key() {
        createLead("caizheng-inspector", "caizheng", "caizheng-m04", null);
        Document second = mongo.findOne(Query.query(Criteria.where("seq").is(2L)), Document.class, "audit_trail");

        JsonNode page = api().as("city-inspector").get("/api/discipline/audit/verification?fromSeq=2&size=1").json();

        assertThat(page.path("intact").asBoolean()).isTrue();
        assertThat(page.path("fromSeq").asLong()).isEqualTo(2);
        assertThat(page.path("entriesChecked").asLong()).isEqualTo(1);
        assertThat(page.path("nextFromSeq").asLong()).isEqualTo(3);
        assertThat(second.getString("keyId")).matches("[0-9a-f]{16}");
        assertThat(api().as("city-inspector").get("/api/discipline/audit/verification?size=5001").status()).isEqualTo(400);
    }

    @Test
    void a_stored_entry_changed_directly_in_the_database_is_reported_as_the_first_broken_link() {
        String leadId = createLead("caizheng-inspector", "caizheng", "caizheng-m01", null).path("id").asString();
        api().as("caizheng-inspector").get("/api/discipline/leads/" + leadId);
        api().as("caizheng-inspector").get("/api/discipline/leads/" + leadId);
        assertThat(verification().path("intact").asBoolean()).isTrue();

        Document read = mongo.findOne(Query.query(Criteria.where("targetId").is(leadId).and("action").is("lead.read")),
                Document.class, "audit_trail");
        Query entry = Query.query(Criteria.where("_id").is(read.get("_id")));
        try {
            // someone with database access hides who read the lead
            mongo.updateFirst(entry, new Update().set("actorName", "nobody"), "audit_trail");

            JsonNode broken = verification();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstBreak").path("seq").asLong()).isEqualTo(read.getLong("seq"));
            assertThat(broken.path("firstBreak").path("entryId").asString()).isEqualTo(read.getString("_id"));
            assertThat(broken.path("firstBreak").path("reason").asString()).isEqualTo("CONTENT_CHANGED");
        } finally {
            mongo.updateFirst(entry, new Update().set("actorName", read.getString("actorName")), "audit_trail");
        }
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    @Test
    void every_detail_read_and_change_is_in_the_trail_and_only_inspectors_see_or_verify_it() {
        String leadId = createLead("caizheng-inspector", "caizheng", "caizheng-m02", null).path("id").asString();
        api().as("caizheng-inspector").get("/api/discipline/leads/" + leadId);
        transition("caizheng-inspector", leadId, "SET_ASIDE", null);

        List<JsonNode> entries = api().as("caizheng-inspector").get("/api/discipline/audit/entries?targetId=" + leadId)
                .json().valueStream().toList();
        assertThat(entries).extracting(e -> e.path("action").asString())
                .containsExactly("lead.created", "lead.read", "lead.transition");
        assertThat(entries.get(2).path("detail").asString()).isEqualTo("RECEIVED→SET_ASIDE");
        assertThat(entries).allSatisfy(e -> assertThat(e.path("actorName").asString()).isEqualTo("caizheng-inspector"));

        assertThat(api().as("jiaoyu-inspector").get("/api/discipline/audit/entries?targetId=" + leadId).json().size()).isZero();
        for (String user : List.of("work-committee", "caizheng-admin", "caizheng-secretary", "caizheng-member")) {
            assertThat(api().as(user).get("/api/discipline/audit/verification").status()).as(user).isEqualTo(403);
            assertThat(api().as(user).get("/api/discipline/audit/entries?targetId=" + leadId).status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void a_change_whose_instance_died_before_appending_its_audit_entry_still_reaches_the_trail_exactly_once() {
        String leadId = createLead("caizheng-inspector", "caizheng", "caizheng-m03", null).path("id").asString();
        assertThat(pendingIn(leadId)).as("an entry that was appended is not left in the record").isEmpty();

        Lead lead = mongo.findById(leadId, Lead.class);
        assertThatThrownBy(() -> CurrentCaller.runAsSystem("crash-test", () -> trail.change(lead, "lead.crash-test", null, l -> {
            mongo.save(l);
            throw new IllegalStateException("the instance dies after the write");
        }))).hasMessageContaining("dies");
        trail.sweep();

        assertThat(actions(leadId)).containsOnlyOnce("lead.crash-test");
        assertThat(pendingIn(leadId)).isEmpty();

        // the next instance died after appending but before taking the entry out of the record
        Document appended = mongo.findOne(Query.query(Criteria.where("targetId").is(leadId).and("action").is("lead.crash-test")),
                Document.class, "audit_trail");
        AuditedChange again = new AuditedChange(appended.getString("_id"), appended.getDate("at").toInstant(),
                appended.getString("actor"), appended.getString("actorName"), "lead.crash-test", "lead", leadId, "caizheng", null);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(leadId)), new Update().push(AuditedRecord.PENDING_AUDIT, again), Lead.class);
        trail.sweep();

        assertThat(actions(leadId)).containsOnlyOnce("lead.crash-test");
        assertThat(pendingIn(leadId)).isEmpty();
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    private List<String> actions(String targetId) {
        return api().as("caizheng-inspector").get("/api/discipline/audit/entries?targetId=" + targetId).json().valueStream()
                .map(e -> e.path("action").asString()).toList();
    }

    private List<Document> pendingIn(String leadId) {
        Document lead = mongo.findById(leadId, Document.class, "leads");
        return lead.getList(AuditedRecord.PENDING_AUDIT, Document.class, List.of());
    }
}

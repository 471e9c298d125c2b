package cn.city.party.discipline.lead;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.discipline.support.DisciplineApiTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LeadApiIT extends DisciplineApiTest {

    static final List<String> NOT_INSPECTORS = List.of("work-committee", "caizheng-admin", "caizheng-secretary", "caizheng-member");

    @Autowired
    ReporterKeyRotation rotation;
    @Autowired
    ReporterCipher cipher;
    @Autowired
    MongoTemplate mongo;

    private List<String> auditActions(String leadId) {
        return api().as("city-inspector").get("/api/discipline/audit/entries?targetId=" + leadId).json().valueStream()
                .map(e -> e.path("action").asString()).toList();
    }

    /** The handler asks to see the named reporter and a second inspector approves: one reveal. */
    private void revealApproved(String handler, String approver, String leadId) {
        Api.Response asked = api().as(handler).post("/api/discipline/leads/" + leadId + "/reveal-request",
                Map.of("reason", "核实举报人身份，以便约谈"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        Api.Response approved = api().as(approver).post("/api/discipline/leads/" + leadId + "/reveal-request/decision",
                Map.of("approve", true, "reason", "同意"));
        assertThat(approved.json().path("status").asString()).as(approved.toString()).isEqualTo("APPROVED");
    }

    @Test
    void a_named_reporter_is_encrypted_at_rest_hidden_from_lists_and_shown_only_to_the_handler_with_every_reveal_audited(
            CapturedOutput output) {
        EventCapture events = capture("party.discipline.sanction", "party.discipline.accountability", "party.discipline.notice");
        JsonNode lead = createLead("caizheng-inspector", "caizheng", "caizheng-m03",
                Map.of("name", "举报人甲乙丙", "contact", "13900001111"));
        String id = lead.path("id").asString();
        assertThat(lead.toString()).doesNotContain("举报人甲乙丙").doesNotContain("13900001111");
        assertThat(lead.path("hasNamedReporter").asBoolean()).isTrue();
        assertThat(lead.path("receiptCode").isNull()).isTrue();

        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "leads");
        assertThat(stored.toJson()).doesNotContain("举报人甲乙丙").doesNotContain("13900001111");
        assertThat(stored.getString("reporterCiphertext")).startsWith("v2:");

        Api.Response list = api().as("caizheng-inspector").get("/api/discipline/leads");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(id).doesNotContain("举报人甲乙丙").doesNotContain("反映其违规收受礼品");

        Api.Response detail = api().as("caizheng-inspector").get("/api/discipline/leads/" + id);
        assertThat(detail.json().path("summary").asString()).contains("收受礼品");
        assertThat(detail.body()).doesNotContain("举报人甲乙丙");

        revealApproved("caizheng-inspector", "city-inspector", id);
        Api.Response revealed = api().as("caizheng-inspector").get("/api/discipline/leads/" + id + "/reporter");
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().path("name").asString()).isEqualTo("举报人甲乙丙");
        assertThat(revealed.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        // a city-level inspector sees the lead but is not its handler: no reveal, and the attempt is recorded
        assertThat(api().as("city-inspector").get("/api/discipline/leads/" + id).status()).isEqualTo(200);
        assertThat(api().as("city-inspector").get("/api/discipline/leads/" + id + "/reporter").status()).isEqualTo(403);

        assertThat(auditActions(id)).containsSubsequence("lead.created", "lead.read", "lead.reporter.revealRequested",
                "lead.reporter.revealApproved", "lead.reporter.revealed", "lead.read", "lead.reporter.refused");
        // the case runs to a sanction: what is published about it names no reporter
        transition("caizheng-inspector", id, "PRELIMINARY_VERIFICATION", null);
        transition("caizheng-inspector", id, "CASE_FILED", null);
        transition("caizheng-inspector", id, "DECIDED", "WARNING");
        assertThat(api().as("caizheng-inspector").post("/api/discipline/sanctions", Map.of("memberId", "caizheng-m03",
                "type", "SERIOUS_WARNING", "decidedOn", "2026-03-10", "leadId", id)).status())
                .as("the sanction must be the decided one").isEqualTo(422);
        JsonNode sanction = api().as("caizheng-inspector").post("/api/discipline/sanctions", Map.of("memberId",
                "caizheng-m03", "type", "WARNING", "decidedOn", "2026-03-10", "leadId", id)).json();
        assertThat(sanction.path("leadId").asString()).isEqualTo(id);
        String sanctionId = sanction.path("id").asString();
        try (events) {
            events.await("party.discipline.sanction.imposed.v1", e -> e.path("subject").asString().equals(sanctionId),
                    java.time.Duration.ofSeconds(20));
            assertThat(events.records()).isNotEmpty().allSatisfy(r -> assertThat(r.value())
                    .doesNotContain("举报人甲乙丙").doesNotContain("13900001111").doesNotContain("收受礼品"));
        }
        assertThat(output.getAll()).doesNotContain("举报人甲乙丙").doesNotContain("13900001111");
    }

    @Test
    void after_a_key_change_the_rotation_reseals_identities_sealed_with_the_previous_key_and_audits_it(CapturedOutput output) {
        String id = createLead("caizheng-inspector", "caizheng", "caizheng-m04",
                Map.of("name", "举报人丁戊", "contact", "13900002222")).path("id").asString();
        // as stored before the key change: sealed with what is now the previous key (test configuration)
        ReporterCipher previous = new ReporterCipher("dGVzdC1vbmx5LXByZXZpb3VzLXJlcG9ydGVyLWtleSE=", "");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("reporterCiphertext",
                previous.encrypt("{\"name\":\"举报人丁戊\",\"contact\":\"13900002222\"}", id)), "leads");
        revealApproved("caizheng-inspector", "city-inspector", id);
        assertThat(api().as("caizheng-inspector").get("/api/discipline/leads/" + id + "/reporter").json()
                .path("name").asString()).as("readable with the previous key").isEqualTo("举报人丁戊");

        assertThat(rotation.run()).isGreaterThanOrEqualTo(1);

        String resealed = mongo.findById(id, Document.class, "leads").getString("reporterCiphertext");
        assertThat(cipher.sealedWithCurrentKey(resealed)).isTrue();
        assertThat(resealed).doesNotContain(previous.currentKeyId());
        revealApproved("caizheng-inspector", "city-inspector", id);
        assertThat(api().as("caizheng-inspector").get("/api/discipline/leads/" + id + "/reporter").json()
                .path("name").asString()).isEqualTo("举报人丁戊");
        assertThat(auditActions(id)).containsOnlyOnce("lead.reporter.resealed");
        assertThat(rotation.run()).as("nothing left to re-seal").isZero();
        assertThat(output.getAll()).doesNotContain("举报人丁戊").doesNotContain("13900002222");
    }

    @Test
    void a_lead_changes_hands_only_when_an_inspector_with_jurisdiction_accepts_and_the_reporter_follows_it() {
        String id = createLead("caizheng-inspector", "caizheng", "caizheng-m01",
                Map.of("name", "交接举报人", "contact", "021-1234")).path("id").asString();
        String cityInspector = "00000000-0000-4000-8000-000000000002";
        String jiaoyuInspector = "00000000-0000-4000-8000-000000000010";
        revealApproved("caizheng-inspector", "city-inspector", id);

        Api.Response outsider = api().as("jiaoyu-inspector").post("/api/discipline/leads/" + id + "/handler",
                Map.of("handler", cityInspector, "handlerName", "city-inspector", "reason", "越权"));
        assertThat(outsider.status()).isEqualTo(404);

        // offered to an inspector of another department: it cannot take the lead, which stays where it was
        assertThat(api().as("caizheng-inspector").post("/api/discipline/leads/" + id + "/handler",
                Map.of("handler", jiaoyuInspector, "handlerName", "jiaoyu-inspector", "reason", "协助")).status())
                .isEqualTo(200);
        assertThat(api().as("jiaoyu-inspector").post("/api/discipline/leads/" + id + "/handler/acceptance", "")
                .status()).isEqualTo(404);
        assertThat(api().as("city-inspector").post("/api/discipline/leads/" + id + "/handler/acceptance", "")
                .status()).as("not offered to it").isEqualTo(403);
        JsonNode unchanged = api().as("caizheng-inspector").get("/api/discipline/leads/" + id).json();
        assertThat(unchanged.path("handlerName").asString()).isEqualTo("caizheng-inspector");
        assertThat(unchanged.path("offeredToName").asString()).isEqualTo("jiaoyu-inspector");

        Api.Response offered = api().as("caizheng-inspector").post("/api/discipline/leads/" + id + "/handler",
                Map.of("handler", cityInspector, "handlerName", "city-inspector", "reason", "回避"));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
        Api.Response accepted = api().as("city-inspector").post("/api/discipline/leads/" + id + "/handler/acceptance", "");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("handlerName").asString()).isEqualTo("city-inspector");
        assertThat(accepted.json().path("reveal").isNull()).as("the approval for the former handler lapsed").isTrue();

        assertThat(api().as("caizheng-inspector").get("/api/discipline/leads/" + id + "/reporter").status()).isEqualTo(403);
        assertThat(api().as("city-inspector").get("/api/discipline/leads/" + id + "/reporter").status())
                .as("the new handler needs its own approval").isEqualTo(403);
        revealApproved("city-inspector", "caizheng-admin-inspector", id);
        assertThat(api().as("city-inspector").get("/api/discipline/leads/" + id + "/reporter").json().path("name")
                .asString()).isEqualTo("交接举报人");
        assertThat(transition("caizheng-inspector", id, "INQUIRY", null).status())
                .as("the former handler no longer moves the lead").isEqualTo(403);
        assertThat(auditActions(id)).containsSubsequence("lead.handover.offered", "lead.handover.offered",
                "lead.handler.changed");
    }

    @Test
    void the_named_reporter_needs_a_second_inspectors_approval_and_each_approval_allows_one_reveal() {
        String id = createLead("caizheng-inspector", "caizheng", "caizheng-m02",
                Map.of("name", "四眼举报人", "contact", "13900003333")).path("id").asString();
        String reporter = "/api/discipline/leads/" + id + "/reporter";
        String request = "/api/discipline/leads/" + id + "/reveal-request";
        Api handler = api().as("caizheng-inspector");

        Api.Response unapproved = handler.get(reporter);
        assertThat(unapproved.status()).isEqualTo(403);
        assertThat(unapproved.json().path("code").asString()).isEqualTo("lead.revealNotApproved");

        assertThat(handler.post(request, Map.of("reason", "核实身份")).json().path("status").asString()).isEqualTo("PENDING");
        assertThat(handler.post(request, Map.of("reason", "再次")).status()).as("one open request").isEqualTo(409);
        assertThat(handler.post(request + "/decision", Map.of("approve", true, "reason", "自批")).status())
                .as("not by the one who asked").isEqualTo(403);
        assertThat(api().as("jiaoyu-inspector").post(request + "/decision", Map.of("approve", true, "reason", "越权"))
                .status()).as("no jurisdiction").isEqualTo(404);
        assertThat(api().as("caizheng-admin").post(request + "/decision", Map.of("approve", true, "reason", "越权"))
                .status()).as("not an inspector").isEqualTo(403);
        assertThat(handler.get(reporter).status()).as("still pending").isEqualTo(403);

        Api.Response refused = api().as("city-inspector").post(request + "/decision",
                Map.of("approve", false, "reason", "理由不充分"));
        assertThat(refused.json().path("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.json().path("deciderName").asString()).isEqualTo("city-inspector");
        assertThat(handler.get(reporter).status()).isEqualTo(403);

        revealApproved("caizheng-inspector", "city-inspector", id);
        assertThat(api().as("city-inspector").get(reporter).status()).as("the approver sees nothing").isEqualTo(403);
        Api.Response revealed = handler.get(reporter);
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().path("name").asString()).isEqualTo("四眼举报人");
        assertThat(handler.get(reporter).status()).as("one reveal per approval").isEqualTo(403);
        assertThat(handler.get("/api/discipline/leads/" + id).json().path("reveal").path("status").asString())
                .isEqualTo("USED");

        List<JsonNode> entries = api().as("city-inspector").get("/api/discipline/audit/entries?targetId=" + id).json()
                .valueStream().toList();
        assertThat(entries.stream().map(e -> e.path("action").asString()).filter(a -> a.startsWith("lead.reporter")))
                .containsExactly("lead.reporter.refused", "lead.reporter.revealRequested", "lead.reporter.refused",
                        "lead.reporter.revealRefused", "lead.reporter.refused", "lead.reporter.revealRequested",
                        "lead.reporter.revealApproved", "lead.reporter.refused", "lead.reporter.revealed",
                        "lead.reporter.refused");
        assertThat(entries.toString()).doesNotContain("四眼举报人").doesNotContain("13900003333");
    }

    @Test
    void no_role_but_inspector_reads_a_lead_its_reporter_or_the_lead_list() {
        String id = createLead("caizheng-inspector", "caizheng", "caizheng-m04",
                Map.of("name", "某举报人", "contact", "x@example.cn")).path("id").asString();
        for (String user : NOT_INSPECTORS) {
            Api caller = api().as(user);
            assertThat(caller.get("/api/discipline/leads").status()).as(user).isEqualTo(403);
            assertThat(caller.get("/api/discipline/leads/" + id).status()).as(user).isEqualTo(403);
            assertThat(caller.get("/api/discipline/leads/" + id + "/reporter").status()).as(user).isEqualTo(403);
            assertThat(caller.get("/api/discipline/leads/overdue-inquiries").status()).as(user).isEqualTo(403);
            assertThat(transition(user, id, "INQUIRY", null).status()).as(user).isEqualTo(403);
        }
        assertThat(api().anonymous().get("/api/discipline/leads/" + id).status()).isEqualTo(401);
        assertThat(auditActions(id)).doesNotContain("lead.read");
    }

    @Test
    void a_work_committee_admin_who_is_also_a_department_inspector_reads_only_its_own_departments_leads() {
        String id = createLead("caizheng-inspector", "caizheng", "caizheng-m05", null).path("id").asString();

        Api committeeInspector = api().as("committee-inspector");
        Api.Response list = committeeInspector.get("/api/discipline/leads");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().valueStream().map(l -> l.path("department").asString()).distinct().toList())
                .as("the leads of its own department (gongwei) at most").isSubsetOf("gongwei");
        assertThat(committeeInspector.get("/api/discipline/leads?department=caizheng").json().size()).isZero();
        assertThat(committeeInspector.get("/api/discipline/leads/" + id).status()).isEqualTo(404);
        assertThat(transition("committee-inspector", id, "INQUIRY", null).status()).isEqualTo(404);
        assertThat(api().as("city-inspector").get("/api/discipline/leads").body()).contains(id);
    }

    @Test
    void a_role_that_may_not_call_an_endpoint_is_refused_before_its_parameters_are_checked() {
        for (String user : NOT_INSPECTORS) {
            Api.Response audit = api().as(user).get("/api/discipline/audit/entries");
            assertThat(audit.status()).as(user + " " + audit).isEqualTo(403);
            assertThat(audit.body()).doesNotContain("targetId");
            Api.Response create = api().as(user).post("/api/discipline/leads", Map.of());
            assertThat(create.status()).as(user + " " + create).isEqualTo(403);
            assertThat(create.body()).doesNotContain("summary").doesNotContain("receivedOn");
        }
        assertThat(api().as("caizheng-inspector").get("/api/discipline/audit/entries").status())
                .as("an inspector still learns what is missing").isEqualTo(400);
    }

    @Test
    void an_inspector_of_another_department_cannot_see_or_move_the_lead() {
        String id = createLead("caizheng-inspector", "caizheng", "caizheng-m05", null).path("id").asString();
        Api jiaoyu = api().as("jiaoyu-inspector");

        assertThat(jiaoyu.get("/api/discipline/leads/" + id).status()).isEqualTo(404);
        assertThat(jiaoyu.get("/api/discipline/leads/" + id + "/reporter").status()).isEqualTo(404);
        assertThat(transition("jiaoyu-inspector", id, "INQUIRY", null).status()).isEqualTo(404);
        assertThat(jiaoyu.get("/api/discipline/leads").json().valueStream().map(l -> l.path("id").asString()))
                .doesNotContain(id);
        assertThat(jiaoyu.get("/api/discipline/leads?department=caizheng").json().size()).isZero();
        assertThat(jiaoyu.post("/api/discipline/leads", Map.of("department", "caizheng", "source", "AUDIT",
                "subjectMemberIds", List.of("caizheng-m01"), "summary", "越权登记", "receivedOn", "2026-03-01")).status())
                .isEqualTo(403);
        assertThat(api().as("caizheng-inspector").get("/api/discipline/leads/" + id).json().path("state").asString())
                .isEqualTo("RECEIVED");
    }

    @Test
    void an_anonymous_reporter_checks_the_coarse_status_with_its_receipt_code() {
        JsonNode lead = createLead("caizheng-inspector", "caizheng", "caizheng-m06", null);
        String code = lead.path("receiptCode").asString();
        assertThat(code).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}");
        assertThat(mongo.findOne(Query.query(Criteria.where("_id").is(lead.path("id").asString())), Document.class, "leads")
                .toJson()).doesNotContain(code);

        Api reporter = api().as("jiaoyu-member"); // may work anywhere; the lookup is not department-scoped
        assertThat(reporter.post("/api/discipline/lead-receipts/status", Map.of("code", code)).json()
                .path("status").asString()).isEqualTo("RECEIVED");
        assertThat(transition("caizheng-inspector", lead.path("id").asString(), "PRELIMINARY_VERIFICATION", null).status())
                .isEqualTo(200);
        Api.Response later = reporter.post("/api/discipline/lead-receipts/status", Map.of("code", code.toLowerCase()));
        assertThat(later.json().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(later.body()).doesNotContain("初步核实").doesNotContain("caizheng");

        assertThat(reporter.post("/api/discipline/lead-receipts/status", Map.of("code", "AAAA-BBBB-CCCC-DDDD-EEEE")).status())
                .isEqualTo(404);
        assertThat(api().anonymous().post("/api/discipline/lead-receipts/status", Map.of("code", code)).status())
                .isEqualTo(401);
        List<JsonNode> checks = api().as("city-inspector").get("/api/discipline/audit/entries?targetId="
                + lead.path("id").asString()).json().valueStream()
                .filter(e -> e.path("action").asString().equals("lead.receipt.checked")).toList();
        assertThat(checks).hasSize(2).allSatisfy(e -> assertThat(e.path("actorName").asString()).isEqualTo("undisclosed"));
    }

    @Test
    void the_disposition_runs_through_inquiry_case_filing_decision_and_closing_with_who_and_when() {
        String id = createLead("caizheng-inspector", "caizheng", "caizheng-m07", null).path("id").asString();

        JsonNode inquiry = transition("caizheng-inspector", id, "INQUIRY", null).json();
        assertThat(inquiry.path("state").asString()).isEqualTo("INQUIRY");
        assertThat(inquiry.path("inquiryDueOn").isNull()).isFalse();
        assertThat(transition("caizheng-inspector", id, "CASE_FILED", null).status()).isEqualTo(200);
        JsonNode decided = transition("caizheng-inspector", id, "DECIDED", "SERIOUS_WARNING").json();
        assertThat(decided.path("form").asInt()).isEqualTo(2);
        JsonNode closed = transition("city-inspector", id, "CLOSED", null).json();

        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("allowedNext").size()).isZero();
        assertThat(closed.path("steps").valueStream().map(s -> s.path("to").asString()))
                .containsExactly("INQUIRY", "CASE_FILED", "DECIDED", "CLOSED");
        assertThat(closed.path("steps").get(3).path("actorName").asString()).isEqualTo("city-inspector");
        assertThat(closed.path("steps").get(0).path("at").isNull()).isFalse();
    }

    @Test
    void a_transition_out_of_order_is_refused_naming_the_current_and_allowed_states_and_changes_nothing() {
        String id = createLead("caizheng-inspector", "caizheng", "caizheng-m08", null).path("id").asString();

        Api.Response refused = transition("caizheng-inspector", id, "DECIDED", "WARNING");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asString()).isEqualTo("lead.illegalTransition");
        assertThat(refused.json().path("detail").asString()).contains("RECEIVED").contains("INQUIRY")
                .contains("PRELIMINARY_VERIFICATION").contains("SET_ASIDE").contains("CONCLUDED");

        transition("caizheng-inspector", id, "PRELIMINARY_VERIFICATION", null);
        Api.Response sanctionWithoutCase = transition("caizheng-inspector", id, "DECIDED", "WARNING");
        assertThat(sanctionWithoutCase.status()).isEqualTo(422);
        assertThat(sanctionWithoutCase.json().path("errors").get(0).path("field").asString()).isEqualTo("outcome");

        Api.Response noReason = api().as("caizheng-inspector").post("/api/discipline/leads/" + id + "/transitions",
                Map.of("to", "CONCLUDED", "reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");

        JsonNode after = api().as("caizheng-inspector").get("/api/discipline/leads/" + id).json();
        assertThat(after.path("state").asString()).isEqualTo("PRELIMINARY_VERIFICATION");
        assertThat(after.path("steps").size()).isEqualTo(1);
    }

    @Test
    void oversized_text_and_unknown_subjects_are_problems_and_nothing_is_created() {
        int before = api().as("caizheng-inspector").get("/api/discipline/leads").json().size();
        Api.Response oversized = api().as("caizheng-inspector").post("/api/discipline/leads", Map.of(
                "source", "AUDIT", "subjectMemberIds", List.of("caizheng-m01"), "summary", "长".repeat(4001),
                "receivedOn", "2026-03-01", "reporter", Map.of("name", "名".repeat(65), "contact", "c")));
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                .contains("summary", "reporter.name");

        Api.Response unknown = api().as("caizheng-inspector").post("/api/discipline/leads", Map.of(
                "source", "AUDIT", "subjectMemberIds", List.of("caizheng-m01", "nobody-m99", "jiaoyu-m01"),
                "summary", "审计发现", "receivedOn", "2026-03-01"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactly("subjectMemberIds[1]", "subjectMemberIds[2]");

        Api.Response future = api().as("caizheng-inspector").post("/api/discipline/leads", Map.of(
                "source", "AUDIT", "subjectOrganizationId", "caizheng-branch-1", "summary", "审计发现",
                "receivedOn", "2999-01-01"));
        assertThat(future.status()).isEqualTo(422);

        assertThat(api().as("caizheng-inspector").get("/api/discipline/leads").json().size()).isEqualTo(before);
    }

    @Test
    void an_inquiry_past_its_due_date_is_listed_as_overdue_until_the_reply_is_recorded() {
        String id = createLead("caizheng-inspector", "caizheng", "caizheng-m02", null).path("id").asString();
        transition("caizheng-inspector", id, "INQUIRY", null);
        assertThat(overdueIds("caizheng-inspector")).doesNotContain(id);

        // fifteen working days pass without a reply
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .set("inquiryStartedOn", today.minusDays(30)).set("inquiryDueOn", today.minusDays(9)), "leads");
        assertThat(overdueIds("caizheng-inspector")).contains(id);
        assertThat(overdueIds("jiaoyu-inspector")).doesNotContain(id);

        Api.Response tooEarly = api().as("caizheng-inspector").post("/api/discipline/leads/" + id + "/inquiry-reply",
                Map.of("repliedOn", today.minusDays(31).toString()));
        assertThat(tooEarly.status()).isEqualTo(422);
        JsonNode replied = api().as("caizheng-inspector").post("/api/discipline/leads/" + id + "/inquiry-reply",
                Map.of("repliedOn", today.toString())).json();
        assertThat(replied.path("inquiryRepliedOn").asString()).isEqualTo(today.toString());
        assertThat(overdueIds("caizheng-inspector")).doesNotContain(id);
        assertThat(api().as("caizheng-inspector").post("/api/discipline/leads/" + id + "/inquiry-reply",
                Map.of("repliedOn", today.toString())).status()).isEqualTo(409);
    }

    @Test
    void the_inspectors_a_lead_can_be_handed_to_are_those_who_acted_on_the_departments_records_and_only_in_scope() {
        publishMember("admitted", member("shenji-m01", "shenji", "shenji-branch-1", "审计局党员", "FULL"));
        await("the new department's member", () -> api().as("city-inspector")
                .get("/api/discipline/roster/members?department=shenji").json().size() == 1);
        // the lead is anonymous: an anonymous receipt check leaves an undisclosed actor in the trail: not a person to hand a lead to
        JsonNode anonymous = createLead("city-inspector", "shenji", "shenji-m01", null);
        assertThat(api().as("caizheng-member").post("/api/discipline/lead-receipts/status",
                Map.of("code", anonymous.path("receiptCode").asString())).status()).isEqualTo(200);

        Api.Response listed = api().as("city-inspector").get("/api/discipline/inspectors?department=shenji");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().valueStream().map(i -> i.path("id").asString() + "/" + i.path("name").asString()).toList())
                .containsExactly("00000000-0000-4000-8000-000000000002/city-inspector");

        // the department's own inspector, by default for its department, sees itself (a handler of a lead)
        createLead("caizheng-inspector", "caizheng", "caizheng-m02", null);
        assertThat(api().as("caizheng-inspector").get("/api/discipline/inspectors").json().valueStream()
                .map(i -> i.path("name").asString()).toList()).contains("caizheng-inspector");

        Api.Response outsider = api().as("jiaoyu-inspector").get("/api/discipline/inspectors?department=caizheng");
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.json().path("title").asString()).doesNotContain("caizheng-inspector");
        assertThat(api().as("jiaoyu-inspector").get("/api/discipline/inspectors").json().valueStream()
                .map(i -> i.path("name").asString()).toList()).doesNotContain("caizheng-inspector");
        for (String user : NOT_INSPECTORS) {
            assertThat(api().as(user).get("/api/discipline/inspectors?department=caizheng").status()).as(user).isEqualTo(403);
        }
    }

    private List<String> overdueIds(String inspector) {
        return api().as(inspector).get("/api/discipline/leads/overdue-inquiries").json().valueStream()
                .map(l -> l.path("id").asString()).toList();
    }
}

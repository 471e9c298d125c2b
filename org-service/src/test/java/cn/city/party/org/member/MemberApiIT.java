package cn.city.party.org.member;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PlatformIntegrationTest
class MemberApiIT extends OrgApiTest {

    @Autowired
    private MongoTemplate mongo;

    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void an_admin_admits_a_member_whose_national_id_is_masked_everywhere_and_an_event_without_it_announces_it() {
        String branch = newBranch("caizheng-admin", "caizheng");
        Map<String, Object> profile = profile("欧阳晓", LocalDate.of(1988, 3, 5), LocalDate.of(2012, 7, 1));
        String nationalId = (String) profile.get("nationalId");
        try (EventCapture events = capture(MemberEvents.TOPIC)) {
            Api.Response admitted = api().as("caizheng-admin").post("/api/org/members", admission(branch, "FULL", profile));

            assertThat(admitted.status()).isEqualTo(201);
            String id = admitted.json().path("id").asString();
            assertThat(admitted.json().path("nationalId").asString())
                    .isEqualTo("**************" + nationalId.substring(14));
            assertThat(admitted.json().path("department").asString()).isEqualTo("caizheng");

            JsonNode event = events.await(MemberEvents.ADMITTED.type(), e -> e.path("subject").asString().equals(id), WAIT);
            EventContracts.assertValid(event, MemberEvents.ADMITTED.schemaResource());
            assertThat(event.path("data").path("branchId").asString()).isEqualTo(branch);
            assertThat(event.toString()).doesNotContain(nationalId).doesNotContain("13900000000");

            JsonNode found = api().as("caizheng-admin").get("/api/org/members?branchId=" + branch).json();
            assertThat(found.path("totalElements").asLong()).isEqualTo(1);
            assertThat(found.path("content").get(0).path("nationalId").asString())
                    .isEqualTo("**************" + nationalId.substring(14));
            assertThat(api().as("work-committee").get("/api/org/members/" + id).body()).doesNotContain(nationalId);
        }
    }

    @Test
    void only_a_department_admin_of_that_department_reads_the_full_national_id_and_every_read_is_recorded() {
        String branch = newBranch("caizheng-admin", "caizheng");
        Map<String, Object> profile = profile("司马青", LocalDate.of(1980, 1, 2), LocalDate.of(2005, 7, 1));
        String id = admit("caizheng-admin", admission(branch, "FULL", profile));
        String path = "/api/org/members/" + id + "/national-id";

        assertThat(api().as("jiaoyu-admin").get(path).status()).isEqualTo(404);
        assertThat(api().as("work-committee").get(path).status()).isEqualTo(403);
        assertThat(api().as("caizheng-secretary").get(path).status()).isEqualTo(403);
        assertThat(api().as("caizheng-admin").get(path + "/reads").json().size()).as("refused reads leave no record").isZero();

        Api.Response read = api().as("caizheng-admin").get(path);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("nationalId").asString()).isEqualTo(profile.get("nationalId"));

        JsonNode reads = api().as("caizheng-admin").get(path + "/reads").json();
        assertThat(reads.size()).isEqualTo(1);
        assertThat(reads.get(0).path("reader").asString()).isEqualTo("caizheng-admin");
        assertThat(reads.get(0).path("readerSubject").asString()).isEqualTo("00000000-0000-4000-8000-000000000003");
    }

    @Test
    void another_department_and_lower_roles_are_refused() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String id = admit("caizheng-admin", branch, "东方明");

        assertThat(api().as("jiaoyu-admin").get("/api/org/members/" + id).status()).isEqualTo(404);
        assertThat(api().as("jiaoyu-admin").get("/api/org/members?branchId=" + branch).json().path("totalElements").asLong()).isZero();
        assertThat(api().as("jiaoyu-admin").post("/api/org/members", admission(branch, "FULL",
                profile("越界者", LocalDate.of(1985, 1, 1), LocalDate.of(2010, 1, 1)))).status()).isEqualTo(404);
        assertThat(api().as("jiaoyu-admin").put("/api/org/members/" + id + "/account",
                Map.of("accountSubject", "x")).status()).isEqualTo(404);

        assertThat(api().as("caizheng-member").get("/api/org/members").status()).isEqualTo(403);
        assertThat(api().as("caizheng-member").get("/api/org/members/" + id).status()).isEqualTo(403);
        assertThat(api().as("caizheng-inspector").get("/api/org/members").status()).isEqualTo(403);
        assertThat(api().as("caizheng-secretary").post("/api/org/members", admission(branch, "FULL",
                profile("越权者", LocalDate.of(1985, 1, 1), LocalDate.of(2010, 1, 1)))).status()).isEqualTo(403);
        assertThat(api().as("work-committee").post("/api/org/members/" + id + "/status", Map.of("status", "DECEASED")).status())
                .isEqualTo(403);
        assertThat(api().as("jiaoyu-admin").post("/api/org/members/" + id + "/status", Map.of("status", "DECEASED")).status())
                .isEqualTo(404);
        assertThat(api().as("jiaoyu-admin").post("/api/org/members/" + id + "/probation-extension", Map.of("months", 3)).status())
                .isEqualTo(404);
        assertThat(api().as("jiaoyu-admin").put("/api/org/members/" + id, Map.of("profile",
                profile("改别人", LocalDate.of(1985, 4, 12), LocalDate.of(2010, 7, 1)))).status()).isEqualTo(404);
        assertThat(api().as("jiaoyu-admin").get("/api/org/members/" + id + "/national-id/reads").status()).isEqualTo(404);
        assertThat(api().as("caizheng-member").get("/api/org/members/conversions-due").status()).isEqualTo(403);
        assertThat(api().as("caizheng-inspector").put("/api/org/members/me/contact", Map.of("phone", "13900000000")).status())
                .isEqualTo(403);
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + id).json().path("status").asString()).isEqualTo("FULL");
    }

    @Test
    void bad_input_names_the_field_and_stores_nothing() {
        String branch = newBranch("caizheng-admin", "caizheng");
        Api admin = api().as("caizheng-admin");

        Api.Response beforeBirth = admin.post("/api/org/members", admission(branch, "FULL",
                profile("早产儿", LocalDate.of(1990, 5, 1), LocalDate.of(1989, 7, 1))));
        assertThat(beforeBirth.status()).isEqualTo(400);
        assertThat(fields(beforeBirth)).containsExactly("profile.joinedOn");
        assertThat(beforeBirth.json().path("errors").get(0).path("reason").asString()).isEqualTo("入党日期不能早于出生日期。");

        Map<String, Object> wrongType = admission(branch, "FULL", profile("错类型", LocalDate.of(1990, 5, 1), LocalDate.of(2015, 7, 1)));
        wrongType.put("status", "MAYBE");
        assertThat(fields(admin.post("/api/org/members", wrongType))).containsExactly("status");

        Map<String, Object> unknown = admission(branch, "FULL", profile("多字段", LocalDate.of(1990, 5, 1), LocalDate.of(2015, 7, 1)));
        unknown.put("salary", 100);
        assertThat(fields(admin.post("/api/org/members", unknown))).containsExactly("salary");

        Map<String, Object> first = profile("甲某", LocalDate.of(1990, 5, 1), LocalDate.of(2015, 7, 1));
        admit("caizheng-admin", admission(branch, "FULL", first));
        Map<String, Object> twin = profile("乙某", LocalDate.of(1990, 5, 1), LocalDate.of(2015, 7, 1));
        twin.put("nationalId", first.get("nationalId"));
        Api.Response duplicate = admin.post("/api/org/members", admission(branch, "FULL", twin));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(fields(duplicate)).containsExactly("profile.nationalId");

        assertThat(admin.get("/api/org/members?branchId=" + branch).json().path("content").valueStream()
                .map(m -> m.path("name").asString()).toList()).containsExactly("甲某");
    }

    @Test
    void a_search_filters_by_name_status_and_joining_date_pages_and_sorts() {
        String branch = newBranch("caizheng-admin", "caizheng");
        admit("caizheng-admin", admission(branch, "FULL", profile("检索甲", LocalDate.of(1980, 1, 1), LocalDate.of(2001, 7, 1))));
        admit("caizheng-admin", admission(branch, "FULL", profile("检索乙", LocalDate.of(1980, 1, 1), LocalDate.of(2003, 7, 1))));
        admit("caizheng-admin", admission(branch, "FULL", profile("检索丙", LocalDate.of(1980, 1, 1), LocalDate.of(2002, 7, 1))));
        admit("caizheng-admin", admission(branch, "FULL", profile("别的人", LocalDate.of(1980, 1, 1), LocalDate.of(2004, 7, 1))));
        Api admin = api().as("caizheng-admin");

        JsonNode page = admin.get("/api/org/members?branchId=" + branch + "&name=检索&sort=joinedOn&direction=DESC&size=2").json();
        assertThat(page.path("totalElements").asLong()).isEqualTo(3);
        assertThat(names(page)).containsExactly("检索乙", "检索丙");
        JsonNode second = admin.get("/api/org/members?branchId=" + branch + "&name=检索&sort=joinedOn&direction=DESC&size=2&page=1").json();
        assertThat(names(second)).containsExactly("检索甲");

        JsonNode joined = admin.get("/api/org/members?branchId=" + branch + "&joinedFrom=2002-01-01&joinedTo=2003-12-31&status=FULL").json();
        assertThat(names(joined)).containsExactlyInAnyOrder("检索乙", "检索丙");

        assertThat(fields(admin.get("/api/org/members?sort=nationalId"))).containsExactly("sort");
        assertThat(fields(admin.get("/api/org/members?size=1000"))).containsExactly("size");
    }

    @Test
    void every_page_of_a_search_gives_the_totals_of_all_its_matches_counted_or_not() {
        String branch = newBranch("caizheng-admin", "caizheng");
        for (String name : List.of("总数甲", "总数乙", "总数丙")) {
            admit("caizheng-admin", admission(branch, "FULL", profile(name, LocalDate.of(1980, 1, 1), LocalDate.of(2001, 7, 1))));
        }
        Api admin = api().as("caizheng-admin");
        String search = "/api/org/members?branchId=" + branch + "&size=";

        // a full page, the partial last one, one past the end, a first page with room to spare, no match
        JsonNode full = admin.get(search + "2").json();
        JsonNode last = admin.get(search + "2&page=1").json();
        JsonNode past = admin.get(search + "2&page=5").json();
        JsonNode roomy = admin.get(search + "20").json();
        JsonNode none = admin.get(search + "2&name=无此人").json();

        assertThat(names(full)).containsExactly("总数丙", "总数乙");
        assertThat(names(last)).containsExactly("总数甲");
        assertThat(names(past)).isEmpty();
        assertThat(names(roomy)).containsExactly("总数丙", "总数乙", "总数甲");
        for (JsonNode page : List.of(full, last, past, roomy)) {
            assertThat(page.path("totalElements").asLong()).isEqualTo(3);
        }
        assertThat(List.of(full.path("totalPages").asInt(), last.path("totalPages").asInt(), past.path("totalPages").asInt(),
                roomy.path("totalPages").asInt())).containsExactly(2, 2, 2, 1);
        assertThat(none.path("totalElements").asLong()).isZero();
        assertThat(none.path("totalPages").asInt()).isZero();
    }

    @Test
    void a_branch_secretary_reads_only_its_own_branch_and_its_groups() {
        Api secretary = api().as("caizheng-secretary");

        JsonNode page = secretary.get("/api/org/members?size=100").json();
        assertThat(page.path("content").valueStream().map(m -> m.path("branchId").asString()).distinct().toList())
                .containsExactly("caizheng-branch-1");
        assertThat(secretary.get("/api/org/members/caizheng-m03").status()).isEqualTo(200);
        assertThat(secretary.get("/api/org/members/caizheng-m09").status()).isEqualTo(404);
        assertThat(secretary.get("/api/org/members?branchId=caizheng-branch-2").json().path("totalElements").asLong()).isZero();
        assertThat(secretary.get("/api/org/members/jiaoyu-m03").status()).isEqualTo(404);

        List<String> organizations = secretary.get("/api/org/organizations").json().valueStream()
                .map(o -> o.path("id").asString()).toList();
        assertThat(organizations).containsExactlyInAnyOrder("caizheng-branch-1", "caizheng-group-1");
        assertThat(secretary.get("/api/org/organizations/caizheng-branch-2").status()).isEqualTo(404);
        assertThat(secretary.get("/api/org/organizations/caizheng-group-1").status()).isEqualTo(200);
    }

    @Test
    void a_member_sees_its_own_profile_and_edits_only_its_own_contact_fields() {
        Api member = api().as("caizheng-member");

        JsonNode me = member.get("/api/org/members/me").json();
        assertThat(me.path("id").asString()).isEqualTo("caizheng-m02");
        assertThat(me.path("nationalId").asString()).matches("\\*{14}[0-9]{3}[0-9X]");

        Api.Response changed = member.put("/api/org/members/me/contact",
                Map.of("phone", "13912345678", "email", "m02@caizheng.demo.city.gov.cn", "address", "财政局大楼"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("phone").asString()).isEqualTo("13912345678");
        assertThat(fields(member.put("/api/org/members/me/contact", Map.of("phone", "139", "name", "改名"))))
                .containsExactly("name");
        assertThat(member.put("/api/org/members/caizheng-m02", Map.of("profile",
                profile("改名", LocalDate.of(1985, 4, 12), LocalDate.of(2010, 7, 1)))).status()).isEqualTo(403);
        assertThat(member.get("/api/org/members/me").json().path("name").asString()).isEqualTo(me.path("name").asString());
        assertThat(api().as("caizheng-admin").get("/api/org/members/me").status()).as("not a member").isEqualTo(404);
    }

    @Test
    void probationary_members_due_for_conversion_are_listed_and_converted_with_an_event() {
        String branch = newBranch("caizheng-admin", "caizheng");
        LocalDate joined = today().minusYears(1).minusDays(3);
        String due = admit("caizheng-admin", admission(branch, "PROBATIONARY", profile("预备甲", LocalDate.of(1998, 2, 2), joined)));
        String notYet = admit("caizheng-admin", admission(branch, "PROBATIONARY",
                profile("预备乙", LocalDate.of(1998, 2, 2), today().minusMonths(3))));
        Api admin = api().as("caizheng-admin");

        List<String> listed = admin.get("/api/org/members/conversions-due?withinDays=0").json().valueStream()
                .map(m -> m.path("id").asString()).toList();
        assertThat(listed).contains(due).doesNotContain(notYet);

        Api.Response early = admin.post("/api/org/members/" + notYet + "/status", Map.of("status", "FULL"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(fields(early)).containsExactly("status");

        try (EventCapture events = capture(MemberEvents.TOPIC)) {
            assertThat(admin.post("/api/org/members/" + due + "/status", Map.of("status", "FULL")).status()).isEqualTo(200);
            JsonNode event = events.await(MemberEvents.STATUS_CHANGED.type(), e -> e.path("subject").asString().equals(due), WAIT);
            EventContracts.assertValid(event, MemberEvents.STATUS_CHANGED.schemaResource());
            assertThat(event.path("data").path("previousStatus").asString()).isEqualTo("PROBATIONARY");
            assertThat(event.path("data").path("status").asString()).isEqualTo("FULL");
        }

        assertThat(admin.post("/api/org/members/" + notYet + "/probation-extension", Map.of("months", 6)).json()
                .path("probationEndsOn").asString()).isEqualTo(today().minusMonths(3).plusYears(1).plusMonths(6).toString());
        assertThat(fields(admin.post("/api/org/members/" + notYet + "/probation-extension", Map.of("months", 6))))
                .containsExactly("months");
    }

    @Test
    void a_profile_change_raises_a_changed_event_with_the_whole_member_data() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String id = admit("caizheng-admin", branch, "改名前");
        Map<String, Object> profile = profile("改名后", LocalDate.of(1985, 4, 12), LocalDate.of(2010, 7, 1));
        profile.put("partyAffairsCadre", "PART_TIME");
        try (EventCapture events = capture(MemberEvents.TOPIC)) {
            Api.Response changed = api().as("caizheng-admin").put("/api/org/members/" + id, Map.of("profile", profile));
            assertThat(changed.status()).isEqualTo(200);
            JsonNode event = events.await(MemberEvents.CHANGED.type(), e -> e.path("subject").asString().equals(id), WAIT);
            EventContracts.assertValid(event, MemberEvents.CHANGED.schemaResource());
            assertThat(event.path("data").path("name").asString()).isEqualTo("改名后");
            assertThat(event.path("data").path("partyAffairsCadre").asString()).isEqualTo("PART_TIME");
        }
    }

    @Test
    void political_birthdays_list_the_members_who_joined_in_that_month() {
        String branch = newBranch("jiaoyu-admin", "jiaoyu");
        String march = admit("jiaoyu-admin", admission(branch, "FULL", profile("三月生", LocalDate.of(1970, 1, 1), LocalDate.of(1999, 3, 15))));
        String may = admit("jiaoyu-admin", admission(branch, "FULL", profile("五月生", LocalDate.of(1970, 1, 1), LocalDate.of(1999, 5, 15))));

        List<String> inMarch = api().as("jiaoyu-admin").get("/api/org/members/political-birthdays?month=3").json()
                .valueStream().map(m -> m.path("id").asString()).toList();
        assertThat(inMarch).contains(march).doesNotContain(may);
        assertThat(api().as("caizheng-admin").get("/api/org/members/political-birthdays?month=3").json().valueStream()
                .map(m -> m.path("id").asString()).toList()).doesNotContain(march);
        assertThat(fields(api().as("jiaoyu-admin").get("/api/org/members/political-birthdays?month=13"))).containsExactly("month");
        assertThat(api().as("jiaoyu-member").get("/api/org/members/political-birthdays?month=3").status()).isEqualTo(403);
    }

    @Test
    void an_organization_with_members_is_not_dissolved_and_full_time_cadres_count_on_the_department_page() {
        Api admin = api().as("caizheng-admin");
        String branch = newBranch("caizheng-admin", "caizheng");
        int before = admin.get("/api/org/departments/caizheng").json().path("partyAffairsCadres").path("fullTimeCadres").asInt();
        Map<String, Object> profile = profile("专职干部", LocalDate.of(1985, 4, 12), LocalDate.of(2010, 7, 1));
        profile.put("partyAffairsCadre", "FULL_TIME");
        admit("caizheng-admin", admission(branch, "FULL", profile));

        assertThat(admin.get("/api/org/departments/caizheng").json().path("partyAffairsCadres").path("fullTimeCadres").asInt())
                .isEqualTo(before + 1);
        Api.Response dissolve = admin.delete("/api/org/organizations/" + branch);
        assertThat(dissolve.status()).isEqualTo(409);
        assertThat(dissolve.json().path("code").asString()).isEqualTo("organization.notEmpty");
        assertThat(admin.get("/api/org/organizations/" + branch).json().path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void a_member_inside_a_discipline_influence_period_shows_it_on_the_profile_until_revoked() throws Exception {
        String branch = newBranch("caizheng-admin", "caizheng");
        String id = admit("caizheng-admin", branch, "受处分");
        String sanction = "sanction-" + id.substring(0, 8);
        sanctionImposed(sanction, id, "caizheng", branch,
                today().minusDays(10), today().plusMonths(12));
        JsonNode profile = awaitProfile("caizheng-admin", id, p -> p.path("inInfluencePeriod").asBoolean());
        assertThat(profile.path("influencePeriods").get(0).path("type").asString()).isEqualTo("SERIOUS_WARNING");
        assertThat(profile.path("influencePeriods").get(0).path("influenceUntil").asString()).isEqualTo(today().plusMonths(12).toString());

        sanctionRevoked(sanction, id, "caizheng", today());
        awaitProfile("caizheng-admin", id, p -> !p.path("inInfluencePeriod").asBoolean());
    }

    /**
     * The sanction listener updates the member in place; Spring Data raises the {@code @Version} of a versioned
     * entity on such an update, so an edit loaded before the event fails (409) instead of writing the old state back.
     */
    @Test
    void a_sanction_that_arrives_while_the_member_is_being_edited_is_not_overwritten_by_the_edit() throws Exception {
        String branch = newBranch("caizheng-admin", "caizheng");
        String id = admit("caizheng-admin", branch, "编辑中");
        Member loadedForAnEdit = mongo.findById(id, Member.class);

        sanctionImposed("sanction-" + id.substring(0, 8), id,
                "caizheng", branch, today().minusDays(1), today().plusMonths(6));
        awaitProfile("caizheng-admin", id, p -> p.path("inInfluencePeriod").asBoolean());

        assertThatThrownBy(() -> mongo.save(loadedForAnEdit)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + id).json().path("inInfluencePeriod").asBoolean()).isTrue();
    }

    static List<String> names(JsonNode page) {
        return page.path("content").valueStream().map(m -> m.path("name").asString()).toList();
    }
}

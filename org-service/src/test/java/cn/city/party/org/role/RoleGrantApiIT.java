package cn.city.party.org.role;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.common.test.Tokens;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles follow posts (elections, removal from posts) and the work committee's grants; every change is recorded. */
@PlatformIntegrationTest
class RoleGrantApiIT extends OrgApiTest {

    private static final String PASSWORD = "Secretary-2026-pass";

    /** A member with an account that signs in with {@link #PASSWORD} (its first password change done). */
    private record Account(String memberId, String username, String subject) {
    }

    private Account withAccount(String admin, String department, String branch, String name) {
        String member = admit(admin, branch, name);
        String username = department + "-rg-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response provisioned = api().as(admin).post("/api/org/members/" + member + "/account",
                Map.of("username", username, "email", username + "@" + department + ".demo.city.gov.cn"));
        assertThat(provisioned.status()).as(provisioned.toString()).isEqualTo(201);
        String subject = provisioned.json().path("accountSubject").asString();
        assertThat(keycloakAdmin("PUT", "/users/" + subject + "/reset-password",
                Map.of("type", "password", "value", PASSWORD, "temporary", false)).statusCode()).isEqualTo(204);
        JsonNode user = keycloak("/users/" + subject);
        Map<String, Object> changed = new HashMap<>(Api.JSON.convertValue(user, Map.class));
        changed.put("requiredActions", List.of());
        assertThat(keycloakAdmin("PUT", "/users/" + subject, changed).statusCode()).isEqualTo(204);
        return new Account(member, username, subject);
    }

    /** The claims of an access token Keycloak issues now (real password grant). */
    private JsonNode freshClaims(Account account) {
        String token = Tokens.request(keycloakUrl, Tokens.CLI_CLIENT, account.username(), PASSWORD).path("access_token").asString();
        return Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private List<String> realmRoles(Account account) {
        return keycloak("/users/" + account.subject() + "/role-mappings/realm").valueStream().map(r -> r.path("name").asString()).toList();
    }

    private List<JsonNode> record(String member) {
        return api().as("work-committee").get("/api/org/role-grants?member=" + member).json().valueStream().toList();
    }

    @Test
    void the_elected_secretary_and_deputy_get_the_role_and_the_branch_in_a_fresh_token_and_lose_them_with_the_post() {
        String branch = newBranch("caizheng-admin", "caizheng");
        Account secretary = withAccount("caizheng-admin", "caizheng", branch, "书记甲");
        Account deputy = withAccount("caizheng-admin", "caizheng", branch, "副书记乙");
        Account next = withAccount("caizheng-admin", "caizheng", branch, "书记丙");
        String path = "/api/org/organizations/" + branch + "/committee";

        assertThat(api().as("caizheng-admin").put(path, election(today().minusDays(10),
                "SECRETARY", secretary.memberId(), "DEPUTY_SECRETARY", deputy.memberId())).status()).isEqualTo(200);

        await("the secretary's roles follow the election", () -> freshClaims(secretary).path("branches").toString().equals("[\"" + branch + "\"]"));
        JsonNode claims = freshClaims(secretary);
        assertThat(claims.path("roles").valueStream().map(JsonNode::asString)).contains("BRANCH_SECRETARY", "MEMBER");
        await("the deputy's too", () -> freshClaims(deputy).path("branches").toString().equals("[\"" + branch + "\"]"));
        assertThat(freshClaims(next).has("branches")).isFalse();
        JsonNode granted = record(secretary.memberId()).get(0);
        assertThat(granted.path("role").asString()).isEqualTo("BRANCH_SECRETARY");
        assertThat(granted.path("scope").asString()).isEqualTo(branch);
        assertThat(granted.path("action").asString()).isEqualTo("GRANTED");
        assertThat(granted.path("cause").asString()).isEqualTo("ELECTION");
        assertThat(granted.path("by").asString()).isEqualTo("system");
        assertThat(granted.path("applied").asBoolean()).isTrue();

        assertThat(api().as("caizheng-admin").put(path, election(today(), "SECRETARY", next.memberId())).status()).isEqualTo(200);

        await("the former secretary no longer serves the branch", () -> !freshClaims(secretary).has("branches"));
        assertThat(realmRoles(secretary)).doesNotContain("BRANCH_SECRETARY").contains("MEMBER");
        await("the former deputy neither", () -> !freshClaims(deputy).has("branches"));
        assertThat(freshClaims(next).path("branches").toString()).isEqualTo("[\"" + branch + "\"]");
        assertThat(record(secretary.memberId())).extracting(g -> g.path("action").asString() + "/" + g.path("cause").asString())
                .containsExactly("WITHDRAWN/ELECTION", "GRANTED/ELECTION");
        assertThat(record(next.memberId())).hasSize(1);
    }

    @Test
    void a_removal_from_posts_takes_the_branch_and_the_role() {
        String branch = newBranch("jiaoyu-admin", "jiaoyu");
        Account secretary = withAccount("jiaoyu-admin", "jiaoyu", branch, "书记丁");
        assertThat(api().as("jiaoyu-admin").put("/api/org/organizations/" + branch + "/committee",
                election(today().minusDays(3), "SECRETARY", secretary.memberId())).status()).isEqualTo(200);
        await("granted", () -> realmRoles(secretary).contains("BRANCH_SECRETARY"));

        sanctionImposed("REMOVAL_FROM_POSTS", UUID.randomUUID().toString(), secretary.memberId(), "jiaoyu", branch,
                today(), today().plusMonths(24).minusDays(1));

        await("withdrawn", () -> !realmRoles(secretary).contains("BRANCH_SECRETARY"));
        assertThat(freshClaims(secretary).has("branches")).isFalse();
        assertThat(record(secretary.memberId()).get(0).path("cause").asString()).isEqualTo("REMOVAL_FROM_POSTS");
    }

    @Test
    void the_work_committee_grants_and_withdraws_department_admin_and_inspector_and_the_record_shows_who_what_when_why() {
        String branch = newBranch("caizheng-admin", "caizheng");
        Account staff = withAccount("caizheng-admin", "caizheng", branch, "机关党委干事");
        Api committee = api().as("work-committee");

        Api.Response admin = committee.post("/api/org/role-grants", Map.of("member", staff.memberId(), "department", "caizheng",
                "role", "DEPT_ADMIN", "reason", "机关党委专职干事任职"));
        Api.Response inspector = committee.post("/api/org/role-grants", Map.of("member", staff.memberId(), "department", "caizheng",
                "role", "INSPECTOR", "jurisdiction", "city", "reason", "抽调全市巡察"));

        assertThat(admin.status()).as(admin.toString()).isEqualTo(201);
        assertThat(inspector.status()).as(inspector.toString()).isEqualTo(201);
        assertThat(realmRoles(staff)).contains("DEPT_ADMIN", "INSPECTOR", "MEMBER");
        assertThat(keycloak("/users/" + staff.subject()).path("attributes").path("jurisdiction").get(0).asString()).isEqualTo("city");
        assertThat(admin.json().path("by").asString()).isEqualTo("work-committee");
        assertThat(admin.json().path("reason").asString()).isEqualTo("机关党委专职干事任职");
        assertThat(admin.json().path("at").asString()).isNotBlank();

        Api.Response withdrawn = committee.post("/api/org/role-grants/withdrawals", Map.of("member", staff.memberId(),
                "department", "caizheng", "role", "DEPT_ADMIN", "reason", "调离机关党委"));

        assertThat(withdrawn.status()).isEqualTo(201);
        assertThat(realmRoles(staff)).doesNotContain("DEPT_ADMIN").contains("INSPECTOR");
        assertThat(record(staff.memberId())).extracting(g -> g.path("action").asString() + "/" + g.path("role").asString()
                        + "/" + g.path("scope").asString() + "/" + g.path("reason").asString())
                .containsExactly("WITHDRAWN/DEPT_ADMIN/caizheng/调离机关党委", "GRANTED/INSPECTOR/city/抽调全市巡察",
                        "GRANTED/DEPT_ADMIN/caizheng/机关党委专职干事任职");
        assertThat(committee.post("/api/org/role-grants/withdrawals", Map.of("member", staff.memberId(),
                "department", "caizheng", "role", "DEPT_ADMIN", "reason", "再次")).status()).as("not held any more").isEqualTo(422);
    }

    @Test
    void a_grant_to_a_member_of_another_department_than_stated_or_by_anyone_but_the_work_committee_is_refused() {
        String branch = newBranch("caizheng-admin", "caizheng");
        Account member = withAccount("caizheng-admin", "caizheng", branch, "他部门者");
        Map<String, Object> toJiaoyu = Map.of("member", member.memberId(), "department", "jiaoyu", "role", "DEPT_ADMIN", "reason", "误填");

        Api.Response refused = api().as("work-committee").post("/api/org/role-grants", toJiaoyu);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("member");
        assertThat(fields(api().as("work-committee").post("/api/org/role-grants", Map.of("member", member.memberId(),
                "department", "caizheng", "role", "BRANCH_SECRETARY", "reason", "不经选举")))).containsExactly("role");
        assertThat(fields(api().as("work-committee").post("/api/org/role-grants", Map.of("member", member.memberId(),
                "department", "caizheng", "role", "DEPT_ADMIN", "jurisdiction", "city", "reason", "x")))).containsExactly("jurisdiction");
        assertThat(api().as("caizheng-admin").post("/api/org/role-grants", Map.of("member", member.memberId(),
                "department", "caizheng", "role", "DEPT_ADMIN", "reason", "自行授权")).status()).isEqualTo(403);
        assertThat(api().as("caizheng-admin").get("/api/org/role-grants").status()).isEqualTo(403);
        assertThat(realmRoles(member)).doesNotContain("DEPT_ADMIN", "BRANCH_SECRETARY");
        assertThat(record(member.memberId())).isEmpty();
    }

    @Test
    void the_work_committee_admits_a_new_departments_first_admin_opens_its_account_and_grants_it_but_another_departments_admin_cannot() {
        String branch = newBranch("caizheng-admin", "caizheng");
        Api.Response foreign = api().as("jiaoyu-admin").post("/api/org/members",
                admission(branch, "FULL", profile("越权入册", LocalDate.of(1985, 4, 12), LocalDate.of(2010, 7, 1))));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(api().as("work-committee").get("/api/org/members?department=caizheng&name=越权入册").json()
                .path("totalElements").asInt()).isZero();

        Account first = withAccount("work-committee", "caizheng", branch, "首任管理员");
        Api.Response granted = api().as("work-committee").post("/api/org/role-grants", Map.of("member", first.memberId(),
                "department", "caizheng", "role", "DEPT_ADMIN", "reason", "新建部门首任管理员"));

        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        JsonNode claims = freshClaims(first);
        assertThat(claims.path("roles").valueStream().map(JsonNode::asString)).contains("DEPT_ADMIN", "MEMBER");
        assertThat(claims.path("department").asString()).isEqualTo("caizheng");

        String other = admit("caizheng-admin", branch, "待开通");
        Map<String, String> account = Map.of("username", "caizheng-rg-" + UUID.randomUUID().toString().substring(0, 8),
                "email", "other@caizheng.demo.city.gov.cn");
        Api.Response refused = api().as("jiaoyu-admin").post("/api/org/members/" + other + "/account", account);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(api().as("caizheng-admin").post("/api/org/members/" + other + "/account", account).status())
                .as("nothing was opened by the refused call").isEqualTo(201);
    }
}

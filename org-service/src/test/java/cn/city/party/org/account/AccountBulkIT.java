package cn.city.party.org.account;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 批量开通账号: a branch or a department in one request, the one-time passwords once, as an .xlsx. */
@PlatformIntegrationTest
class AccountBulkIT extends OrgApiTest {

    private String member(String branch, String name, String email) {
        Map<String, Object> admission = new HashMap<>(admission(branch, "FULL", profile(name, LocalDate.of(1988, 3, 2), LocalDate.of(2012, 7, 1))));
        admission.put("contact", email == null ? Map.of("phone", "13900000000") : Map.of("phone", "13900000000", "email", email));
        return admit("caizheng-admin", admission);
    }

    /** The rows of the answer's sheet (header first), as text. */
    private static List<List<String>> rows(Api.Response xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 5; c++) {
                    cells.add(row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue());
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String username(String department, String memberId) {
        return AccountProvisioning.usernameOf(department, memberId);
    }

    private static String header(Api.Response response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void a_department_admin_provisions_a_branch_and_gets_each_one_time_password_once() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String a = member(branch, "甲一", "jia1@caizheng.demo.city.gov.cn");
        String b = member(branch, "乙二", "yi2@caizheng.demo.city.gov.cn");
        String noEmail = member(branch, "丙三", null);
        String linked = member(branch, "丁四", "ding4@caizheng.demo.city.gov.cn");
        api().as("caizheng-admin").post("/api/org/members/" + linked + "/account", Map.of("username", "cz-" + linked.substring(0, 8)));

        Api.Response answer = api().as("caizheng-admin").postForBytes("/api/org/accounts/provision", Map.of("organization", branch));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(header(answer, "Cache-Control")).contains("no-store");
        assertThat(header(answer, "X-Accounts-Created")).isEqualTo("2");
        assertThat(header(answer, "X-Accounts-Existing")).isEqualTo("1");
        assertThat(header(answer, "X-Accounts-Failed")).isEqualTo("1");
        List<List<String>> rows = rows(answer);
        String branchName = api().as("caizheng-admin").get("/api/org/organizations/" + branch).json().path("name").asString();
        assertThat(rows.get(0)).containsExactly("姓名", "所属支部", "登录名", "初始密码", "结果");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(4))
                .containsExactlyInAnyOrder(
                        "甲一|" + branchName + "|" + username("caizheng", a) + "|已开通",
                        "乙二|" + branchName + "|" + username("caizheng", b) + "|已开通",
                        "丙三|" + branchName + "||未开通：开通账号需要电子邮箱。",
                        "丁四|" + branchName + "||已有账号，未重复开通");
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row.get(3)).as("a password only for a new account").matches(row.get(4).equals("已开通") ? ".{14}" : "");
        }
        JsonNode user = keycloak("/users?exact=true&username=" + username("caizheng", a)).get(0);
        assertThat(user.path("attributes").path("department").get(0).asString()).isEqualTo("caizheng");
        assertThat(user.path("requiredActions").toString()).contains("UPDATE_PASSWORD");
        assertThat(keycloak("/users/" + user.path("id").asString() + "/role-mappings/realm").valueStream()
                .map(r -> r.path("name").asString())).containsExactlyInAnyOrder("MEMBER", "default-roles-city");
        assertThat(keycloak("/users/" + user.path("id").asString() + "/credentials").get(0).path("type").asString()).isEqualTo("password");
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + a).json().path("accountSubject").asString())
                .isEqualTo(user.path("id").asString());

        Api.Response again = api().as("caizheng-admin").postForBytes("/api/org/accounts/provision", Map.of("organization", branch));
        assertThat(header(again, "X-Accounts-Created")).isEqualTo("0");
        assertThat(header(again, "X-Accounts-Existing")).isEqualTo("3");
        assertThat(rows(again).stream().filter(r -> !r.get(3).isEmpty() && !r.get(3).equals("初始密码"))).as("no password twice").isEmpty();
        assertThat(keycloak("/users?exact=true&username=" + username("caizheng", a)).size()).as("not duplicated").isEqualTo(1);
    }

    /**
     * A run interrupted after Keycloak created the account but before the member was linked: the retry takes over
     * that account (same department, never signed in, linked to nobody) with a new one-time password.
     */
    @Test
    void a_retry_takes_over_the_account_an_interrupted_run_left_and_never_another() throws Exception {
        String branch = newBranch("caizheng-admin", "caizheng");
        String left = member(branch, "戊五", "wu5@caizheng.demo.city.gov.cn");
        String taken = member(branch, "己六", "ji6@caizheng.demo.city.gov.cn");
        keycloakAdmin("POST", "/users", Map.of("username", username("caizheng", left), "email", "wu5@caizheng.demo.city.gov.cn",
                "firstName", "五", "lastName", "戊", "enabled", true, "attributes", Map.of("department", List.of("caizheng")),
                "requiredActions", List.of("UPDATE_PASSWORD")));
        keycloakAdmin("POST", "/users", Map.of("username", username("caizheng", taken), "email", "other@jiaoyu.demo.city.gov.cn",
                "firstName", "人", "lastName", "别", "enabled", true, "attributes", Map.of("department", List.of("jiaoyu"))));
        String leftover = keycloak("/users?exact=true&username=" + username("caizheng", left)).get(0).path("id").asString();

        List<List<String>> rows = rows(api().as("caizheng-admin").postForBytes("/api/org/accounts/provision", Map.of("organization", branch)));

        assertThat(rows).extracting(r -> r.get(0) + "|" + r.get(4)).contains("戊五|已开通",
                "己六|未开通：Keycloak 中已有用户名“" + username("caizheng", taken) + "”。");
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + left).json().path("accountSubject").asString()).isEqualTo(leftover);
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + taken).json().path("accountSubject").isNull()).isTrue();
        String password = rows.stream().filter(r -> r.get(0).equals("戊五")).findFirst().orElseThrow().get(3);
        HttpResponse<String> signIn = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(keycloakUrl + "/realms/city/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=party-cli&username="
                        + username("caizheng", left) + "&password=" + password)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.body()).as("the new one-time password is the account's; the change is still required")
                .contains("Account is not fully set up");
    }

    @Test
    void only_the_departments_admin_and_exactly_one_scope() {
        String branch = newBranch("caizheng-admin", "caizheng");

        assertThat(api().as("jiaoyu-admin").post("/api/org/accounts/provision", Map.of("organization", branch)).status()).isEqualTo(404);
        assertThat(api().as("caizheng-secretary").post("/api/org/accounts/provision", Map.of("department", true)).status()).isEqualTo(403);
        assertThat(api().as("work-committee").post("/api/org/accounts/provision", Map.of("department", true)).status()).isEqualTo(403);
        assertThat(fields(api().as("caizheng-admin").post("/api/org/accounts/provision",
                Map.of("organization", branch, "department", true)))).containsExactly("organization");
        assertThat(fields(api().as("caizheng-admin").post("/api/org/accounts/provision", Map.of()))).containsExactly("organization");
    }
}

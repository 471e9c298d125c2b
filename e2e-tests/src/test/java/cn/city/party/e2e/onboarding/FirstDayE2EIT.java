package cn.city.party.e2e.onboarding;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.HttpBrowser;
import cn.city.party.common.test.TestInfrastructure;
import cn.city.party.common.test.Tokens;
import cn.city.party.common.test.Waiting;
import cn.city.party.common.test.Workbooks;
import cn.city.party.e2e.NationalIds;
import cn.city.party.e2e.PasswordSheet;
import cn.city.party.e2e.RunningPlatform;
import cn.city.party.infra.local.LocalPlatform;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department's first day on the whole platform, through the gateway with real tokens: the work committee registers
 * the department, imports its organization tree, admits its first member, opens that member's account and grants it
 * DEPT_ADMIN; the new administrator signs in through Keycloak's real login form with the one-time password, changes
 * it as Keycloak requires, and imports the roster and this year's dues bases (arrears are then evaluated), provisions
 * every other account in one request and records two elections. The secretaries sign in the same way and then get
 * tokens by the real password grant: the elected secretary records a sitting of its branch and of no other; the
 * secretary it replaced no longer can. No account is made in Keycloak's console.
 */
class FirstDayE2EIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalPlatform platform = RunningPlatform.get(TestInfrastructure.Kind.EMBEDDED);
    private final String keycloak = platform.settings().effectiveKeycloakUrl();
    private final String gateway = platform.settings().gatewayUrl();
    /** Everyone's own password; tokens are always freshly issued, so they carry what Keycloak holds now. */
    private final Map<String, String> passwords = new HashMap<>();

    private Api as(String username) {
        return new Api(gateway, u -> Tokens.request(keycloak, Tokens.CLI_CLIENT, u, passwords.get(u))
                .path("access_token").asString()).as(username);
    }

    @Test
    void a_new_department_is_imported_provisioned_and_elects_a_secretary_who_acts_for_its_branch_only() {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 9999));
        String department = "shuiwu" + suffix;
        passwords.put("work-committee", Tokens.DEMO_PASSWORD);

        // 1. the work committee registers the department
        assertThat(as("work-committee").post("/api/org/departments", Map.of("code", department, "name", "市水务局" + suffix,
                "staffHeadcount", 120)).status()).isEqualTo(201);

        // 2. the work committee imports its organization tree in one file
        Api committee = as("work-committee");
        Api.Response tree = committee.upload("/api/org/organizations/import?department=" + department, Workbooks.sheet("组织架构",
                List.of("编码", "名称", "类型", "上级编码", "成立日期"),
                List.of(List.of("SW-JG", "市水务局机关党委", "机关党委", "", "2020-01-01"),
                        List.of("SW-ZB1", "水务第一党支部", "党支部", "SW-JG", "2020-03-01"),
                        List.of("SW-ZB2", "水务第二党支部", "党支部", "SW-JG", "2020-03-01"))));
        assertThat(tree.status()).as(tree.toString()).isEqualTo(201);
        Map<String, String> branches = new HashMap<>();
        committee.get("/api/org/organizations?department=" + department).json().valueStream()
                .forEach(o -> branches.put(o.path("name").asString(), o.path("id").asString()));
        String first = branches.get("水务第一党支部");
        String second = branches.get("水务第二党支部");
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();

        // 3. its first administrator, through the platform: the work committee admits the member, opens its account and
        // grants it DEPT_ADMIN; the member signs in with the one-time password and changes it as Keycloak requires
        LocalDate adminBirth = LocalDate.of(1978, 3, 8);
        String adminNationalId = nationalId(adminBirth, 6);
        Map<String, Object> profile = new HashMap<>(Map.of("name", "李管理", "gender", "FEMALE", "ethnicity", "汉族",
                "birthDate", adminBirth.toString(), "nationalId", adminNationalId, "education", "研究生",
                "post", "机关党委专职副书记", "joinedOn", "2003-07-01", "leadingCadre", false));
        profile.put("partyAffairsCadre", "FULL_TIME");
        Api.Response admitted = committee.post("/api/org/members", Map.of("branchId", first, "status", "FULL",
                "profile", profile, "contact", Map.of("phone", "13900000009", "email", "admin@" + department + ".city.gov.cn")));
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
        String adminMember = admitted.json().path("id").asString();
        String adminUser = department + "-admin";
        Api.Response account = committee.post("/api/org/members/" + adminMember + "/account",
                Map.of("username", adminUser, "email", "admin@" + department + ".city.gov.cn"));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        Api.Response granted = committee.post("/api/org/role-grants", Map.of("member", adminMember, "department", department,
                "role", "DEPT_ADMIN", "reason", "新建部门机关党委专职副书记"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        firstSignIn(adminUser, account.json().path("temporaryPassword").asString(), "Li-" + suffix + "-NewPass");
        JsonNode adminClaims = claims(adminUser);
        assertThat(adminClaims.path("roles").valueStream().map(JsonNode::asString)).contains("DEPT_ADMIN", "MEMBER");
        assertThat(adminClaims.path("department").asString()).isEqualTo(department);
        Api admin = as(adminUser);

        // 4. the roster, naming those branches
        List<String> headers = List.of("姓名", "性别", "民族", "出生日期", "身份证号", "学历", "职务", "入党日期", "党员状态",
                "所在支部", "党小组", "领导干部", "党务干部", "手机", "电子邮箱");
        List<List<String>> people = new ArrayList<>();
        String[][] roster = {{"周前任", "水务第一党支部"}, {"吴新任", "水务第一党支部"}, {"郑党员", "水务第一党支部"},
                {"王二支", "水务第二党支部"}, {"冯二支", "水务第二党支部"}, {"陈二支", "水务第二党支部"}};
        for (int i = 0; i < roster.length; i++) {
            LocalDate birth = LocalDate.of(1980 + i, 5, 10);
            people.add(List.of(roster[i][0], "男", "汉族", birth.toString(), nationalId(birth, i), "大学本科", "科员",
                    "2010-07-01", "正式党员", roster[i][1], "", "否", "无", "1380000000" + i,
                    "m" + i + "@" + department + ".city.gov.cn"));
        }
        Api.Response imported = admin.upload("/api/org/members/import", Workbooks.sheet("党员名册", headers, people));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        Map<String, String> members = new HashMap<>();
        admin.get("/api/org/members?size=100&department=" + department).json().path("content").valueStream()
                .forEach(m -> members.put(m.path("name").asString(), m.path("id").asString()));
        assertThat(members).hasSize(7).containsEntry("李管理", adminMember);

        // 5. this year's dues bases, from the downloaded template, in force from January
        int year = today().getYear();
        Api.Response template = admin.getBytes("/api/org/dues/bases/import/template?year=" + year);
        assertThat(template.status()).isEqualTo(200);
        assertThat(headerRow(template.bytes())).containsExactly("身份证号", "姓名", "类别", "月收入基数");
        List<List<String>> bases = new ArrayList<>();
        for (List<String> person : people) {
            bases.add(List.of(person.get(4), person.get(0), "在职", person.get(0).equals("周前任") ? "5200.00" : "4000.00"));
        }
        bases.add(List.of(adminNationalId, "李管理", "在职", "4000.00"));
        Api.Response declared = admin.upload("/api/org/dues/bases/import?year=" + year, Workbooks.sheet("党费基数" + year,
                List.of("身份证号", "姓名", "类别", "月收入基数"), bases));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        assertThat(declared.json().path("created").asInt()).isEqualTo(7);
        // 5200 yuan a month employed: 1.5 %, 78.00 yuan; 4000: 1 %, 40.00 yuan
        assertThat(fen(admin.get("/api/org/dues/" + members.get("周前任")).json().path("currentMonthly"))).isEqualTo(7800);
        assertThat(fen(admin.get("/api/org/dues/" + members.get("郑党员")).json().path("currentMonthly"))).isEqualTo(4000);

        // nothing paid since January: every month before the current one (the city zone's) is unpaid, the levels
        // those months reach by the default thresholds (3 warn, 6 call for review)
        int unpaid = YearMonth.now(SHANGHAI).getMonthValue() - 1;
        String level = unpaid >= 6 ? "LAPSE_REVIEW" : unpaid >= 3 ? "WARNING" : "NONE";
        List<String> flagged = admin.post("/api/org/dues/arrears/evaluation", Map.of()).json().valueStream()
                .map(f -> f.path("name").asString() + "/" + f.path("level").asString()).toList();
        List<String> inArrears = admin.get("/api/org/dues/arrears").json().valueStream()
                .map(a -> a.path("name").asString() + "/" + a.path("unpaidMonths").asInt() + "/" + a.path("level").asString())
                .toList();
        if (level.equals("NONE")) {
            assertThat(flagged).isEmpty();
            assertThat(inArrears).isEmpty();
        } else {
            assertThat(flagged).containsExactlyInAnyOrderElementsOf(members.keySet().stream().map(n -> n + "/" + level).toList());
            assertThat(inArrears).containsExactlyInAnyOrderElementsOf(
                    members.keySet().stream().map(n -> n + "/" + unpaid + "/" + level).toList());
        }
        assertThat(admin.get("/api/org/dues/" + members.get("吴新任")).json().path("unpaidMonths").asInt()).isEqualTo(unpaid);

        // 6. every other account in one request: the sheet of one-time passwords; the admin's is not made twice
        Api.Response provisioned = admin.postForBytes("/api/org/accounts/provision", Map.of("department", true));
        assertThat(provisioned.status()).isEqualTo(200);
        Map<String, PasswordSheet.Line> sheet = PasswordSheet.read(provisioned.bytes());
        assertThat(sheet).hasSize(7);
        assertThat(sheet.remove("李管理").result()).isEqualTo("已有账号，未重复开通");
        assertThat(sheet.values()).allSatisfy(line -> assertThat(line.result()).isEqualTo("已开通"));
        String former = sheet.get("周前任").username();
        String elected = sheet.get("吴新任").username();

        // 7. the first election: 周前任 secretary of the first branch; it signs in, changes its password, records a sitting
        assertThat(admin.put("/api/org/organizations/" + first + "/committee", Map.of("termStart",
                today().minusYears(3).plusDays(1).toString(), "posts", List.of(Map.of("post", "SECRETARY",
                        "memberId", members.get("周前任"))))).status()).isEqualTo(200);
        firstSignIn(former, sheet.get("周前任").oneTimePassword(), "Zhou-" + suffix + "-NewPass");
        await("the first secretary's token names its branch", () -> claims(former), c -> c.path("branches").toString()
                .equals("[\"" + first + "\"]"));
        assertThat(await("the first secretary records a sitting", () -> sitting(former, first, members.get("周前任")),
                r -> r.status() == 201).status()).isEqualTo(201);

        // 8. the next election: 吴新任 takes over
        assertThat(admin.put("/api/org/organizations/" + first + "/committee", Map.of("termStart", today().toString(),
                "posts", List.of(Map.of("post", "SECRETARY", "memberId", members.get("吴新任"))))).status()).isEqualTo(200);
        HttpResponse<String> landed = firstSignIn(elected, sheet.get("吴新任").oneTimePassword(), "Wu-" + suffix + "-NewPass");
        assertThat(landed.uri().toString()).startsWith(gateway);
        await("the new secretary's token names its branch", () -> claims(elected),
                c -> c.path("branches").toString().equals("[\"" + first + "\"]"));
        assertThat(claims(elected).path("roles").valueStream().map(JsonNode::asString)).contains("BRANCH_SECRETARY", "MEMBER");

        Api.Response own = await("the new secretary records a sitting of its branch",
                () -> sitting(elected, first, members.get("吴新任")), r -> r.status() == 201);
        assertThat(own.json().path("branchId").asString()).isEqualTo(first);
        Api.Response other = sitting(elected, second, members.get("王二支"));
        assertThat(other.status()).as(other.toString()).isEqualTo(403);
        await("the former secretary's token no longer names the branch", () -> claims(former), c -> !c.has("branches"));
        assertThat(claims(former).path("roles").valueStream().map(JsonNode::asString)).doesNotContain("BRANCH_SECRETARY");
        assertThat(sitting(former, first, members.get("周前任")).status()).isEqualTo(403);

        // the work committee sees its grant, the elections' grants and the withdrawal in the record, newest first (the
        // second election's two changes are applied in one pass, so their order is not known)
        List<String> record = as("work-committee").get("/api/org/role-grants?department=" + department).json().valueStream()
                .map(g -> g.path("memberName").asString() + "/" + g.path("action").asString() + "/" + g.path("cause").asString())
                .toList();
        assertThat(record).containsExactlyInAnyOrder("周前任/WITHDRAWN/ELECTION", "吴新任/GRANTED/ELECTION",
                "周前任/GRANTED/ELECTION", "李管理/GRANTED/WORK_COMMITTEE");
        assertThat(record.subList(2, 4)).containsExactly("周前任/GRANTED/ELECTION", "李管理/GRANTED/WORK_COMMITTEE");
    }

    private static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    private Api.Response sitting(String secretary, String branch, String host) {
        return as(secretary).post("/api/activities/records", Map.of("branchId", branch, "types", List.of("THEME_PARTY_DAY"),
                "title", "主题党日", "held", Map.of("heldAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "place", "二楼会议室", "host", "书记", "hostMemberId", host)));
    }

    /** Signs in through the gateway with the one-time password; Keycloak asks for a new one, which is then the password. */
    private HttpResponse<String> firstSignIn(String username, String oneTimePassword, String newPassword) {
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> loginPage = browser.open(gateway + "/sign-in");
        HttpResponse<String> updatePage = browser.signIn(loginPage, username, oneTimePassword);
        assertThat(updatePage.body()).as("Keycloak asks for a new password first").contains("password-new");
        assertThat(passwordGrant(username, oneTimePassword)).as("no token before the change")
                .contains("\"error\":\"invalid_grant\"", "Account is not fully set up");
        HttpResponse<String> landed = browser.changePassword(updatePage, newPassword);
        passwords.put(username, newPassword);
        assertThat(passwordGrant(username, oneTimePassword)).as("the one-time password is spent")
                .contains("\"error\":\"invalid_grant\"", "Invalid user credentials");
        return landed;
    }

    private JsonNode claims(String username) {
        String token = Tokens.request(keycloak, Tokens.CLI_CLIENT, username, passwords.get(username)).path("access_token").asString();
        return Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** Keycloak's answer to a password grant (its error, when refused). */
    private String passwordGrant(String username, String password) {
        return send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/city/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + Tokens.CLI_CLIENT + "&username="
                        + username + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8))).build()).body();
    }

    /** Yuan as the API writes them, in fen. */
    private static int fen(JsonNode yuan) {
        return yuan.decimalValue().movePointRight(2).intValueExact();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GB 11643: a valid national ID for someone born on {@code birth}, in one region, told apart by {@code sequence}. */
    private static String nationalId(LocalDate birth, int sequence) {
        return NationalIds.withCheck("330102" + birth.toString().replace("-", "") + "%03d".formatted(100 + sequence));
    }

    /** The first row of a downloaded template. */
    private static List<String> headerRow(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> cells = new ArrayList<>();
            workbook.getSheetAt(0).getRow(0).forEach(c -> cells.add(c.getStringCellValue()));
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T await(String what, Supplier<T> call, Predicate<T> done) {
        return Waiting.until(what, WITHIN, Duration.ofMillis(500), call, done);
    }
}

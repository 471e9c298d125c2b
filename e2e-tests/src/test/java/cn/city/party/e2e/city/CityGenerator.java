package cn.city.party.e2e.city;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.HttpBrowser;
import cn.city.party.common.test.Waiting;
import cn.city.party.common.test.Workbooks;
import cn.city.party.e2e.PasswordSheet;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Not a test: builds a generated city ({@link CityPlan}) on a running platform through its own APIs, the way the
 * departments would: the work committee registers each department and imports its organization tree, admits its
 * administrator, opens the account and grants DEPT_ADMIN; the administrator (after the first sign-in's password change)
 * imports the roster and the year's dues bases, opens the accounts of those who sign in below (every member's with
 * {@code --all-accounts}) and records each branch's election; each
 * secretary signs in for the first time and records its branch's year of sittings with attendance; the administrator
 * records the dues paid; study materials and an exam are published and a few members study and submit it; an
 * inspector registers leads and imposes a sanction. Nothing is written into a service's database.
 *
 * <p>The year's sittings are entered now, so each one is a late entry (补录) with its reason, exactly as the platform
 * shows a department that typed up its ledger at once: the generator cannot and must not backdate what it records.
 *
 * <pre>
 * java -cp … cn.city.party.e2e.city.CityGenerator [--gateway http://localhost:8080] [--keycloak http://localhost:8180]
 *     [--seed 2026] [--scale 1.0] [--months 12] [--threads 4] [--cast .platform/city/cast.tsv] [--add] [--all-accounts]
 * </pre>
 * It refuses to run against a platform that already holds departments unless {@code --add} is given; with it, a
 * department of the plan that already exists is left as it is (so an interrupted run can be completed). {@code --months}
 * records the sittings and dues payments of fewer months than the year (a small city built whole in minutes, every step
 * of it run); {@code --months 0} builds the organizations and people of a city (roster, dues bases, accounts, elections,
 * exams and discipline) without any month's sittings or payments. On the local runner, {@code --scale 1 --months 1
 * --threads 3} built the whole city in 53 minutes (docs/benchmarks.md). Once a department fails, no further one is
 * begun: the rest are reported, to be built with {@code --add}.
 */
public final class CityGenerator {

    private static final String LATE_REASON = "城市规模数据生成：全年组织生活记录一次录入";
    private static final List<String> ROSTER_HEADERS = List.of("姓名", "性别", "民族", "出生日期", "身份证号", "学历", "职务",
            "入党日期", "党员状态", "所在支部", "党小组", "领导干部", "党务干部", "手机", "电子邮箱");
    private static final List<String> BASE_HEADERS = List.of("身份证号", "姓名", "类别", "月收入基数");
    /** Members per department who sign in, study and take the exam (the load's members come from them). */
    private static final int STUDYING_MEMBERS = 5;

    private final String gateway;
    private final long seed;
    private final CityPlan plan;
    private final LocalDate today;
    private final Path castFile;
    private final Cast.Sessions sessions;
    private final Counters counters = new Counters();
    private final boolean allAccounts;
    private final int months;

    CityGenerator(String gateway, String keycloak, long seed, double scale, int months, Path castFile, boolean allAccounts) {
        if (months < 0 || months > 12) {
            throw new IllegalArgumentException("--months is 0 to 12, not " + months);
        }
        this.gateway = gateway;
        this.months = months;
        this.allAccounts = allAccounts;
        this.seed = seed;
        this.today = LocalDate.now(CityPlan.ZONE);
        this.plan = new CityPlan(seed, scale, today);
        this.castFile = castFile;
        this.sessions = new Cast.Sessions(keycloak);
    }

    public static void main(String[] args) throws Exception {
        ProgramOptions options = ProgramOptions.of("CityGenerator").option("gateway", "http://localhost:8080")
                .option("keycloak", "http://localhost:8180").option("seed", "2026").option("scale", "1.0").option("months", "12")
                .option("threads", "4").option("cast", ".platform/city/cast.tsv").flag("add").flag("all-accounts")
                .parse(args);
        CityGenerator generator = new CityGenerator(options.text("gateway"), options.text("keycloak"),
                options.longInteger("seed"), options.decimal("scale"), options.integer("months"), options.path("cast"), options.isSet("all-accounts"));
        int code = generator.run(options.isSet("add"), options.integer("threads"));
        System.exit(code);
    }

    int run(boolean add, int threads) throws InterruptedException {
        Set<String> existing = as("work-committee").get("/api/org/departments").json().valueStream()
                .map(d -> d.path("code").asString()).collect(Collectors.toSet());
        if (!existing.isEmpty() && !add) {
            System.err.println("refused: the platform already holds departments " + existing.stream().sorted().toList()
                    + "; run with --add to add the generated city beside them");
            return 2;
        }
        Instant began = Instant.now();
        System.out.printf("generating %d departments (seed %d) into %s; cast in %s%n", plan.departmentCount(), seed, gateway,
                castFile.toAbsolutePath());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, Future<Boolean>> runs = new LinkedHashMap<>();
        // once a department fails, no further one is begun: an overloaded platform would fail each of them part-way,
        // and every half-built department is one to dissolve by hand
        AtomicBoolean failing = new AtomicBoolean();
        for (CityPlan.Department department : plan.departments()) {
            if (existing.contains(department.code())) {
                System.out.println(department.code() + " already exists: left as it is");
                continue;
            }
            runs.put(department.code(), pool.submit(() -> {
                if (failing.get()) {
                    return false;
                }
                Instant start = Instant.now();
                try {
                    build(department);
                } catch (RuntimeException e) {
                    failing.set(true);
                    throw e;
                }
                System.out.printf("%s %s built in %d s (%s)%n", department.code(), department.name(),
                        Duration.between(start, Instant.now()).toSeconds(), counters);
                return true;
            }));
        }
        pool.shutdown();
        List<String> failed = new ArrayList<>();
        List<String> notBegun = new ArrayList<>();
        for (Map.Entry<String, Future<Boolean>> run : runs.entrySet()) {
            try {
                if (!run.getValue().get()) {
                    notBegun.add(run.getKey());
                }
            } catch (java.util.concurrent.ExecutionException e) {
                failed.add(run.getKey());
                System.err.println(run.getKey() + " failed: " + e.getCause());
                e.getCause().printStackTrace();
            }
        }
        Duration took = Duration.between(began, Instant.now());
        System.out.printf("city generated in %d min %d s: %s%n", took.toMinutes(), took.toSecondsPart(), counters);
        if (!failed.isEmpty()) {
            System.err.println("departments not completed: " + failed + " (a half-built department is named here and must be "
                    + "dissolved by hand); not begun after the failure: " + notBegun + " (run again with --add to build them)");
            return 1;
        }
        return 0;
    }

    private void build(CityPlan.Department department) {
        String committee = "work-committee";
        expect(as(committee).post("/api/org/departments", Map.of("code", department.code(), "name", department.name(),
                "staffHeadcount", department.branches().size() * CityPlan.MEMBERS_PER_BRANCH)), 201, "register " + department.code());
        counters.departments.incrementAndGet();
        String prefix = department.branches().get(0).code().substring(0, 3);
        expect(as(committee).upload("/api/org/organizations/import?department=" + department.code(), tree(department, prefix)), 201,
                "tree of " + department.code());
        Map<String, String> orgIds = new HashMap<>();
        as(committee).get("/api/org/organizations?department=" + department.code()).json().valueStream()
                .forEach(o -> orgIds.put(o.path("code").asString(), o.path("id").asString()));

        // the administrator: the second member of the first branch, admitted by the work committee
        CityPlan.Branch firstBranch = department.branches().get(0);
        CityPlan.Member adminPerson = firstBranch.members().get(1);
        String adminId = expect(as(committee).post("/api/org/members", admission(adminPerson, orgIds.get(firstBranch.code()),
                orgIds.get(adminPerson.groupCode()))), 201, "admit the administrator").json().path("id").asString();
        String adminUser = department.code() + "-admin";
        JsonNode account = expect(as(committee).post("/api/org/members/" + adminId + "/account", Map.of("username", adminUser,
                "email", adminPerson.email())), 201, "the administrator's account").json();
        expect(as(committee).post("/api/org/role-grants", Map.of("member", adminId, "department", department.code(),
                "role", "DEPT_ADMIN", "reason", "机关党委专职副书记")), 201, "grant DEPT_ADMIN");
        firstSignIn(adminUser, account.path("temporaryPassword").asString());
        String admin = adminUser;

        // the roster (everyone else), then who is who
        List<List<String>> rows = new ArrayList<>();
        for (CityPlan.Branch branch : department.branches()) {
            for (CityPlan.Member m : branch.members()) {
                if (m != adminPerson) {
                    rows.add(rosterRow(m, branch));
                }
            }
        }
        expect(as(admin).upload("/api/org/members/import", Workbooks.sheet("党员名册", ROSTER_HEADERS, rows)), 201, "roster");
        Map<String, String> memberIds = memberIds(admin, department.code());
        counters.members.addAndGet(memberIds.size());

        // this year's dues bases, from January
        List<List<String>> bases = new ArrayList<>();
        department.branches().forEach(b -> b.members().forEach(m -> bases.add(List.of(m.nationalId(), m.name(), "在职",
                m.monthlyIncome().setScale(2).toPlainString()))));
        expect(as(admin).upload("/api/org/dues/bases/import?year=" + today.getYear(),
                Workbooks.sheet("党费基数" + today.getYear(), BASE_HEADERS, bases)), 201, "dues bases");

        // the accounts: by default only of those who sign in here (secretaries, studying members, the inspector), one
        // by one; with --all-accounts every member's, branch by branch (Keycloak hashes each one-time password: about
        // 6 s a branch of 12 on two cores, so a whole department in one request runs past the gateway's limit)
        Map<String, String[]> sheet = new HashMap<>();
        if (allAccounts) {
            for (CityPlan.Branch branch : department.branches()) {
                PasswordSheet.read(expect(as(admin).postForBytes("/api/org/accounts/provision",
                        Map.of("organization", orgIds.get(branch.code()))), 200, "accounts of " + branch.code()).bytes())
                        .forEach((name, line) -> sheet.put(name, new String[]{line.username(), line.oneTimePassword()}));
            }
        } else {
            for (int b = 0; b < department.branches().size(); b++) {
                CityPlan.Branch branch = department.branches().get(b);
                String login = department.code() + "-zb%02d-".formatted(b + 1);
                open(admin, branch.members().get(0), memberIds, login + "sj", sheet);
                if (b < STUDYING_MEMBERS) {
                    open(admin, branch.members().get(2), memberIds, login + "m", sheet);
                }
            }
            open(admin, firstBranch.members().get(3), memberIds, department.code() + "-jw", sheet);
        }
        for (CityPlan.Branch branch : department.branches()) {
            expect(as(admin).put("/api/org/organizations/" + orgIds.get(branch.code()) + "/committee", Map.of(
                    "termStart", today.minusYears(1).toString(),
                    // a branch of 7 or more elects a committee of 3 to 7: secretary, 组织委员, 宣传委员
                    "posts", List.of(Map.of("post", "SECRETARY", "memberId", memberIds.get(branch.members().get(0).name())),
                            Map.of("post", "ORGANIZATION", "memberId", memberIds.get(branch.members().get(4).name())),
                            Map.of("post", "PUBLICITY", "memberId", memberIds.get(branch.members().get(5).name()))))),
                    200, "election of " + branch.code());
        }
        List<Cast.Account> cast = new ArrayList<>();
        cast.add(new Cast.Account(Cast.Role.DEPT_ADMIN, department.code(), null, adminId, adminUser, passwordOf(adminUser)));
        for (CityPlan.Branch branch : department.branches()) {
            CityPlan.Member secretary = branch.members().get(0);
            String username = sheet.get(secretary.name())[0];
            firstSignIn(username, sheet.get(secretary.name())[1]);
            cast.add(new Cast.Account(Cast.Role.SECRETARY, department.code(), orgIds.get(branch.code()),
                    memberIds.get(secretary.name()), username, passwordOf(username)));
        }
        for (int i = 0; i < STUDYING_MEMBERS && i < department.branches().size(); i++) {
            CityPlan.Branch branch = department.branches().get(i);
            CityPlan.Member member = branch.members().get(2);
            String username = sheet.get(member.name())[0];
            firstSignIn(username, sheet.get(member.name())[1]);
            cast.add(new Cast.Account(Cast.Role.MEMBER, department.code(), orgIds.get(branch.code()),
                    memberIds.get(member.name()), username, passwordOf(username)));
        }
        // the department's inspector (机关纪委), granted by the work committee
        CityPlan.Member inspector = firstBranch.members().get(3);
        String inspectorUser = sheet.get(inspector.name())[0];
        expect(as(committee).post("/api/org/role-grants", Map.of("member", memberIds.get(inspector.name()),
                "department", department.code(), "role", "INSPECTOR", "jurisdiction", "department",
                "reason", "机关纪委委员")), 201, "grant INSPECTOR");
        firstSignIn(inspectorUser, sheet.get(inspector.name())[1]);
        cast.add(new Cast.Account(Cast.Role.INSPECTOR, department.code(), null, memberIds.get(inspector.name()),
                inspectorUser, passwordOf(inspectorUser)));
        Cast.append(castFile, cast);

        List<String> materials = studyAndExam(admin, cast);
        for (int b = 0; months > 0 && b < department.branches().size(); b++) {
            sittings(department, b, orgIds, memberIds, cast);
        }
        dues(department, admin, memberIds);
        discipline(department, inspectorUser, memberIds, orgIds);
        completeStudy(cast, materials);
    }

    private void sittings(CityPlan.Department department, int branchIndex, Map<String, String> orgIds,
                          Map<String, String> memberIds, List<Cast.Account> cast) {
        CityPlan.Branch branch = department.branches().get(branchIndex);
        String branchId = orgIds.get(branch.code());
        Cast.Account secretary = cast.stream().filter(a -> a.role() == Cast.Role.SECRETARY && branchId.equals(a.branchId()))
                .findFirst().orElseThrow();
        // the election reaches Keycloak through an event: the token names the branch a moment later
        Waiting.until("the token of " + secretary.username() + " names its branch", Duration.ofSeconds(60),
                Duration.ofMillis(500), () -> claims(secretary.username()), c -> c.contains(branchId));
        String api = secretary.username();
        String host = branch.members().get(0).name();
        for (CityPlan.Sitting s : plan.sittings(department, branchIndex, today.minusMonths(months), today)) {
            Map<String, Object> held = new HashMap<>(Map.of("heldAt", s.heldAt().toString(), "place", "机关三楼党员活动室",
                    "host", host, "hostMemberId", memberIds.get(host), "durationMinutes", 90));
            if (s.types().contains("PARTY_LECTURE")) { // 党课: the secretary lectures
                held.put("lecturer", host);
                held.put("lecturerMemberId", memberIds.get(host));
            }
            Map<String, Object> body = new HashMap<>(Map.of("branchId", branchId, "types", s.types(), "title", s.title(),
                    "held", held, "lateReason", LATE_REASON));
            if (s.groupCode() != null) {
                body.put("partyGroupId", orgIds.get(s.groupCode()));
            }
            String id = expect(as(api).post("/api/activities/records", body), 201, "sitting " + s.title()).json().path("id").asString();
            counters.sittings.incrementAndGet();
            List<Map<String, Object>> entries = s.attendance().stream().map(a -> {
                Map<String, Object> line = new HashMap<>(Map.of("memberId",
                        memberIds.get(branch.members().get(a.memberIndex()).name()), "attendance", a.attendance()));
                if (!a.attendance().equals("PRESENT")) {
                    line.put("reason", a.attendance().equals("EXCUSED") ? "公务出差，已请假" : "未请假");
                }
                return line;
            }).toList();
            // attendance names members; activity-service learns them from org-service's events, so it may need a moment
            Waiting.until("attendance of " + id, Duration.ofSeconds(60), Duration.ofMillis(500),
                    () -> as(api).put("/api/activities/" + id + "/attendance", Map.of("entries", entries)), r -> r.status() == 200);
            counters.attendance.addAndGet(entries.size());
        }
    }

    /**
     * The months of this year before the current one that lie within the generated months are paid, but a member in
     * arrears stopped some months ago.
     */
    private void dues(CityPlan.Department department, String admin, Map<String, String> memberIds) {
        YearMonth current = YearMonth.from(today);
        YearMonth january = YearMonth.of(today.getYear(), 1);
        YearMonth generatedFrom = current.minusMonths(months);
        YearMonth first = generatedFrom.isBefore(january) ? january : generatedFrom;
        for (CityPlan.Branch branch : department.branches()) {
            for (CityPlan.Member m : branch.members()) {
                for (YearMonth month = first; month.isBefore(current.minusMonths(m.arrearsMonths()));
                     month = month.plusMonths(1)) {
                    expect(as(admin).post("/api/org/dues/" + memberIds.get(m.name()) + "/payments", Map.of("month", month.toString())),
                            200, "dues of " + m.name());
                    counters.payments.incrementAndGet();
                }
            }
        }
    }

    private List<String> studyAndExam(String admin, List<Cast.Account> cast) {
        List<String> materials = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (int q = 0; q < 10; q++) {
            questions.add(expect(as(admin).post("/api/study/questions", Map.of("type", "SINGLE", "category", "PARTY_CONSTITUTION",
                    "difficulty", "MEDIUM", "stem", "党章第" + (q + 1) + "条的主要内容是什么？",
                    "options", List.of(Map.of("id", "A", "text", "选项甲"), Map.of("id", "B", "text", "选项乙"),
                            Map.of("id", "C", "text", "选项丙"), Map.of("id", "D", "text", "选项丁")),
                    "correct", List.of("A"))), 201, "question").json().path("id").asString());
        }
        Map<String, Object> exam = new HashMap<>(Map.of("title", today.getYear() + "年度党章党规知识测试", "mode", "FIXED",
                "questionIds", questions, "timeLimitMinutes", 30, "passMark", 60, "attemptLimit", 3, "scoring", "PARTIAL",
                "audience", "ALL"));
        exam.put("opensAt", Instant.now().minusSeconds(60).toString());
        exam.put("closesAt", today.plusDays(30).atStartOfDay(CityPlan.ZONE).toInstant().toString());
        String examId = expect(as(admin).post("/api/study/exams", exam), 201, "exam").json().path("id").asString();
        for (int i = 0; i < 2; i++) {
            String material = expect(as(admin).post("/api/study/materials", Map.of("title", "学习资料" + (i + 1) + "：党章学习辅导",
                    "kind", "TEXT", "body", "学习内容……", "category", "PARTY_CONSTITUTION", "audience", "ALL",
                    "required", true, "creditHours", 1, "estimatedMinutes", 1)), 201, "material").json().path("id").asString();
            expect(as(admin).post("/api/study/materials/" + material + "/publish", Map.of()), 200, "publish material");
            materials.add(material);
        }
        for (Cast.Account member : cast) {
            if (member.role() != Cast.Role.MEMBER) {
                continue;
            }
            String api = member.username();
            // study-service learns which member an account is from org-service's events: a first sign-in may be ahead of them
            JsonNode attempt = Waiting.until("the exam attempt of " + api, Duration.ofSeconds(60), Duration.ofMillis(500),
                    () -> as(api).post("/api/study/exams/" + examId + "/attempts", Map.of()), r -> r.status() == 201).json();
            for (String material : materials) {
                expect(as(api).post("/api/study/progress/materials/" + material + "/start", Map.of()), 200, "start " + material);
            }
            Map<String, List<String>> answers = new HashMap<>();
            attempt.path("questions").valueStream().forEach(q -> answers.put(q.path("questionId").asString(),
                    List.of(q.path("options").get(0).path("id").asString())));
            expect(as(api).post("/api/study/attempts/" + attempt.path("id").asString() + "/submit", Map.of("answers", answers)),
                    200, "submit");
            counters.exams.incrementAndGet();
        }
        return materials;
    }

    /** The materials take a minute each, counted only as time passes: by the end of a department they can be done. */
    private void completeStudy(List<Cast.Account> cast, List<String> materials) {
        for (Cast.Account member : cast) {
            if (member.role() != Cast.Role.MEMBER) {
                continue;
            }
            String api = member.username();
            for (String material : materials) {
                Api.Response time = as(api).post("/api/study/progress/materials/" + material + "/time", Map.of("seconds", 60));
                Api.Response done = as(api).post("/api/study/progress/materials/" + material + "/complete", Map.of());
                if (time.status() == 200 && done.status() == 200) {
                    counters.studied.incrementAndGet();
                }
            }
        }
    }

    private void discipline(CityPlan.Department department, String inspectorUser, Map<String, String> memberIds,
                            Map<String, String> orgIds) {
        String inspector = inspectorUser;
        CityPlan.Member subject = department.branches().get(2).members().get(7);
        String subjectId = memberIds.get(subject.name());
        // the roster reaches discipline-service by events, so the first lead may wait for it
        String lead = Waiting.until("a lead in " + department.code(), Duration.ofSeconds(60), Duration.ofMillis(500),
                () -> as(inspector).post("/api/discipline/leads", Map.of("department", department.code(), "source", "AUDIT",
                        "subjectMemberIds", List.of(subjectId), "summary", "审计发现公务接待费用报销不规范",
                        "receivedOn", today.minusDays(40).toString())), r -> r.status() == 201).json().path("id").asString();
        // a petition about a service window names the branch that staffs it, no one member
        expect(as(inspector).post("/api/discipline/leads", Map.of("department", department.code(), "source", "PETITION_REPORT",
                "subjectOrganizationId", orgIds.get(department.branches().get(3).code()), "summary", "群众反映窗口服务态度问题",
                "receivedOn", today.minusDays(10).toString())), 201, "second lead");
        // the first lead is verified, filed and decided (a warning) before the sanction that carries the decision out
        for (Map<String, String> step : List.of(Map.of("to", "PRELIMINARY_VERIFICATION", "reason", "报销凭证需进一步核实"),
                Map.of("to", "CASE_FILED", "reason", "初核属实，经批准立案审查"),
                Map.of("to", "DECIDED", "reason", "经审理，给予党内警告处分", "outcome", "WARNING"))) {
            expect(as(inspector).post("/api/discipline/leads/" + lead + "/transitions", step), 200, "lead to " + step.get("to"));
        }
        expect(as(inspector).post("/api/discipline/sanctions", Map.of("department", department.code(), "memberId", subjectId,
                "type", "WARNING", "decidedOn", today.minusDays(5).toString(), "leadId", lead)), 201, "sanction");
        counters.discipline.addAndGet(3);
    }

    /** Opens one member's account; its user name and one-time password go into {@code sheet} by member name. */
    private void open(String admin, CityPlan.Member member, Map<String, String> memberIds, String username,
                             Map<String, String[]> sheet) {
        JsonNode account = expect(as(admin).post("/api/org/members/" + memberIds.get(member.name()) + "/account",
                Map.of("username", username, "email", member.email())), 201, "account " + username).json();
        sheet.put(member.name(), new String[]{username, account.path("temporaryPassword").asString()});
    }

    /** The first sign-in through the gateway: Keycloak asks for a new password, which is then the account's. */
    private void firstSignIn(String username, String oneTimePassword) {
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> updatePage = browser.signIn(browser.open(gateway + "/sign-in"), username, oneTimePassword);
        browser.changePassword(updatePage, passwordOf(username));
        sessions.password(username, passwordOf(username));
        counters.accounts.incrementAndGet();
    }

    /** A development password of the local city, derived from the seed: the same city has the same passwords. */
    private String passwordOf(String username) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((seed + "/" + username).getBytes(StandardCharsets.UTF_8));
            return "City-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String claims(String username) {
        sessions.forget(username);
        String token = sessions.of(username);
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** Calls as {@code username} with a token fresh enough for this call (tokens live five minutes, a department longer). */
    private Api as(String username) {
        return api().as(username);
    }

    private Api api() {
        // the gateway gives a whole department's import up to two minutes (its export route); one administrator paying
        // a department's dues month by month meets the per-user rate limit, and waits as the 429 says
        return new Api(gateway, sessions::of).withTimeout(Duration.ofSeconds(150)).pacedByRetryAfter(counters.throttled::incrementAndGet);
    }

    private static byte[] tree(CityPlan.Department department, String prefix) {
        List<List<String>> rows = new ArrayList<>();
        String organ = prefix + "-JG";
        rows.add(List.of(organ, department.name() + "机关党委", "机关党委", "", "2015-01-01"));
        Set<String> generals = new java.util.LinkedHashSet<>();
        for (CityPlan.Branch branch : department.branches()) {
            if (generals.add(branch.generalBranchCode())) {
                rows.add(List.of(branch.generalBranchCode(), "第" + generals.size() + "党总支", "党总支", organ, "2015-03-01"));
            }
            rows.add(List.of(branch.code(), branch.name(), "党支部", branch.generalBranchCode(), "2015-06-01"));
            for (int g = 0; g < branch.groupCodes().size(); g++) {
                rows.add(List.of(branch.groupCodes().get(g), branch.name() + "第" + (g + 1) + "党小组", "党小组", branch.code(),
                        "2016-01-01"));
            }
        }
        return Workbooks.sheet("组织架构", List.of("编码", "名称", "类型", "上级编码", "成立日期"), rows);
    }

    private static List<String> rosterRow(CityPlan.Member m, CityPlan.Branch branch) {
        return List.of(m.name(), m.gender(), "汉族", m.birth().toString(), m.nationalId(), m.education(), m.post(),
                m.joinedOn().toString(), m.probationary() ? "预备党员" : "正式党员", branch.code(), m.groupCode(),
                m.leadingCadre() ? "是" : "否", "无", m.phone(), m.email());
    }

    private static Map<String, Object> admission(CityPlan.Member m, String branchId, String groupId) {
        Map<String, Object> profile = new HashMap<>(Map.of("name", m.name(), "gender", m.gender().equals("男") ? "MALE" : "FEMALE",
                "ethnicity", "汉族", "birthDate", m.birth().toString(), "nationalId", m.nationalId(), "education", m.education(),
                "post", "机关党委专职副书记", "joinedOn", m.joinedOn().toString(), "leadingCadre", false));
        profile.put("partyAffairsCadre", "FULL_TIME");
        return Map.of("branchId", branchId, "partyGroupId", groupId, "status", m.probationary() ? "PROBATIONARY" : "FULL",
                "profile", profile, "contact", Map.of("phone", m.phone(), "email", m.email()));
    }

    /** Member ids by name (names are unique within a generated department). */
    private Map<String, String> memberIds(String admin, String department) {
        Map<String, String> ids = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode result = as(admin).get("/api/org/members?size=100&department=" + department + "&page=" + page).json();
            result.path("content").valueStream().forEach(m -> ids.put(m.path("name").asString(), m.path("id").asString()));
            if (page + 1 >= result.path("totalPages").asInt()) {
                return ids;
            }
        }
    }

    private static Api.Response expect(Api.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + response);
        }
        return response;
    }

    /** What has been made so far, across the departments being built. */
    private static final class Counters {
        final AtomicLong departments = new AtomicLong();
        final AtomicLong members = new AtomicLong();
        final AtomicLong accounts = new AtomicLong();
        final AtomicLong sittings = new AtomicLong();
        final AtomicLong attendance = new AtomicLong();
        final AtomicLong payments = new AtomicLong();
        final AtomicLong exams = new AtomicLong();
        final AtomicLong studied = new AtomicLong();
        final AtomicLong discipline = new AtomicLong();
        final AtomicLong throttled = new AtomicLong();

        @Override
        public String toString() {
            return "departments=%d members=%d signed-in=%d sittings=%d attendance=%d dues-months=%d exams=%d materials-done=%d discipline=%d waits-for-rate-limit=%d"
                    .formatted(departments.get(), members.get(), accounts.get(), sittings.get(), attendance.get(),
                            payments.get(), exams.get(), studied.get(), discipline.get(), throttled.get());
        }
    }
}

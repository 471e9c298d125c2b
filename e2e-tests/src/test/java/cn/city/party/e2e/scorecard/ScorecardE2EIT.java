package cn.city.party.e2e.scorecard;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.TestInfrastructure;
import cn.city.party.common.test.Tokens;
import cn.city.party.common.test.Waiting;
import cn.city.party.e2e.NationalIds;
import cn.city.party.e2e.RunningPlatform;
import cn.city.party.infra.local.LocalPlatform;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The branch scorecard through the gateway with real tokens, on the whole platform started without demo data: a
 * secretary records a meeting (activity-service), a member completes required study (study-service), an inspector
 * imposes a sanction (discipline-service), and within seconds org-service's scorecard and ranking of the branch
 * show each of them, with the facts behind the points; a department admin sees only its own branches.
 */
class ScorecardE2EIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SECRETARY_SUBJECT = "00000000-0000-4000-8000-000000000004";
    private static final String MEMBER_SUBJECT = "00000000-0000-4000-8000-000000000005";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final Api api;
    /** Tokens issued for each call, so the secretary's carries the branch as soon as org-service granted it. */
    private final Api freshTokens;

    ScorecardE2EIT() {
        LocalPlatform platform = RunningPlatform.get(TestInfrastructure.Kind.EMBEDDED);
        String keycloak = platform.settings().effectiveKeycloakUrl();
        Tokens tokens = new Tokens(keycloak);
        api = new Api(platform.settings().gatewayUrl(), tokens::of);
        freshTokens = new Api(platform.settings().gatewayUrl(),
                username -> Tokens.request(keycloak, Tokens.CLI_CLIENT, username).path("access_token").asString());
    }

    @Test
    void meetingsStudyAndSanctionsChangeTheBranchScorecardAndRankingWithinSeconds() {
        int year = LocalDate.now(SHANGHAI).getYear();
        Api committee = api.as("work-committee");
        for (var department : List.of(Map.of("code", "caizheng", "name", "市财政局", "staffHeadcount", 200),
                Map.of("code", "jiaoyu", "name", "市教育局", "staffHeadcount", 150))) {
            assertThat(committee.post("/api/org/departments", department).status()).isIn(201, 409);
        }
        Api admin = api.as("caizheng-admin");
        String root = admin.get("/api/org/organizations?department=caizheng").json().valueStream()
                .filter(o -> o.path("type").asString().equals("ORGAN_COMMITTEE")).map(o -> o.path("id").asString())
                .findFirst().orElseGet(() -> created(admin.post("/api/org/organizations", Map.of("department", "caizheng",
                        "type", "ORGAN_COMMITTEE", "name", "机关党委"))));
        String branch = created(admin.post("/api/org/organizations", Map.of("department", "caizheng", "type", "BRANCH",
                "name", "考核测试支部" + UUID.randomUUID().toString().substring(0, 6), "parentId", root)));
        String secretary = admit(admin, branch, "书记" + suffix(), SECRETARY_SUBJECT);
        String member = admit(admin, branch, "党员" + suffix(), MEMBER_SUBJECT);
        String sanctioned = admit(admin, branch, "受处分党员" + suffix(), null);
        // the secretary acts for the branch once elected: the election puts the branch into its token
        assertThat(admin.put("/api/org/organizations/" + branch + "/committee", Map.of("termStart",
                LocalDate.now(SHANGHAI).minusDays(1).toString(), "posts", List.of(Map.of("post", "SECRETARY",
                        "memberId", secretary)))).status()).isEqualTo(200);
        String path = "/api/org/scorecards/branches/" + branch + "?year=" + year;
        String periodsPath = "/api/compliance/branches/" + branch + "/periods?year=" + year;
        // the results of each period of the year arrive as events of their own: the branch's starting points are
        // those of the scorecard once it holds all of them
        JsonNode before = settled(admin, path, periodsPath);
        String quarterRuleBefore = generalMeetingOfThisQuarter(admin.get(periodsPath).json()).path("status").asString();

        // 1. the secretary records a meeting of the branch (once activity-service knows the secretary's branch)
        Api.Response meeting = await("the meeting is recorded", () -> freshTokens.as("caizheng-secretary").post("/api/activities/records",
                Map.of("branchId", branch, "types", List.of("BRANCH_GENERAL_MEETING"), "title", "支部党员大会",
                        "held", Map.of("heldAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(), "place", "三楼会议室",
                                "host", "书记", "hostMemberId", secretary))), r -> r.status() == 201);
        String activityId = meeting.json().path("id").asString();
        Instant recorded = Instant.now();
        await("the scorecard shows the meeting", () -> admin.get(path),
                r -> evidence(r.json(), "COMPLIANCE", "activities").contains(activityId));
        System.out.printf("meeting → scorecard in %d ms%n", Duration.between(recorded, Instant.now()).toMillis());
        // activity-service judged the meeting's quarter: 支部党员大会 (quarterly, minimum 1) met by this one sitting
        JsonNode generalMeeting = generalMeetingOfThisQuarter(admin.get(periodsPath).json());
        assertThat(generalMeeting.path("status").asString()).isEqualTo("MET");
        assertThat(generalMeeting.path("met").asDouble()).isEqualTo(1.0);
        assertThat(generalMeeting.path("score").asDouble()).isEqualTo(1.0);
        // the scorecard's compliance points are exactly what docs/scorecard.md's rule gives for those periods today
        JsonNode settled = settled(admin, path, periodsPath);
        assertThat(evidence(settled, "COMPLIANCE", "activities")).containsExactly(activityId);
        // by that rule the quarter under way earns its full share while on plan: the meeting raises the points when
        // the quarter's 支部党员大会 was behind plan (within the warning days, 21 for a quarter), and keeps them when
        // it was still on track
        if (List.of("ON_TRACK", "UPCOMING").contains(quarterRuleBefore)) {
            assertThat(points(settled, "COMPLIANCE")).isEqualTo(points(before, "COMPLIANCE"));
        } else {
            assertThat(quarterRuleBefore).isEqualTo("AT_RISK");
            assertThat(points(settled, "COMPLIANCE")).isGreaterThan(points(before, "COMPLIANCE"));
        }

        // 2. the member completes a required material the department published
        Map<String, Object> material = new HashMap<>();
        material.put("title", "必学资料" + suffix());
        material.put("kind", "TEXT");
        material.put("body", "学习内容");
        material.put("category", "PARTY_CONSTITUTION");
        material.put("audience", "ALL");
        material.put("required", true);
        material.put("creditHours", 1.5);
        material.put("estimatedMinutes", 1);
        String materialId = created(admin.post("/api/study/materials", material));
        assertThat(admin.post("/api/study/materials/" + materialId + "/publish", "").status()).isEqualTo(200);
        Api studying = api.as("caizheng-member");
        await("the member starts studying", () -> studying.post("/api/study/progress/materials/" + materialId + "/start", ""),
                r -> r.status() == 200);
        Instant started = Instant.now();
        // completing needs half the estimated minute really spent on it
        assertThat(studying.post("/api/study/progress/materials/" + materialId + "/complete", "").status()).isEqualTo(422);
        // the member really spends 31 s on it: the server counts no more study time than has passed since the start
        Awaitility.await("31 s of study").atMost(Duration.ofSeconds(32)).pollInterval(Duration.ofMillis(200))
                .until(() -> Duration.between(started, Instant.now()).toSeconds() >= 31);
        assertThat(studying.post("/api/study/progress/materials/" + materialId + "/time", Map.of("seconds", 31)).status())
                .isEqualTo(200);
        assertThat(studying.post("/api/study/progress/materials/" + materialId + "/complete", "").status()).isEqualTo(200);
        JsonNode afterStudy = await("the scorecard shows the study", () -> admin.get(path),
                r -> evidence(r.json(), "STUDY", "requiredCompletions").contains(member + ":" + materialId)
                        && evidence(r.json(), "STUDY", "membersCompleted").contains(member)).json();
        // the denominator is the branch's roll: 1 of its 3 members completed the required study, 25 × 1/3
        assertThat(item(afterStudy, "STUDY").path("basis").asString()).isEqualTo("1/3");
        assertThat(points(afterStudy, "STUDY")).isEqualTo(8.33);

        // 3. an inspector imposes a sanction on a member of the branch: points are deducted, the ranking follows
        double totalBeforeSanction = afterStudy.path("total").asDouble();
        Api.Response sanction = await("the sanction is imposed", () -> api.as("caizheng-inspector").post("/api/discipline/sanctions",
                Map.of("department", "caizheng", "memberId", sanctioned, "type", "WARNING",
                        "decidedOn", LocalDate.now(SHANGHAI).toString())), r -> r.status() == 201);
        String sanctionId = sanction.json().path("id").asString();
        JsonNode afterSanction = await("the scorecard shows the sanction", () -> admin.get(path),
                r -> evidence(r.json(), "SANCTIONS", "sanctions").contains(sanctionId)).json();
        assertThat(points(afterSanction, "SANCTIONS")).isEqualTo(-5.0);
        assertThat(afterSanction.path("total").asDouble()).isEqualTo(Math.round((totalBeforeSanction - 5) * 100) / 100.0);

        JsonNode ranking = admin.get("/api/org/scorecards/rankings/departments/caizheng?year=" + year).json();
        JsonNode placed = ranking.valueStream().filter(r -> r.path("scorecard").path("branchId").asString().equals(branch))
                .findFirst().orElseThrow();
        assertThat(placed.path("scorecard").path("total").asDouble()).isEqualTo(afterSanction.path("total").asDouble());

        // scoping: another department's admin sees neither the branch nor the ranking; the work committee sees all
        assertThat(api.as("jiaoyu-admin").get(path).status()).isEqualTo(404);
        assertThat(api.as("jiaoyu-admin").get("/api/org/scorecards/rankings/departments/caizheng").status()).isEqualTo(403);
        assertThat(api.as("caizheng-member").get(path).status()).isEqualTo(403);
        assertThat(committee.get(path).status()).isEqualTo(200);
        JsonNode city = committee.get("/api/org/scorecards/rankings/city?year=" + year).json();
        assertThat(city.valueStream().map(d -> d.path("department").asString()).toList()).contains("caizheng");
        assertThat(api.as("caizheng-admin").get("/api/org/scorecards/rankings/city").status()).isEqualTo(403);
    }

    /**
     * The scorecard once its compliance points are what {@link #expectedCompliance} gives for the periods activity-service
     * announces now (the reference date is today in Shanghai on the system clock, which every service of the local
     * platform uses).
     */
    private static JsonNode settled(Api admin, String path, String periodsPath) {
        BigDecimal[] expected = new BigDecimal[1];
        JsonNode card = await("the scorecard has the latest period results", () -> admin.get(path), r -> {
            if (r.status() != 200) {
                return false;
            }
            expected[0] = expectedCompliance(admin.get(periodsPath).json(), item(r.json(), "COMPLIANCE").path("max")
                    .decimalValue(), LocalDate.now(SHANGHAI));
            return item(r.json(), "COMPLIANCE").path("points").decimalValue().compareTo(expected[0]) == 0;
        }).json();
        assertThat(item(card, "COMPLIANCE").path("points").decimalValue()).isEqualByComparingTo(expected[0]);
        return card;
    }

    /** 支部党员大会 in the quarter of today (Shanghai) as activity-service judged it. */
    private static JsonNode generalMeetingOfThisQuarter(JsonNode periods) {
        LocalDate today = LocalDate.now(SHANGHAI);
        JsonNode quarter = periods.valueStream().filter(p -> p.path("periodKind").asString().equals("QUARTER")
                && !LocalDate.parse(p.path("periodStart").asString()).isAfter(today)
                && !LocalDate.parse(p.path("periodEnd").asString()).isBefore(today)).findFirst().orElseThrow();
        return quarter.path("rules").valueStream()
                .filter(r -> r.path("type").asString().equals("BRANCH_GENERAL_MEETING")).findFirst().orElseThrow();
    }

    /**
     * 组织生活落实 by docs/scorecard.md, on {@code today} (Asia/Shanghai): for every period of the year as activity-service
     * judged it, skipping a period not begun ({@code periodStart > today}, unless frozen), with
     * {@code closed = frozen || periodEnd < today} and
     * {@code elapsed = closed ? 1 : (days from periodStart to today + 1) / (days of the period)}, each rule adds
     * {@code weight × elapsed} to what is due and {@code weight × elapsed × credit} to what is earned, where
     * {@code credit = score} for a closed period or a rule {@code AT_RISK}/{@code MISSED}, and 1 for a rule on plan
     * ({@code ON_TRACK}, {@code MET}) in the period under way; points = {@code complianceWeight × earned ÷ due}, to two
     * decimals (half up), 0 when nothing is due.
     */
    private static BigDecimal expectedCompliance(JsonNode periods, BigDecimal complianceWeight, LocalDate today) {
        double earned = 0;
        double due = 0;
        for (JsonNode p : periods) {
            LocalDate start = LocalDate.parse(p.path("periodStart").asString());
            LocalDate end = LocalDate.parse(p.path("periodEnd").asString());
            boolean frozen = p.path("frozen").asBoolean();
            if (!frozen && start.isAfter(today)) {
                continue;
            }
            boolean closed = frozen || end.isBefore(today);
            double elapsed = closed ? 1 : (double) (ChronoUnit.DAYS.between(start, today) + 1)
                    / (ChronoUnit.DAYS.between(start, end) + 1);
            for (JsonNode r : p.path("rules")) {
                boolean onPlan = List.of("MET", "ON_TRACK", "UPCOMING").contains(r.path("status").asString());
                double credit = closed || !onPlan ? r.path("score").asDouble() : 1;
                due += r.path("weight").asDouble() * elapsed;
                earned += r.path("weight").asDouble() * elapsed * credit;
            }
        }
        return due == 0 ? BigDecimal.ZERO.setScale(2)
                : complianceWeight.multiply(BigDecimal.valueOf(earned / due)).setScale(2, RoundingMode.HALF_UP);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 4);
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private String admit(Api admin, String branch, String name, String accountSubject) {
        LocalDate birth = LocalDate.of(1985, 4, 12);
        Map<String, Object> profile = new HashMap<>();
        profile.put("name", name);
        profile.put("gender", "FEMALE");
        profile.put("ethnicity", "汉族");
        profile.put("birthDate", birth.toString());
        profile.put("nationalId", NationalIds.bornOn(birth));
        profile.put("education", "研究生");
        profile.put("post", "科员");
        profile.put("joinedOn", "2010-07-01");
        profile.put("leadingCadre", false);
        profile.put("partyAffairsCadre", "NONE");
        Map<String, Object> body = new HashMap<>();
        body.put("branchId", branch);
        body.put("status", "FULL");
        body.put("profile", profile);
        body.put("contact", Map.of("phone", "13900000000"));
        body.put("accountSubject", accountSubject);
        return created(admin.post("/api/org/members", body));
    }

    private static Api.Response await(String what, Supplier<Api.Response> call, Predicate<Api.Response> until) {
        return Waiting.until(what, WITHIN, Duration.ofMillis(200), call, until);
    }

    private static JsonNode item(JsonNode card, String item) {
        return card.path("items").valueStream().filter(i -> i.path("item").asString().equals(item)).findFirst().orElseThrow();
    }

    private static double points(JsonNode card, String item) {
        return item(card, item).path("points").asDouble();
    }

    private static List<String> evidence(JsonNode card, String item, String kind) {
        return item(card, item).path("facts").path(kind).valueStream().map(JsonNode::asString).toList();
    }
}

package cn.city.party.org.scorecard;

import cn.city.party.common.rules.RuleBook;
import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.test.Api;
import cn.city.party.common.test.SettableClock;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.OrgApiTest;
import cn.city.party.org.OrgRules;
import cn.city.party.org.member.BranchScope;
import cn.city.party.org.member.MemberRoster;
import cn.city.party.org.organization.OrganizationService;
import cn.city.party.org.transfer.TransferService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department's scorecards are kept while nothing they are scored from changed, and the next ranking after a change,
 * on this instance or another, shows it: a fact of the department, a member admitted to one of its branches, a new
 * version of the year's rules. The test builds a department of its own, so the figures and evaluations are exact.
 */
@PlatformIntegrationTest
class ScorecardDepartmentTablesIT extends OrgApiTest {

    /** A year no other test scores or sets rules for. */
    private static final int YEAR = 2034;
    private static final String CITY = "/api/org/scorecards/rankings/city?year=" + YEAR;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DepartmentChanges changes;

    @Autowired
    ScopedMongo store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    BranchScope branchScope;

    @Autowired
    PlatformCalendar calendar;

    @Autowired
    MemberRoster roster;

    @Autowired
    OrganizationService organizations;

    @Autowired
    RuleBook book;

    @Autowired
    RuleKind<OrgRules.BranchSize> branchSize;

    @Autowired
    TransferService transfers;

    @Test
    void the_rankings_are_served_from_the_kept_scorecards_until_a_fact_a_member_or_the_rules_change() {
        Api committee = api().as("work-committee");
        String department = "kept-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(committee.post("/api/org/departments", Map.of("code", department, "name", "市测试局",
                "staffHeadcount", 40)).status()).isEqualTo(201);
        String organ = created(committee.post("/api/org/organizations", Map.of("department", department,
                "type", "ORGAN_COMMITTEE", "name", "市测试局机关党委")));
        String first = branch(committee, department, organ, "第一党支部");
        String second = branch(committee, department, organ, "第二党支部");
        String a = admit("work-committee", first, "甲");
        String b = admit("work-committee", first, "乙");
        await("the scorecards know " + department + " and both its branches", () -> ranking(committee, department).size() == 2
                && committee.get(CITY).json().valueStream().anyMatch(d -> d.path("name").asString().equals("市测试局")));
        // a: all required study done; b: none yet
        long before = count(department);
        credits(department, first, a, 3);
        credits(department, first, b, 0);
        awaitChanges(department, before + 2);

        // nothing changed: the second call evaluates no department and answers the same
        settle(committee);
        JsonNode city = committee.get(CITY).json();
        double evaluations = evaluations();
        assertThat(committee.get(CITY).json()).isEqualTo(city);
        assertThat(evaluations()).as("the kept scorecards").isEqualTo(evaluations);
        // the first branch: dues 15 and study 25 × 1/2; the second: dues 15 alone (no members, nothing studied)
        JsonNode placed = placed(city, department);
        assertThat(placed.path("name").asString()).isEqualTo("市测试局");
        assertThat(placed.path("branches").asInt()).isEqualTo(2);
        assertThat(placed.path("averageTotal").decimalValue()).isEqualByComparingTo("21.25");
        assertThat(placed.path("branchesByStars").path("0").asInt()).isEqualTo(2);
        assertThat(placed.path("rank").asInt()).isEqualTo(rankAmong(city, department));
        // the department's ranking and weak branches come from the same kept scorecards
        assertThat(totals(ranking(committee, department))).containsExactly(first + "=1:27.50", second + "=2:15.00");
        assertThat(weakFor(committee, department, first)).contains("TOO_FEW_FULL_MEMBERS");
        assertThat(evaluations()).isEqualTo(evaluations);

        // (a) a fact of the department: b has done its study too; another instance's next call sees it as well
        ScorecardService otherInstance = otherInstance();
        assertThat(cityAsSystem(otherInstance).get(department).averageTotal()).isEqualByComparingTo("21.25");
        double departmentEvaluations = evaluations(department);
        double branchesScored = branchesScored(department);
        before = count(department);
        credits(department, first, b, 3);
        awaitChanges(department, before + 1);
        JsonNode studied = committee.get(CITY).json();
        assertThat(placed(studied, department).path("averageTotal").decimalValue()).isEqualByComparingTo("27.50");
        assertThat(evaluations()).as("exactly one department evaluated again").isEqualTo(evaluations + 1);
        assertThat(evaluations(department)).isEqualTo(departmentEvaluations + 1);
        assertThat(branchesScored(department)).as("the first branch alone scored again").isEqualTo(branchesScored + 1);
        assertThat(cityAsSystem(otherInstance).get(department).averageTotal()).as("on the other instance too")
                .isEqualByComparingTo("27.50");

        // (b) a member admitted to the first branch: it now has three full members, two of whom studied
        String c = admit("work-committee", first, "丙");
        JsonNode admitted = committee.get(CITY).json();
        // the first branch: 15 + 25 × 2/3 = 31.67
        assertThat(placed(admitted, department).path("averageTotal").decimalValue()).isEqualByComparingTo("23.34");
        assertThat(evaluations()).isEqualTo(evaluations + 2);
        assertThat(evaluations(department)).isEqualTo(departmentEvaluations + 2);
        assertThat(branchesScored(department)).as("the first branch alone again").isEqualTo(branchesScored + 2);
        assertThat(totals(ranking(committee, department))).containsExactly(first + "=1:31.67", second + "=2:15.00");
        assertThat(weakFor(committee, department, first)).doesNotContain("TOO_FEW_FULL_MEMBERS");
        assertThat(evaluations()).isEqualTo(evaluations + 2);

        // (c) a new version of the year's rules: study is worth 40, every department is evaluated again
        Api.Response set = committee.put("/api/org/scorecards/rules/" + YEAR, rules(40));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        JsonNode reweighed = committee.get(CITY).json();
        // the first branch: 15 + 40 × 2/3 = 41.67
        assertThat(placed(reweighed, department).path("averageTotal").decimalValue()).isEqualByComparingTo("28.34");
        assertThat(evaluations()).isEqualTo(evaluations + 2 + reweighed.size());
        assertThat(branchesScored(department)).as("both branches, under the new rules").isEqualTo(branchesScored + 4);
        assertThat(committee.get(CITY).json()).isEqualTo(reweighed);
        assertThat(evaluations()).isEqualTo(evaluations + 2 + reweighed.size());

        // (d) 丙 moves to the second branch: both rolls changed, both branches scored again
        // (through the service: the department made here has no staff account of its own to start and accept it)
        CurrentCaller.runAsSystem("scorecard-it", () -> transfers.accept(transfers.start(c, second, "工作调动").id(),
                "同意接收"));
        // the first branch: 15 + 40 × 2/2 = 55; the second: 15 + 40 × 0/1 (丙 has studied nothing)
        assertThat(totals(ranking(committee, department))).containsExactly(first + "=1:55.00", second + "=2:15.00");
        assertThat(branchesScored(department)).as("both branches of the transfer").isEqualTo(branchesScored + 6);

        // another department's admin still gets no city ranking and no ranking of this department
        assertThat(api().as("caizheng-admin").get(CITY).status()).isEqualTo(403);
        assertThat(api().as("caizheng-admin").get("/api/org/scorecards/rankings/departments/" + department).status())
                .isEqualTo(403);
        assertThat(api().as("caizheng-admin").get("/api/org/scorecards/weak-branches?department=" + department).status())
                .isEqualTo(403);
        assertThat(api().as("caizheng-admin").get("/api/org/scorecards/weak-branches?year=" + YEAR).json().valueStream()
                .map(card -> card.path("department").asString()).distinct().toList()).isSubsetOf("caizheng");
        assertThat(api().as("caizheng-secretary").get("/api/org/scorecards/rankings/departments/caizheng").status())
                .isEqualTo(403);
    }

    @Test
    void on_a_new_day_the_next_call_evaluates_again() {
        SettableClock clock = new SettableClock(LocalDate.of(YEAR, 6, 1).atTime(9, 0).atZone(SHANGHAI).toInstant());
        SimpleMeterRegistry instanceMeters = new SimpleMeterRegistry();
        ScorecardService instance = instance(new PlatformCalendar(clock, SHANGHAI), instanceMeters);
        Counter jiaoyu = instanceMeters.counter(DepartmentTables.EVALUATIONS, "department", "jiaoyu");

        List<ScorecardService.Ranked> first = CurrentCaller.runAsSystem("scorecard-it",
                () -> instance.departmentRanking("jiaoyu", YEAR));
        clock.set(LocalDate.of(YEAR, 6, 1).atTime(23, 59).atZone(SHANGHAI).toInstant());
        assertThat(CurrentCaller.runAsSystem("scorecard-it", () -> instance.departmentRanking("jiaoyu", YEAR)))
                .as("later the same day: the kept scorecards").isEqualTo(first);
        assertThat(jiaoyu.count()).isEqualTo(1);

        clock.set(LocalDate.of(YEAR, 6, 2).atStartOfDay(SHANGHAI).toInstant());
        List<ScorecardService.Ranked> nextDay = CurrentCaller.runAsSystem("scorecard-it",
                () -> instance.departmentRanking("jiaoyu", YEAR));
        assertThat(jiaoyu.count()).isEqualTo(2);
        // the year under way is judged on today: the term-on-time item shows the new reference day
        assertThat(nextDay.get(0).scorecard().item(ScoreItem.TERM_ON_TIME).facts().get("referenceDate"))
                .containsExactly("2034-06-02");
    }

    @Test
    void the_warm_up_evaluates_every_department_so_that_the_first_caller_of_the_day_waits_for_none() {
        SettableClock clock = new SettableClock(LocalDate.of(YEAR, 7, 1).atTime(0, 0, 30).atZone(SHANGHAI).toInstant());
        SimpleMeterRegistry instanceMeters = new SimpleMeterRegistry();
        ScorecardService instance = instance(new PlatformCalendar(clock, SHANGHAI), instanceMeters);

        instance.warmUp();
        double warmed = evaluations(instanceMeters);
        int departments = CurrentCaller.runAsSystem("scorecard-it", () -> instance.cityRanking(YEAR)).size();
        assertThat(warmed).as("each department with an active branch, once").isEqualTo(departments).isPositive();
        // the first caller is served from what the warm-up evaluated (again, should another test's fact have just
        // changed a department in between)
        await("a city ranking right after the warm-up evaluates nothing", () -> {
            instance.warmUp();
            double before = evaluations(instanceMeters);
            CurrentCaller.runAsSystem("scorecard-it", () -> instance.cityRanking(YEAR));
            return evaluations(instanceMeters) == before;
        });
    }

    @Test
    void a_department_without_a_change_count_yet_is_scored_from_count_zero() {
        String department = "none-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(changes.of(List.of(department))).isEqualTo(Map.of(department, DepartmentChanges.Counts.NONE));
        changes.raise(department, List.of("b-1"));
        changes.raise(department, List.of("b-1", "b-2"));
        changes.raise(department);
        assertThat(changes.of(List.of(department))).isEqualTo(Map.of(department,
                new DepartmentChanges.Counts(3, 1, Map.of("b-1", 2L, "b-2", 1L))));
    }

    private String branch(Api committee, String department, String organ, String name) {
        return created(committee.post("/api/org/organizations", Map.of("department", department, "type", "BRANCH",
                "name", name, "parentId", organ)));
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    /** study-service's credits of {@code member} in the year: {@code completed} of three required items. */
    private void credits(String department, String branch, String member, int completed) {
        publish("party.study.credits", "party.study.credits.updated.v1", member, department, Map.of("memberId", member,
                "department", department, "branchId", branch, "year", YEAR, "creditHours", 12.5, "target", 32,
                "requiredCompleted", completed, "requiredTotal", 3));
    }

    private long count(String department) {
        return changes.of(List.of(department)).get(department).changes();
    }

    private void awaitChanges(String department, long atLeast) {
        await("the scorecards count the facts of " + department, () -> count(department) >= atLeast);
    }

    /** Until a city ranking evaluates nothing: what other tests left in flight has been counted and evaluated. */
    private void settle(Api committee) {
        await("a city ranking from kept scorecards alone", () -> {
            double before = evaluations();
            committee.get(CITY);
            return evaluations() == before;
        });
    }

    private double evaluations() {
        return evaluations(meters);
    }

    private double branchesScored(String department) {
        Counter counter = meters.find(DepartmentTables.BRANCH_EVALUATIONS).tag("department", department).counter();
        return counter == null ? 0 : counter.count();
    }

    private static double evaluations(MeterRegistry meters) {
        return meters.find(DepartmentTables.EVALUATIONS).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double evaluations(String department) {
        Counter counter = meters.find(DepartmentTables.EVALUATIONS).tag("department", department).counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonNode placed(JsonNode city, String department) {
        return city.valueStream().filter(d -> d.path("department").asString().equals(department)).findFirst()
                .orElseThrow(() -> new AssertionError(department + " not in " + city));
    }

    /** The place the department's average earns: one more than the departments with a higher one. */
    private static int rankAmong(JsonNode city, String department) {
        BigDecimal average = placed(city, department).path("averageTotal").decimalValue();
        return 1 + (int) city.valueStream().filter(d -> d.path("averageTotal").decimalValue().compareTo(average) > 0).count();
    }

    private static JsonNode ranking(Api committee, String department) {
        Api.Response ranking = committee.get("/api/org/scorecards/rankings/departments/" + department + "?year=" + YEAR);
        assertThat(ranking.status()).as(ranking.toString()).isEqualTo(200);
        return ranking.json();
    }

    /** Each place as {@code branch=rank:total}. */
    private static List<String> totals(JsonNode ranking) {
        return ranking.valueStream().map(r -> r.path("scorecard").path("branchId").asString() + "=" + r.path("rank").asInt()
                + ":" + r.path("scorecard").path("total").decimalValue().setScale(2)).toList();
    }

    /** The criteria the branch is listed weak for in the department's weak branches. */
    private static List<String> weakFor(Api committee, String department, String branch) {
        return committee.get("/api/org/scorecards/weak-branches?department=" + department + "&year=" + YEAR).json()
                .valueStream().filter(card -> card.path("branchId").asString().equals(branch))
                .flatMap(card -> card.path("weakReasons").valueStream()).map(r -> r.path("criterion").asString()).toList();
    }

    private static Map<String, Object> rules(int studyWeight) {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("complianceWeight", 35);
        rules.put("qualityWeight", 10);
        rules.put("studyWeight", studyWeight);
        rules.put("termOnTimeWeight", 10);
        rules.put("committeeCompleteWeight", 5);
        rules.put("duesWeight", 15);
        rules.put("duesArrearsDeduction", 3);
        rules.put("sanctionDeduction", 5);
        rules.put("accountabilityDeduction", 10);
        rules.put("lateEntryDeduction", 1);
        rules.put("starThresholds", List.of(60, 70, 80, 90, 95));
        rules.put("reason", "学习教育加权");
        return rules;
    }

    /** A second instance on the same database: its own kept scorecards and meters. */
    private ScorecardService otherInstance() {
        return instance(calendar, new SimpleMeterRegistry());
    }

    private ScorecardService instance(PlatformCalendar calendar, MeterRegistry meters) {
        return new ScorecardService(store, mongo, branchScope, calendar, roster, organizations, book, branchSize,
                new DepartmentTables(changes, 256, meters));
    }

    private static Map<String, ScorecardService.DepartmentRank> cityAsSystem(ScorecardService instance) {
        Map<String, ScorecardService.DepartmentRank> byDepartment = new LinkedHashMap<>();
        CurrentCaller.runAsSystem("scorecard-it", () -> instance.cityRanking(YEAR))
                .forEach(d -> byDepartment.put(d.department(), d));
        return byDepartment;
    }
}

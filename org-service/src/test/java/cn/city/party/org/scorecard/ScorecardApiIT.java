package cn.city.party.org.scorecard;

import cn.city.party.common.test.Api;
import cn.city.party.common.contracts.DisciplineEventSamples;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecards through the real broker: other modules' events, produced exactly as their contracts say, become
 * points with their evidence; duplicates and late events change nothing; the order of the events does not matter;
 * a rule change recomputes the year; every endpoint keeps to the caller's department and branch.
 */
@PlatformIntegrationTest
class ScorecardApiIT extends OrgApiTest {

    private static final int YEAR = 2026;

    /** One event as the producer publishes it, at a chosen time, checked against this consumer's copy of the contract. */
    record Fact(String topic, String type, String key, String department, Map<String, Object> data, String id, Instant time) {
        Fact withId(String newId) {
            return new Fact(topic, type, key, department, data, newId, time);
        }

        Fact about(String branch) {
            Map<String, Object> moved = new LinkedHashMap<>(data);
            moved.replaceAll((k, v) -> v instanceof String s && (k.equals("branchId") || k.equals("organizationId")) ? branch : v);
            // a member, sanction or activity belongs to one branch: each branch gets its own
            moved.replaceAll((k, v) -> v instanceof String s && k.endsWith("Id") && !k.equals("branchId")
                    && !k.equals("organizationId") ? s + "-" + branch : v);
            return new Fact(topic, type, key + "-" + branch, department, moved, UUID.randomUUID().toString(), time);
        }
    }

    private void send(Fact f) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", f.id());
        envelope.put("source", "/party/" + f.type().split("\\.")[1] + "-service");
        envelope.put("type", f.type());
        envelope.put("subject", f.key());
        envelope.put("time", f.time().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("dataschema", "urn:party-platform:schema:" + f.type());
        envelope.put("department", f.department());
        envelope.put("data", f.data());
        JsonNode event = Api.JSON.valueToTree(envelope);
        EventContracts.assertValid(event, EventContracts.schemaResource(f.type()));
        publishRaw(f.topic(), f.key(), event.toString());
    }

    private static Fact fact(String topic, String type, String key, Map<String, Object> data, Instant time) {
        return new Fact(topic, type, key, (String) data.get("department"), data, UUID.randomUUID().toString(), time);
    }

    /**
     * activity-service's frozen result of a month ({@code 2026-01}) or quarter ({@code 2026-Q1}) in which {@code met}
     * of {@code total} rules were met ({@code party.activity.compliance.evaluated.v2}).
     */
    static Fact compliance(String branch, String period, int total, int met, double attendance, List<String> activities, Instant at) {
        boolean quarter = period.contains("Q");
        LocalDate start = quarter ? LocalDate.of(Integer.parseInt(period.substring(0, 4)), 3 * (period.charAt(6) - '0') - 2, 1)
                : LocalDate.parse(period + "-01");
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            boolean ok = i < met;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ruleId", "RULE_" + i + (quarter ? "/QUARTER" : "/MONTH") + "/BRANCH/NONE");
            r.put("type", "RULE_" + i);
            r.put("scope", "BRANCH");
            r.put("condition", "NONE");
            r.put("status", ok ? "MET" : "MISSED");
            r.put("required", 1);
            r.put("met", ok ? 1.0 : 0.0);
            r.put("held", ok ? 1 : 0);
            r.put("score", ok ? 1.0 : 0.0);
            r.put("weight", quarter ? 0.25 : 1.0 / 12);
            rules.add(r);
        }
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("sittings", activities.size());
        quality.put("attendanceRate", attendance);
        quality.put("lateEntryShare", 0.0);
        quality.put("multiPurposeShare", 0.0);
        quality.put("minutesPresentShare", 1.0);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("department", "caizheng");
        d.put("branchId", branch);
        d.put("year", start.getYear());
        d.put("periodKind", quarter ? "QUARTER" : "MONTH");
        d.put("period", period);
        d.put("periodStart", start.toString());
        d.put("periodEnd", start.plusMonths(quarter ? 3 : 1).minusDays(1).toString());
        d.put("status", met < total ? "MISSED" : "MET");
        d.put("frozen", true);
        d.put("evaluatedAt", at.toString());
        d.put("ruleSetVersion", 0);
        d.put("rulesInYear", total);
        d.put("rules", rules);
        d.put("quality", quality);
        d.put("activityIds", activities);
        // keyed by the branch (not <branch>:<period> as activity-service keys them) so that a test's marker event
        // comes after the events before it on one partition
        return fact("party.activity.compliance", "party.activity.compliance.evaluated.v2", branch, d, at);
    }

    static Fact lateActivity(String branch, String activityId, Instant at) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("activityId", activityId);
        d.put("department", "caizheng");
        d.put("branchId", branch);
        d.put("partyGroupId", null);
        d.put("types", List.of("PARTY_LECTURE"));
        d.put("title", "党课（补录）");
        d.put("plannedAt", "2026-03-05T01:00:00Z");
        d.put("heldAt", "2026-03-05T01:00:00Z");
        d.put("lateEntry", true);
        d.put("attendanceRate", 0.9);
        d.put("status", "HELD");
        return fact("party.activity.activity", "party.activity.activity.held.v1", activityId, d, at);
    }

    static Fact credits(String branch, String memberId, int completed, int total, Instant at) {
        return fact("party.study.credits", "party.study.credits.updated.v1", memberId, Map.of("memberId", memberId,
                "department", "caizheng", "branchId", branch, "year", YEAR, "creditHours", 12.5, "target", 32,
                "requiredCompleted", completed, "requiredTotal", total), at);
    }

    static Fact sanction(String branch, String sanctionId, String memberId, Instant at) {
        return fact("party.discipline.sanction", "party.discipline.sanction.imposed.v1", sanctionId,
                DisciplineEventSamples.sanctionImposed(sanctionId, memberId, "caizheng", branch, "WARNING",
                        LocalDate.parse("2026-03-10"), LocalDate.parse("2026-09-09")), at);
    }

    static Fact revoked(String sanctionId, String memberId, Instant at) {
        return fact("party.discipline.sanction", "party.discipline.sanction.revoked.v1", sanctionId,
                DisciplineEventSamples.sanctionRevoked(sanctionId, memberId, "caizheng", LocalDate.parse("2026-04-01")), at);
    }

    private JsonNode scorecard(String user, String branch, int year) {
        Api.Response r = api().as(user).get("/api/org/scorecards/branches/" + branch + "?year=" + year);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private JsonNode awaitScorecard(String branch, int year, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await("scorecard of " + branch + " " + year, () -> {
            Api.Response r = api().as("caizheng-admin").get("/api/org/scorecards/branches/" + branch + "?year=" + year);
            last[0] = r.status() == 200 ? r.json() : null;
            return last[0] != null && until.test(last[0]);
        });
        return last[0];
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

    /** A new branch of caizheng, once the scorecards know it (from the organization event). */
    private String assessedBranch() {
        String branch = newBranch("caizheng-admin", "caizheng");
        awaitScorecard(branch, YEAR, card -> true);
        return branch;
    }

    @Test
    void eventsOfTheModulesBecomePointsWithTheFactsBehindThem() {
        String branch = assessedBranch();
        JsonNode empty = scorecard("caizheng-admin", branch, YEAR);
        assertThat(empty.path("total").asDouble()).isEqualTo(15.0);
        assertThat(empty.path("rulesVersion").asInt()).isZero();

        Instant t = Instant.now();
        String activity = "act-" + UUID.randomUUID();
        String sanctionId = "s-" + UUID.randomUUID();
        send(compliance(branch, "2026-Q1", 4, 3, 0.8, List.of("meeting-1", "meeting-2"), t));
        send(lateActivity(branch, activity, t));
        send(credits(branch, "m-a", 3, 3, t));
        send(credits(branch, "m-b", 1, 3, t));
        send(sanction(branch, sanctionId, "m-b", t));

        JsonNode card = awaitScorecard(branch, YEAR, c -> !evidence(c, "SANCTIONS", "sanctions").isEmpty()
                && points(c, "STUDY") > 0 && points(c, "COMPLIANCE") > 0 && points(c, "LATE_ENTRY") < 0);
        assertThat(points(card, "COMPLIANCE")).isEqualTo(26.25);
        assertThat(evidence(card, "COMPLIANCE", "activities")).containsExactly("meeting-1", "meeting-2");
        assertThat(points(card, "QUALITY")).isEqualTo(8.0);
        assertThat(points(card, "STUDY")).isEqualTo(12.5);
        assertThat(evidence(card, "STUDY", "membersCompleted")).containsExactly("m-a");
        assertThat(evidence(card, "STUDY", "membersIncomplete")).containsExactly("m-b");
        assertThat(evidence(card, "SANCTIONS", "sanctions")).containsExactly(sanctionId);
        assertThat(points(card, "SANCTIONS")).isEqualTo(-5.0);
        assertThat(evidence(card, "LATE_ENTRY", "activities")).containsExactly(activity);
        assertThat(card.path("total").asDouble()).isEqualTo(26.25 + 8 + 12.5 + 15 - 5 - 1);

        // the department's ranking and its export show the branch
        JsonNode ranking = api().as("caizheng-admin").get("/api/org/scorecards/rankings/departments/caizheng?year=" + YEAR).json();
        JsonNode placed = ranking.valueStream().filter(r -> r.path("scorecard").path("branchId").asString().equals(branch))
                .findFirst().orElseThrow();
        assertThat(placed.path("scorecard").path("total").asDouble()).isEqualTo(card.path("total").asDouble());
        assertThat(placed.path("rank").asInt()).isPositive();
        Api.Response xlsx = api().as("caizheng-admin").getBytes("/api/org/scorecards/rankings/departments/caizheng/export?year=" + YEAR);
        assertThat(xlsx.status()).isEqualTo(200);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("排名");
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("组织生活落实");
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(ranking.size() + 1);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        // the year before is empty: the comparison shows the whole total as the change
        JsonNode comparison = api().as("caizheng-admin").get("/api/org/scorecards/branches/" + branch + "/comparison?year=" + YEAR).json();
        assertThat(comparison.path("previousYear").asInt()).isEqualTo(YEAR - 1);
        assertThat(comparison.path("change").asDouble()).isEqualTo(card.path("total").asDouble() - comparison.path("previousTotal").asDouble());
    }

    @Test
    void aDuplicateOrAnOlderEventChangesNothingAndARevocationCountsWhateverItsOrder() {
        String branch = assessedBranch();
        Instant t = Instant.now();
        Fact latest = compliance(branch, "2026-Q2", 4, 4, 1.0, List.of("q2-a"), t);
        send(latest);
        awaitScorecard(branch, YEAR, c -> points(c, "COMPLIANCE") == 35.0);

        // an older evaluation of the same period, delivered late, and a redelivery of the latest: nothing changes
        send(compliance(branch, "2026-Q2", 4, 1, 0.2, List.of("q2-old"), t.minusSeconds(60)));
        send(latest);
        // the revocation arrives before the sanction it revokes
        String sanctionId = "s-" + UUID.randomUUID();
        send(revoked(sanctionId, "m-c", t.plusSeconds(1)));
        send(sanction(branch, sanctionId, "m-c", t));
        // a marker event after them on the same partition as the compliance events: once it shows, they were consumed
        send(compliance(branch, "2026-Q3", 2, 2, 1.0, List.of("q3-a"), t));
        JsonNode card = awaitScorecard(branch, YEAR, c -> evidence(c, "COMPLIANCE", "periods").contains("2026-Q3")
                && evidence(c, "SANCTIONS", "revoked").contains(sanctionId));
        assertThat(evidence(card, "COMPLIANCE", "activities")).containsExactly("q2-a", "q3-a");
        assertThat(points(card, "COMPLIANCE")).isEqualTo(35.0);
        assertThat(points(card, "QUALITY")).isEqualTo(10.0);
        assertThat(evidence(card, "SANCTIONS", "sanctions")).isEmpty();
        assertThat(points(card, "SANCTIONS")).isZero();
    }

    @Test
    void theSameEventsInAnyOrderOrReplayedAgainBuildTheSameScorecard() {
        String first = assessedBranch();
        String second = assessedBranch();
        Instant t = Instant.now();
        List<Fact> history = new ArrayList<>();
        history.add(compliance("X", "2026-01", 2, 1, 0.5, List.of("m1"), t.minusSeconds(30)));
        history.add(compliance("X", "2026-01", 2, 2, 0.75, List.of("m1", "m2"), t.minusSeconds(20)));
        history.add(credits("X", "m-d", 0, 2, t.minusSeconds(30)));
        history.add(credits("X", "m-d", 2, 2, t.minusSeconds(10)));
        history.add(sanction("X", "s", "m-e", t.minusSeconds(5)));
        history.add(lateActivity("X", "late", t.minusSeconds(5)));

        List<Fact> forFirst = history.stream().map(f -> f.about(first)).toList();
        forFirst.forEach(this::send);
        List<Fact> forSecond = new ArrayList<>(history.stream().map(f -> f.about(second)).toList());
        java.util.Collections.reverse(forSecond);
        forSecond.forEach(this::send);

        Predicate<JsonNode> complete = c -> points(c, "STUDY") == 25.0 && points(c, "COMPLIANCE") == 35.0
                && points(c, "SANCTIONS") < 0 && points(c, "LATE_ENTRY") < 0;
        JsonNode a = awaitScorecard(first, YEAR, complete);
        JsonNode b = awaitScorecard(second, YEAR, complete);
        assertThat(a.path("total").asDouble()).isEqualTo(b.path("total").asDouble());
        assertThat(points(a, "QUALITY")).isEqualTo(7.5).isEqualTo(points(b, "QUALITY"));

        // replaying the whole history (the same event ids, as a reset consumer reads them again) changes nothing
        forFirst.forEach(this::send);
        send(compliance(first, "2026-02", 0, 0, 0.75, List.of(), t));
        JsonNode replayed = awaitScorecard(first, YEAR, c -> evidence(c, "COMPLIANCE", "periods").contains("2026-02"));
        assertThat(replayed.path("total").asDouble()).isEqualTo(a.path("total").asDouble());
        assertThat(replayed.path("items").toString().replace("2026-02", "").replace(",\"\"", ""))
                .isEqualTo(a.path("items").toString());
    }

    @Test
    void theWorkCommitteeSetsTheYearsRulesAndTheYearIsRecomputed() {
        int year = 2031;
        String branch = assessedBranch();
        send(compliance(branch, "2031-Q1", 2, 1, 1.0, List.of("x"), Instant.now()));
        JsonNode before = awaitScorecard(branch, year, c -> points(c, "COMPLIANCE") > 0);
        assertThat(points(before, "COMPLIANCE")).isEqualTo(17.5);

        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("complianceWeight", 50);
        rules.put("qualityWeight", 10);
        rules.put("studyWeight", 10);
        rules.put("termOnTimeWeight", 10);
        rules.put("committeeCompleteWeight", 5);
        rules.put("duesWeight", 15);
        rules.put("duesArrearsDeduction", 3);
        rules.put("sanctionDeduction", 8);
        rules.put("accountabilityDeduction", 10);
        rules.put("lateEntryDeduction", 2);
        rules.put("starThresholds", List.of(20, 40, 60, 80, 95));

        assertThat(api().as("caizheng-admin").put("/api/org/scorecards/rules/" + year, rules).status()).isEqualTo(403);
        Map<String, Object> bad = new LinkedHashMap<>(rules);
        bad.put("starThresholds", List.of(20, 40, 40, 80, 95));
        Api.Response refused = api().as("work-committee").put("/api/org/scorecards/rules/" + year, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("starThresholds[2]");
        assertThat(refused.body()).contains("星级门槛须逐级递增");
        assertThat(api().as("work-committee").inLanguage("en").put("/api/org/scorecards/rules/" + year, bad).body())
                .contains("Star thresholds must rise");

        int version = api().as("work-committee").get("/api/org/scorecards/rules/" + year).json().path("version").asInt();
        Api.Response set = api().as("work-committee").put("/api/org/scorecards/rules/" + year, rules);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("version").asInt()).isEqualTo(version + 1);

        JsonNode after = scorecard("caizheng-admin", branch, year);
        assertThat(after.path("rulesVersion").asInt()).isEqualTo(version + 1);
        assertThat(points(after, "COMPLIANCE")).isEqualTo(25.0);
        assertThat(after.path("stars").asInt()).isEqualTo(2); // 25 + 10 (quality) + 15 (dues) = 50
    }

    @Test
    void eachCallerSeesOnlyTheScorecardsOfItsDepartmentOrBranch() {
        String branch = assessedBranch();
        String path = "/api/org/scorecards/branches/" + branch + "?year=" + YEAR;
        assertThat(api().as("work-committee").get(path).status()).isEqualTo(200);
        assertThat(api().as("caizheng-admin").get(path).status()).isEqualTo(200);
        assertThat(api().as("jiaoyu-admin").get(path).status()).isEqualTo(404);
        assertThat(api().as("caizheng-secretary").get(path).status()).isEqualTo(404);
        assertThat(api().as("caizheng-secretary").get("/api/org/scorecards/branches/caizheng-branch-1?year=" + YEAR).status())
                .isEqualTo(200);
        assertThat(api().as("caizheng-member").get(path).status()).isEqualTo(403);
        assertThat(api().as("caizheng-inspector").get(path).status()).isEqualTo(403);
        assertThat(api().anonymous().get(path).status()).isEqualTo(401);

        assertThat(api().as("jiaoyu-admin").get("/api/org/scorecards/rankings/departments/caizheng").status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-admin").getBytes("/api/org/scorecards/rankings/departments/caizheng/export").status()).isEqualTo(403);
        assertThat(api().as("caizheng-secretary").get("/api/org/scorecards/rankings/departments/caizheng").status()).isEqualTo(403);
        assertThat(api().as("caizheng-admin").get("/api/org/scorecards/rankings/city").status()).isEqualTo(403);
        assertThat(api().as("caizheng-admin").get(path.replace("year=" + YEAR, "year=1900")).status()).isEqualTo(400);

        JsonNode city = api().as("work-committee").get("/api/org/scorecards/rankings/city?year=" + YEAR).json();
        assertThat(city.valueStream().map(d -> d.path("department").asString()).toList()).contains("caizheng", "jiaoyu");
        assertThat(city.valueStream().filter(d -> d.path("department").asString().equals("caizheng")).findFirst()
                .orElseThrow().path("name").asString()).isEqualTo("市财政局");
        JsonNode ranking = api().as("caizheng-admin").get("/api/org/scorecards/rankings/departments/caizheng?year=" + YEAR).json();
        assertThat(ranking.valueStream().map(r -> r.path("scorecard").path("department").asString()).distinct().toList())
                .containsExactly("caizheng");
    }

    @Test
    void aBranchMeetingAWeakBranchCriterionIsFlaggedOnItsScorecardAndListedForTheDepartmentAndTheCity() {
        String branch = assessedBranch();
        Instant t = Instant.now();
        send(compliance(branch, "2026-Q2", 2, 1, 1.0, List.of("q2"), t));
        send(compliance(branch, "2026-Q3", 2, 0, 1.0, List.of("q3"), t));

        JsonNode card = awaitScorecard(branch, YEAR, c -> evidence(c, "COMPLIANCE", "periods").contains("2026-Q3"));
        assertThat(card.path("weak").asBoolean()).isTrue();
        // a new branch: no members (below three full members), no secretary on record this year, Q2 and Q3 missed
        assertThat(card.path("weakReasons").valueStream().map(r -> r.path("criterion").asString()).toList())
                .containsExactly("SECRETARY_VACANT", "QUARTERS_MISSED", "TOO_FEW_FULL_MEMBERS");
        assertThat(card.path("weakReasons").get(1).path("detail").asString()).isEqualTo("2026-Q2,2026-Q3");
        assertThat(card.path("weakReasons").get(1).path("label").asString()).isEqualTo("连续多个季度未落实组织生活");

        JsonNode department = api().as("caizheng-admin").get("/api/org/scorecards/weak-branches?department=caizheng&year=" + YEAR).json();
        assertThat(department.valueStream().map(c -> c.path("branchId").asString()).toList()).contains(branch);
        assertThat(department.valueStream().allMatch(c -> c.path("weak").asBoolean() && c.path("department").asString().equals("caizheng"))).isTrue();
        JsonNode city = api().as("work-committee").get("/api/org/scorecards/weak-branches?year=" + YEAR).json();
        assertThat(city.valueStream().map(c -> c.path("branchId").asString()).toList()).contains(branch);
        assertThat(api().as("jiaoyu-admin").get("/api/org/scorecards/weak-branches?department=caizheng").status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-admin").get("/api/org/scorecards/weak-branches").json().valueStream()
                .map(c -> c.path("department").asString()).distinct().toList()).doesNotContain("caizheng");
        assertThat(api().as("caizheng-secretary").get("/api/org/scorecards/weak-branches").status()).isEqualTo(403);
    }

    @Test
    void theWorkCommitteeRecordsEachDepartmentsBusinessScoreAndTheCityRankingShowsBothPlaces() {
        int year = 2032;
        String path = "/api/org/scorecards/business-scores/" + year + "/";
        assertThat(api().as("caizheng-admin").put(path + "caizheng", Map.of("score", 90)).status()).isEqualTo(403);
        Api.Response tooHigh = api().as("work-committee").put(path + "caizheng", Map.of("score", 100.5));
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(fields(tooHigh)).containsExactly("score");
        assertThat(tooHigh.body()).contains("业务考核得分须在0到100之间");
        assertThat(api().as("work-committee").put(path + "nowhere", Map.of("score", 90)).status()).isEqualTo(404);

        Api.Response set = api().as("work-committee").put(path + "caizheng", Map.of("score", 88.5));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("score").decimalValue()).isEqualByComparingTo("88.50");
        assertThat(api().as("work-committee").put(path + "jiaoyu", Map.of("score", 80)).status()).isEqualTo(200);
        assertThat(api().as("work-committee").put(path + "jiaoyu", Map.of("score", 96)).status()).isEqualTo(200);

        JsonNode city = api().as("work-committee").get("/api/org/scorecards/rankings/city?year=" + year).json();
        JsonNode caizheng = city.valueStream().filter(d -> d.path("department").asString().equals("caizheng")).findFirst().orElseThrow();
        JsonNode jiaoyu = city.valueStream().filter(d -> d.path("department").asString().equals("jiaoyu")).findFirst().orElseThrow();
        assertThat(jiaoyu.path("businessScore").asDouble()).isEqualTo(96.0);
        assertThat(jiaoyu.path("businessRank").asInt()).isEqualTo(1);
        assertThat(caizheng.path("businessScore").asDouble()).isEqualTo(88.5);
        assertThat(caizheng.path("businessRank").asInt()).isEqualTo(2);
        for (JsonNode d : List.of(caizheng, jiaoyu)) {
            assertThat(d.path("rankDifference").asInt()).isEqualTo(d.path("businessRank").asInt() - d.path("rank").asInt());
        }
    }

    static Fact correctionApproved(String branch, String correctionId, String activityId, int year, String reason,
                                   Instant requestedAt, Instant approvedAt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("correctionId", correctionId);
        d.put("activityId", activityId);
        d.put("department", "caizheng");
        d.put("branchId", branch);
        d.put("year", year);
        d.put("reason", reason);
        d.put("requestedBy", "caizheng-secretary");
        d.put("requestedAt", requestedAt.toString());
        d.put("approvedBy", "caizheng-admin");
        d.put("approvedAt", approvedAt.toString());
        // keyed by the branch so that the test's corrections stay in order on one partition
        return fact("party.activity.correction", "party.activity.correction.approved.v1", branch, d, approvedAt);
    }

    static Fact assessmentClosed(int year, Instant closedAt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("year", year);
        d.put("closedBy", "work-committee");
        d.put("closedAt", closedAt.toString());
        // city-wide: the envelope names no department
        return new Fact("party.activity.assessment", "party.activity.assessment.closed.v1", String.valueOf(year), null, d,
                UUID.randomUUID().toString(), closedAt);
    }

    @Test
    void aClosedYearAndEachApprovedCorrectionOfItShowOnTheBranchScorecard() {
        int year = 2025;
        String branch = newBranch("caizheng-admin", "caizheng");
        JsonNode open = awaitScorecard(branch, year, c -> true);
        assertThat(open.path("assessment").path("closed").asBoolean()).isFalse();
        assertThat(open.path("corrections").isEmpty()).isTrue();

        Instant closedAt = Instant.parse("2026-01-20T02:00:00Z");
        Fact closed = assessmentClosed(year, closedAt);
        send(closed);
        send(closed); // redelivered: still one close
        Fact first = correctionApproved(branch, "corr-1-" + branch, "act-1", year, "出席人数录入有误，据签到表更正",
                Instant.parse("2026-02-02T01:00:00Z"), Instant.parse("2026-02-03T03:00:00Z"));
        Fact second = correctionApproved(branch, "corr-2-" + branch, "act-2", year, "会议时间笔误",
                Instant.parse("2026-02-04T01:00:00Z"), Instant.parse("2026-02-01T03:00:00Z"));
        send(first);
        send(first); // redelivered: shown once
        // a correction of another year does not show on this one
        send(correctionApproved(branch, "corr-0-" + branch, "act-0", year - 1, "旧年度更正",
                Instant.parse("2025-02-01T01:00:00Z"), Instant.parse("2025-02-02T01:00:00Z")));
        send(second);

        JsonNode card = awaitScorecard(branch, year, c -> c.path("corrections").size() >= 2
                && c.path("assessment").path("closed").asBoolean());
        assertThat(card.path("assessment").path("closedAt").asString()).isEqualTo("2026-01-20T02:00:00Z");
        assertThat(card.path("assessment").path("closedBy").asString()).isEqualTo("work-committee");
        // in the order they were approved, each with what record, why, who asked, who approved and when
        assertThat(card.path("corrections").valueStream().map(c -> c.path("correctionId").asString()).toList())
                .containsExactly("corr-2-" + branch, "corr-1-" + branch);
        JsonNode shown = card.path("corrections").get(1);
        assertThat(shown.path("activityId").asString()).isEqualTo("act-1");
        assertThat(shown.path("reason").asString()).isEqualTo("出席人数录入有误，据签到表更正");
        assertThat(shown.path("requestedBy").asString()).isEqualTo("caizheng-secretary");
        assertThat(shown.path("requestedAt").asString()).isEqualTo("2026-02-02T01:00:00Z");
        assertThat(shown.path("approvedBy").asString()).isEqualTo("caizheng-admin");
        assertThat(shown.path("approvedAt").asString()).isEqualTo("2026-02-03T03:00:00Z");
        // the year before is open and shows its own correction only
        JsonNode before = scorecard("caizheng-admin", branch, year - 1);
        assertThat(before.path("assessment").path("closed").asBoolean()).isFalse();
        assertThat(before.path("corrections").valueStream().map(c -> c.path("correctionId").asString()).toList())
                .containsExactly("corr-0-" + branch);
    }
}

package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.activity.HeldRecord;
import cn.city.party.activity.activity.LateEntryRule;
import cn.city.party.activity.period.Period;
import cn.city.party.activity.roster.Roster;
import cn.city.party.activity.roster.RosterCommittee;
import cn.city.party.activity.support.ActivityServiceIT;
import cn.city.party.common.test.Api;
import cn.city.party.common.test.SettableClock;
import cn.city.party.common.test.Waiting;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city table is kept while nothing it was evaluated from changed, and the next call after a change, on this
 * instance or another, shows it: a sitting recorded, a rule version in force, a new day.
 */
class CityTablesIT extends ActivityServiceIT {

    /** A year no other test writes to; every period in it has ended, so its statuses do not depend on today. */
    private static final int YEAR = 2019;
    private static final String PERIOD = String.valueOf(YEAR);
    /** Years no other test writes to: departments' tables kept apart, the counts kept per year before. */
    private static final int DEPARTMENTS_YEAR = 2018;
    private static final int LEGACY_YEAR = 2017;
    private static final int WARM_YEAR = 2036;
    /** A year no other test writes to or publishes rules for, for a second instance whose clock is set into it. */
    private static final int FUTURE = 2035;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReadModelChanges changes;

    @Autowired
    Roster roster;

    @BeforeEach
    void roster() {
        demoRoster();
        // the read model is written with the branch's roster of the moment: all of it, so the figures are exact
        await("the roster of " + BRANCH, () -> !roster.partyGroups(BRANCH).isEmpty()
                && roster.activeMembers(BRANCH).size() == 8
                && roster.committee(BRANCH).flatMap(RosterCommittee::secretaryId).isPresent());
    }

    @Test
    void a_second_call_is_served_from_the_kept_table_and_a_recorded_sitting_or_a_rule_version_in_force_is_in_the_next_call() {
        Api committee = api().as("work-committee");
        CityReadModelAccess otherInstance = new CityReadModelAccess(mongo, Clock.systemUTC());
        recordLateOrganizationalLifeMeeting(3);

        JsonNode first = committee.get("/api/compliance/city?period=" + PERIOD).json();
        double evaluations = evaluations();
        JsonNode second = committee.get("/api/compliance/city?period=" + PERIOD).json();
        assertThat(evaluations()).as("nothing changed: the kept table").isEqualTo(evaluations);
        assertThat(second).isEqualTo(first);
        // one branch with one late 组织生活会 (it counts one half): the nine default rules all missed
        assertThat(first.path("branches").asLong()).isEqualTo(1);
        assertThat(first.path("departments").valueStream().map(d -> d.path("department").asString() + ":"
                + d.path("branches").asInt())).containsExactly("caizheng:1");
        assertThat(summary(first)).isEqualTo(Map.of("MET", 0, "MISSED", 9, "AT_RISK", 0, "ON_TRACK", 0, "UPCOMING", 0));
        assertThat(first.path("quality").path("sittings").asInt()).isEqualTo(1);
        assertThat(first.path("quality").path("lateEntryShare").asDouble()).isEqualTo(1.0);
        assertThat(otherInstance.query(Period.year(YEAR)).summary().get(RuleStatus.MISSED)).isEqualTo(9);
        assertThat(otherInstance.query(Period.year(YEAR)).quality().sittings()).isEqualTo(1);
        assertThat(otherInstance.evaluations()).as("the other instance keeps its own table").isEqualTo(1);

        // (a) a second late 组织生活会, recorded through this instance: the two halves meet the yearly rule
        recordLateOrganizationalLifeMeeting(6);
        JsonNode recorded = committee.get("/api/compliance/city?period=" + PERIOD).json();
        assertThat(summary(recorded)).isEqualTo(Map.of("MET", 1, "MISSED", 8, "AT_RISK", 0, "ON_TRACK", 0, "UPCOMING", 0));
        assertThat(recorded.path("quality").path("sittings").asInt()).isEqualTo(2);
        assertThat(evaluations()).isEqualTo(evaluations + 1);
        ComplianceService.CityView elsewhere = otherInstance.query(Period.year(YEAR));
        assertThat(elsewhere.summary().get(RuleStatus.MET)).as("the other instance's next call too").isEqualTo(1);
        assertThat(elsewhere.quality().sittings()).isEqualTo(2);
        assertThat(otherInstance.evaluations()).isEqualTo(2);

        // (b) the city's rules for the year: two rules, the 组织生活会 met and the 支委会 missed
        assertThat(committee.post("/api/compliance/rules/city/" + YEAR, Map.of("lateEntryDays", 7, "rules", List.of(
                rule("ORGANIZATIONAL_LIFE_MEETING", 1), rule("BRANCH_COMMITTEE_MEETING", 1)))).status()).isEqualTo(201);
        assertThat(summary(committee.get("/api/compliance/city?period=" + PERIOD).json()))
                .isEqualTo(Map.of("MET", 1, "MISSED", 1, "AT_RISK", 0, "ON_TRACK", 0, "UPCOMING", 0));
        // … and the department's stricter own: two 组织生活会, so both rules are missed
        assertThat(api().as("caizheng-admin").post("/api/compliance/rules/caizheng/" + YEAR, Map.of("lateEntryDays", 7,
                "rules", List.of(rule("ORGANIZATIONAL_LIFE_MEETING", 2), rule("BRANCH_COMMITTEE_MEETING", 1)))).status())
                .isEqualTo(201);
        JsonNode stricter = committee.get("/api/compliance/city?period=" + PERIOD).json();
        assertThat(summary(stricter)).isEqualTo(Map.of("MET", 0, "MISSED", 2, "AT_RISK", 0, "ON_TRACK", 0, "UPCOMING", 0));
        assertThat(evaluations()).isEqualTo(evaluations + 3);
        assertThat(committee.get("/api/compliance/city?period=" + PERIOD).json()).isEqualTo(stricter);
        assertThat(evaluations()).isEqualTo(evaluations + 3);
    }

    @Test
    void on_a_new_day_the_next_call_evaluates_again_and_monthly_rules_come_within_their_warning_window() {
        SettableClock clock = new SettableClock(shanghai(FUTURE, 6, 23, 12));
        CityReadModelAccess instance = new CityReadModelAccess(mongo, clock);
        // a branch that has recorded nothing, without Party groups or members: written into the read model directly
        instance.store("cityit", "cityit-branch", "测试支部", FUTURE, List.of(), List.of(), null, List.of(), List.of());
        Period june = Period.month(FUTURE, 6);

        ComplianceService.CityView first = instance.query(june);
        long evaluations = instance.evaluations();
        // eight days left in June: the monthly 支委会 and 主题党日 on track, the quarterly 党员大会 and 党课 at risk, the
        // yearly rules on track; no Party group and no pair of members to talk: met
        assertThat(first.summary()).isEqualTo(Map.of(RuleStatus.MET, 2L, RuleStatus.AT_RISK, 2L,
                RuleStatus.ON_TRACK, 5L, RuleStatus.MISSED, 0L, RuleStatus.UPCOMING, 0L));
        clock.set(shanghai(FUTURE, 6, 23, 23).plus(Duration.ofMinutes(59)));
        assertThat(instance.query(june)).as("later the same day: the kept table").isSameAs(first);
        assertThat(instance.evaluations()).isEqualTo(evaluations);

        clock.set(shanghai(FUTURE, 6, 24, 0));
        ComplianceService.CityView nextDay = instance.query(june);
        assertThat(instance.evaluations()).isEqualTo(evaluations + 1);
        // seven days left: the monthly rules are at risk now
        assertThat(nextDay.summary()).isEqualTo(Map.of(RuleStatus.MET, 2L, RuleStatus.AT_RISK, 4L,
                RuleStatus.ON_TRACK, 3L, RuleStatus.MISSED, 0L, RuleStatus.UPCOMING, 0L));
        assertThat(nextDay.evaluatedAt()).isEqualTo(shanghai(FUTURE, 6, 24, 0));
    }

    @Test
    void a_write_of_one_departments_read_model_evaluates_that_department_again_and_keeps_the_others() {
        CityReadModelAccess instance = new CityReadModelAccess(mongo, Clock.systemUTC());
        Period year = Period.year(DEPARTMENTS_YEAR);
        Instant march = shanghai(DEPARTMENTS_YEAR, 3, 10, 15);
        instance.store("dept-a", "dept-a-1", "甲一支部", DEPARTMENTS_YEAR, List.of(), List.of(), null, List.of(), List.of());
        instance.store("dept-a", "dept-a-2", "甲二支部", DEPARTMENTS_YEAR, List.of(), List.of(), null, List.of(), List.of());
        instance.store("dept-b", "dept-b-1", "乙一支部", DEPARTMENTS_YEAR, List.of(), List.of(), null, List.of(), List.of());

        ComplianceService.CityView first = instance.query(year);
        assertThat(instance.departmentEvaluations()).isEqualTo(2);
        assertThat(first.departments()).extracting(d -> d.department() + ":" + d.branches())
                .containsExactly("dept-a:2", "dept-b:1");
        assertThat(first.branches()).isEqualTo(3);
        assertThat(first.quality().sittings()).isZero();
        // per branch, the rules on Party groups and on talks met (it has neither); the others missed
        assertThat(first.summary().get(RuleStatus.MET)).isEqualTo(6);
        assertThat(instance.query(year)).as("nothing written: the kept city table").isSameAs(first);
        assertThat(instance.departmentEvaluations()).isEqualTo(2);

        // a 组织生活会 of dept-b's branch, entered the next day, on the read model as the projection writes it
        instance.store("dept-b", "dept-b-1", "乙一支部", DEPARTMENTS_YEAR,
                List.of(organizationalLifeMeeting("dept-b", "dept-b-1", march)), List.of(), null, List.of(), List.of());
        ComplianceService.CityView written = instance.query(year);
        assertThat(instance.departmentEvaluations()).as("dept-b alone evaluated again").isEqualTo(3);
        assertThat(written.quality().sittings()).isEqualTo(1);
        assertThat(written.departments().get(1).quality().sittings()).isEqualTo(1);
        assertThat(written.departments().get(0)).as("dept-a's line kept").isSameAs(first.departments().get(0));
        assertThat(written.summary().get(RuleStatus.MET)).as("dept-b's yearly 组织生活会 met").isEqualTo(7);
        assertThat(written.departments().get(1).summary().get(RuleStatus.MET)).isEqualTo(3);
    }

    @Test
    void the_warm_up_evaluates_the_tables_the_dashboard_opens_so_that_its_first_caller_waits_for_none() {
        SettableClock clock = new SettableClock(shanghai(WARM_YEAR, 8, 15, 0).plusSeconds(30));
        CityReadModelAccess instance = new CityReadModelAccess(mongo, clock);
        instance.store("cityit", "cityit-warm", "预热支部", WARM_YEAR, List.of(), List.of(), null, List.of(), List.of());

        instance.warmUp();
        // this quarter, half and year, and January to August: eleven tables of the one department
        assertThat(instance.evaluations()).isEqualTo(11);
        assertThat(instance.departmentEvaluations()).isEqualTo(11);
        for (String period : List.of("2036-Q3", "2036-H2", "2036", "2036-01", "2036-08")) {
            assertThat(instance.query(Period.parse(period).orElseThrow()).branches()).as(period).isEqualTo(1);
        }
        assertThat(instance.evaluations()).as("each served from the warmed table").isEqualTo(11);
        assertThat(instance.query(Period.parse("2036-09").orElseThrow()).branches()).isEqualTo(1);
        assertThat(instance.evaluations()).as("a month not begun is not warmed").isEqualTo(12);
    }

    @Test
    void a_year_counted_before_the_counts_were_per_department_keeps_its_departments_in_the_city_table() {
        new CityReadModelAccess(mongo, Clock.systemUTC()).store("dept-legacy", "dept-legacy-1", "旧支部", LEGACY_YEAR,
                List.of(), List.of(), null, List.of(), List.of());
        // as counted before: one count for the year
        mongo.remove(Query.query(Criteria.where("year").is(LEGACY_YEAR)), ReadModelChanges.COLLECTION);
        mongo.save(new Document("_id", LEGACY_YEAR).append("changes", 12L), ReadModelChanges.COLLECTION);
        assertThat(new CityReadModelAccess(mongo, Clock.systemUTC()).query(Period.year(LEGACY_YEAR)).departments())
                .as("without a department's count its branches are not in the city table").isEmpty();

        changes.run(null);

        assertThat(changes.of(LEGACY_YEAR)).isEqualTo(Map.of("dept-legacy", 0L));
        assertThat(mongo.findById(LEGACY_YEAR, Document.class, ReadModelChanges.COLLECTION))
                .as("the year's count is gone once taken over").isNull();
        ComplianceService.CityView city = new CityReadModelAccess(mongo, Clock.systemUTC()).query(Period.year(LEGACY_YEAR));
        assertThat(city.departments()).extracting(d -> d.department() + ":" + d.branches())
                .containsExactly("dept-legacy:1");
    }

    private static Activity organizationalLifeMeeting(String department, String branchId, Instant at) {
        Activity meeting = new Activity(branchId + "-olm", department, branchId, null,
                List.of(ActivityType.ORGANIZATIONAL_LIFE_MEETING), "组织生活会", at, at, "test");
        meeting.hold(new HeldRecord(at, "p", "h", null, null, null, List.of(), "纪要", List.of()), null,
                new LateEntryRule(7), List.of(), at.plus(Duration.ofDays(1)), "test");
        return meeting;
    }

    /** A 组织生活会 of {@link #YEAR} entered now, years late, and the read model written with it. */
    private void recordLateOrganizationalLifeMeeting(int month) {
        long written = changes.of(YEAR).getOrDefault("caizheng", 0L);
        Instant at = shanghai(YEAR, month, 10, 15);
        Api.Response recorded = api().as("caizheng-secretary").post("/api/activities/records", record(
                List.of("ORGANIZATIONAL_LIFE_MEETING"), month + "月组织生活会", held(at, "纪要"), "补录测试"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        Waiting.until("the projection writes the read model of " + YEAR, Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> changes.of(YEAR).getOrDefault("caizheng", 0L), count -> count > written);
    }

    private double evaluations() {
        return meters.get("activity.compliance.city.evaluations").counter().count();
    }

    private static Map<String, Integer> summary(JsonNode city) {
        return Map.of("MET", city.path("summary").path("MET").asInt(), "MISSED", city.path("summary").path("MISSED").asInt(),
                "AT_RISK", city.path("summary").path("AT_RISK").asInt(), "ON_TRACK", city.path("summary").path("ON_TRACK").asInt(),
                "UPCOMING", city.path("summary").path("UPCOMING").asInt());
    }

    private static Map<String, Object> rule(String type, int minCount) {
        return Map.of("type", type, "minCount", minCount, "period", "YEAR");
    }

    private static Instant shanghai(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(Period.ZONE).toInstant();
    }
}

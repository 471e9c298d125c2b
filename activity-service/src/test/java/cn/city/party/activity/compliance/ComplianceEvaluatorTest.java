package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.activity.Attendance;
import cn.city.party.activity.activity.AttendanceEntry;
import cn.city.party.activity.activity.HeldRecord;
import cn.city.party.activity.activity.LateEntryRule;
import cn.city.party.activity.period.Period;
import cn.city.party.activity.period.PeriodKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceEvaluatorTest {

    private static final Rule COMMITTEE_MONTHLY = new Rule(ActivityType.BRANCH_COMMITTEE_MEETING, 1, PeriodKind.MONTH,
            RuleScope.BRANCH, RuleCondition.NONE);
    private static final Rule LECTURE_QUARTERLY = new Rule(ActivityType.PARTY_LECTURE, 1, PeriodKind.QUARTER,
            RuleScope.BRANCH, RuleCondition.NONE);
    private static final Rule SECRETARY_LECTURE = new Rule(ActivityType.PARTY_LECTURE, 1, PeriodKind.YEAR,
            RuleScope.BRANCH, RuleCondition.SECRETARY_LECTURES);
    private static final Rule GROUPS_MONTHLY = new Rule(ActivityType.PARTY_GROUP_MEETING, 1, PeriodKind.MONTH,
            RuleScope.PARTY_GROUP, RuleCondition.NONE);
    private static final Rule TALKS = new Rule(ActivityType.HEART_TO_HEART_TALK, 1, PeriodKind.YEAR,
            RuleScope.MEMBER_PAIR, RuleCondition.NONE);

    private final List<Activity> activities = new ArrayList<>();

    private static Instant shanghai(String t) {
        return LocalDateTime.parse(t).atZone(Period.ZONE).toInstant();
    }

    private Activity held(String at, String group, String lecturerId, String minutes, ActivityType... types) {
        Instant heldAt = shanghai(at);
        Activity a = new Activity("a" + activities.size(), "caizheng", "b1", group, List.of(types), "t", heldAt, heldAt, "s");
        a.hold(new HeldRecord(heldAt, "p", "h", "m1", lecturerId == null ? null : "讲者", lecturerId, List.of(), minutes,
                List.of()), "补录", new LateEntryRule(7), heldAt.plus(Duration.ofDays(1)), "s");
        activities.add(a);
        return a;
    }

    private Figures figures() {
        return Figures.of(2026, activities, List.of("g1", "g2"), "m1", List.of("m1", "m2"), List.of("m1", "m2", "m3"));
    }

    private RuleStatus status(Rule rule, Period period, String now) {
        return ComplianceEvaluator.evaluate(List.of(rule), figures(), period, shanghai(now), 5).rules().get(0).status();
    }

    @Test
    void a_monthly_rule_is_met_in_a_month_with_a_meeting_and_missed_in_a_past_month_without() {
        held("2026-01-15T09:00", null, null, "纪要", ActivityType.BRANCH_COMMITTEE_MEETING);
        assertThat(status(COMMITTEE_MONTHLY, Period.month(2026, 1), "2026-03-10T09:00")).isEqualTo(RuleStatus.MET);
        assertThat(status(COMMITTEE_MONTHLY, Period.month(2026, 2), "2026-03-10T09:00")).isEqualTo(RuleStatus.MISSED);
        assertThat(status(COMMITTEE_MONTHLY, Period.quarter(2026, 1), "2026-04-10T09:00"))
                .as("one missed month makes the quarter missed").isEqualTo(RuleStatus.MISSED);
    }

    @Test
    void not_yet_met_with_five_days_or_fewer_left_is_at_risk_and_with_more_is_open() {
        assertThat(status(COMMITTEE_MONTHLY, Period.month(2026, 11), "2026-11-26T09:00")).isEqualTo(RuleStatus.AT_RISK);
        assertThat(status(COMMITTEE_MONTHLY, Period.month(2026, 11), "2026-11-25T09:00")).isEqualTo(RuleStatus.OPEN);
        assertThat(status(COMMITTEE_MONTHLY, Period.month(2026, 12), "2026-11-25T09:00")).isEqualTo(RuleStatus.UPCOMING);
    }

    @Test
    void a_meeting_at_23_30_on_the_last_day_of_a_quarter_counts_for_that_quarter() {
        held("2026-03-31T23:30", null, "m2", "纪要", ActivityType.PARTY_LECTURE);
        assertThat(status(LECTURE_QUARTERLY, Period.quarter(2026, 1), "2026-04-02T09:00")).isEqualTo(RuleStatus.MET);
        assertThat(status(LECTURE_QUARTERLY, Period.quarter(2026, 2), "2026-07-02T09:00")).isEqualTo(RuleStatus.MISSED);
        assertThat(status(LECTURE_QUARTERLY, Period.month(2026, 2), "2026-04-02T09:00"))
                .as("a quarterly rule seen for a month is judged on its quarter").isEqualTo(RuleStatus.MET);
    }

    @Test
    void the_secretary_must_give_a_party_lecture_in_the_year() {
        held("2026-03-10T09:00", null, "m2", "纪要", ActivityType.PARTY_LECTURE);
        assertThat(status(SECRETARY_LECTURE, Period.year(2026), "2026-12-31T09:00")).isEqualTo(RuleStatus.AT_RISK);
        held("2026-06-10T09:00", null, "m1", "纪要", ActivityType.PARTY_LECTURE);
        assertThat(status(SECRETARY_LECTURE, Period.year(2026), "2026-12-31T09:00")).isEqualTo(RuleStatus.MET);
    }

    @Test
    void each_party_group_must_meet_every_month() {
        held("2026-05-10T09:00", "g1", null, "纪要", ActivityType.PARTY_GROUP_MEETING);
        ComplianceEvaluator.RuleResult result = ComplianceEvaluator.evaluate(List.of(GROUPS_MONTHLY), figures(),
                Period.month(2026, 5), shanghai("2026-06-01T09:00"), 5).rules().get(0);
        assertThat(result.parts()).extracting(ComplianceEvaluator.PartResult::unit, ComplianceEvaluator.PartResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("g1", RuleStatus.MET),
                        org.assertj.core.groups.Tuple.tuple("g2", RuleStatus.MISSED));
        assertThat(result.status()).isEqualTo(RuleStatus.MISSED);
    }

    @Test
    void each_committee_member_talks_with_each_member_once_a_year() {
        Activity talk = held("2026-04-10T09:00", null, null, "谈话记录", ActivityType.HEART_TO_HEART_TALK);
        talk.recordAttendance(new AttendanceEntry("m2", "n", Attendance.PRESENT, null, "s", Instant.now(), false));
        talk.recordAttendance(new AttendanceEntry("m3", "n", Attendance.PRESENT, null, "s", Instant.now(), false));
        ComplianceEvaluator.RuleResult result = ComplianceEvaluator.evaluate(List.of(TALKS), figures(), Period.year(2026),
                shanghai("2027-01-02T09:00"), 5).rules().get(0);
        // pairs: m1-m2, m1-m3 (host m1) are covered; m2-m3 is not
        assertThat(result.parts()).singleElement().satisfies(p -> {
            assertThat(p.count()).isEqualTo(2);
            assertThat(p.required()).isEqualTo(3);
        });
        assertThat(result.status()).isEqualTo(RuleStatus.MISSED);
    }

    @Test
    void quality_indicators_are_attendance_rate_late_share_multi_purpose_share_and_minutes_present() {
        Activity a = held("2026-05-10T09:00", null, "m1", "纪要", ActivityType.THEME_PARTY_DAY, ActivityType.PARTY_LECTURE);
        a.recordAttendance(new AttendanceEntry("m1", "n", Attendance.PRESENT, null, "s", Instant.now(), false));
        a.recordAttendance(new AttendanceEntry("m2", "n", Attendance.ABSENT, "病", "s", Instant.now(), false));
        Instant heldAt = shanghai("2026-05-20T09:00");
        Activity late = new Activity("late", "caizheng", "b1", null, List.of(ActivityType.BRANCH_COMMITTEE_MEETING), "t",
                heldAt, heldAt, "s");
        late.hold(new HeldRecord(heldAt, "p", "h", null, null, null, List.of(), " ", List.of()), "忘了",
                new LateEntryRule(7), heldAt.plus(Duration.ofDays(30)), "s");
        activities.add(late);

        ComplianceEvaluator.Quality q = ComplianceEvaluator.quality(figures(), Period.month(2026, 5));
        assertThat(q.sittings()).isEqualTo(2);
        assertThat(q.attendanceRate()).isEqualTo(0.5);
        assertThat(q.lateEntryShare()).isEqualTo(0.5);
        assertThat(q.multiPurposeShare()).isEqualTo(0.5);
        assertThat(q.minutesPresentShare()).isEqualTo(0.5);
        assertThat(ComplianceEvaluator.quality(figures(), Period.month(2026, 6)).attendanceRate())
                .as("nothing to divide by").isNull();
    }

    @Test
    void a_multi_purpose_sitting_counts_for_each_of_its_types() {
        held("2026-05-10T09:00", null, "m2", "纪要", ActivityType.THEME_PARTY_DAY, ActivityType.PARTY_LECTURE);
        MonthFigures may = figures().month(5);
        assertThat(may.count("THEME_PARTY_DAY")).isEqualTo(1);
        assertThat(may.count("PARTY_LECTURE")).isEqualTo(1);
        assertThat(may.sittings()).isEqualTo(1);
    }

    @Test
    void planned_and_cancelled_activities_do_not_count() {
        Instant at = shanghai("2026-05-10T09:00");
        Activity planned = new Activity("p", "caizheng", "b1", null, List.of(ActivityType.BRANCH_COMMITTEE_MEETING), "t", at, at, "s");
        Activity cancelled = new Activity("c", "caizheng", "b1", null, List.of(ActivityType.BRANCH_COMMITTEE_MEETING), "t", at, at, "s");
        cancelled.cancel("冲突");
        activities.addAll(List.of(planned, cancelled));
        assertThat(status(COMMITTEE_MONTHLY, Period.month(2026, 5), "2026-06-02T09:00")).isEqualTo(RuleStatus.MISSED);
    }
}

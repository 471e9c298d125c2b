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
import java.util.Map;

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
                List.of()), "补录", new LateEntryRule(7), List.of("m1", "m2"), heldAt.plus(Duration.ofDays(1)), "s");
        activities.add(a);
        return a;
    }

    private Figures figures() {
        return Figures.of(2026, activities, RuleSet.DEFAULT_WEIGHTS, List.of("g1", "g2"), "m1", List.of("m1", "m2"),
                List.of("m1", "m2", "m3"));
    }

    /** {@code rule} alone, with a warning window of 5 days for every period kind. */
    static RuleSet set(Rule rule) {
        Map<PeriodKind, Integer> fiveDays = new java.util.EnumMap<>(PeriodKind.class);
        for (PeriodKind kind : PeriodKind.values()) {
            fiveDays.put(kind, 5);
        }
        return new RuleSet("t", RuleSet.CITY, 2026, 1, 7, fiveDays, null, null, List.of(rule), null, null, null);
    }

    private ComplianceEvaluator.RuleResult result(Rule rule, Period period, String now) {
        return ComplianceEvaluator.evaluate(set(rule), figures(), period, shanghai(now)).rules().get(0);
    }

    private RuleStatus status(Rule rule, Period period, String now) {
        return result(rule, period, now).status();
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
    void not_yet_met_with_five_days_or_fewer_left_is_at_risk_and_with_more_is_on_track() {
        assertThat(status(COMMITTEE_MONTHLY, Period.month(2026, 11), "2026-11-26T09:00")).isEqualTo(RuleStatus.AT_RISK);
        assertThat(status(COMMITTEE_MONTHLY, Period.month(2026, 11), "2026-11-25T09:00")).isEqualTo(RuleStatus.ON_TRACK);
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
        ComplianceEvaluator.RuleResult result = result(GROUPS_MONTHLY, Period.month(2026, 5), "2026-06-01T09:00");
        assertThat(result.parts()).extracting(ComplianceEvaluator.PartResult::unit, ComplianceEvaluator.PartResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("g1", RuleStatus.MET),
                        org.assertj.core.groups.Tuple.tuple("g2", RuleStatus.MISSED));
        assertThat(result.status()).isEqualTo(RuleStatus.MISSED);
    }

    @Test
    void each_committee_member_talks_with_each_member_once_a_year_and_a_group_sitting_is_not_a_talk_with_each() {
        Activity group = held("2026-04-10T09:00", null, null, "谈话记录", ActivityType.HEART_TO_HEART_TALK);
        group.recordAttendance(new AttendanceEntry("m2", "n", Attendance.PRESENT, null, "s", Instant.now(), false));
        group.recordAttendance(new AttendanceEntry("m3", "n", Attendance.PRESENT, null, "s", Instant.now(), false));
        assertThat(result(TALKS, Period.year(2026), "2027-01-02T09:00").parts()).singleElement()
                .satisfies(p -> assertThat(p.count()).as("host m1 with two members present: no talk").isZero());

        for (String member : List.of("m2", "m3")) {
            Activity talk = held("2026-05-10T09:00", null, null, "谈话记录", ActivityType.HEART_TO_HEART_TALK);
            talk.recordAttendance(new AttendanceEntry(member, "n", Attendance.PRESENT, null, "s", Instant.now(), false));
        }
        ComplianceEvaluator.RuleResult result = result(TALKS, Period.year(2026), "2027-01-02T09:00");
        // pairs: m1-m2, m1-m3 (host m1, one member each) are covered; m2-m3 is not
        assertThat(result.parts()).singleElement().satisfies(p -> {
            assertThat(p.count()).isEqualTo(2);
            assertThat(p.required()).isEqualTo(3);
        });
        assertThat(result.status()).isEqualTo(RuleStatus.MISSED);
        assertThat(result.score()).isEqualTo(0.6667);
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
                new LateEntryRule(7), List.of(), heldAt.plus(Duration.ofDays(30)), "s");
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
    void attendance_rate_is_present_over_the_members_expected_that_day_less_the_excused_not_over_the_entries_recorded() {
        Instant heldAt = shanghai("2026-05-10T09:00");
        Activity sitting = new Activity("s8", "caizheng", "b1", null, List.of(ActivityType.THEME_PARTY_DAY), "t", heldAt,
                heldAt, "s");
        List<String> roster = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8");
        sitting.hold(new HeldRecord(heldAt, "p", "h", null, null, null, List.of(), "纪要", List.of()), null,
                new LateEntryRule(7), roster, heldAt.plus(Duration.ofHours(2)), "s");
        for (String present : List.of("m1", "m2", "m3", "m4", "m5")) {
            sitting.recordAttendance(new AttendanceEntry(present, "n", Attendance.PRESENT, null, "s", heldAt, false));
        }
        sitting.recordAttendance(new AttendanceEntry("m6", "n", Attendance.EXCUSED, null, "s", heldAt, false));
        sitting.recordAttendance(new AttendanceEntry("m9", "n", Attendance.PRESENT, null, "s", heldAt, false));
        activities.add(sitting);

        // 5 of the 8 on the roster that day were present, m6 excused: 5 / 7; m9 (not on that day's roster) does not count
        assertThat(sitting.attendanceRate()).contains(5.0 / 7);
        assertThat(ComplianceEvaluator.quality(figures(), Period.month(2026, 5)).attendanceRate()).isEqualTo(0.7143);
    }

    @Test
    void a_multi_purpose_sitting_counts_fully_for_its_first_type_and_half_for_the_others() {
        held("2026-05-10T09:00", null, "m2", "纪要", ActivityType.THEME_PARTY_DAY, ActivityType.PARTY_LECTURE);
        MonthFigures may = figures().month(5);
        assertThat(may.count("PARTY_LECTURE")).as("党课 comes first in the regulation's order").isEqualTo(1.0);
        assertThat(may.count("THEME_PARTY_DAY")).isEqualTo(0.5);
        assertThat(may.held("THEME_PARTY_DAY")).isEqualTo(1);
        assertThat(may.sittings()).isEqualTo(1);
        Rule themeDay = new Rule(ActivityType.THEME_PARTY_DAY, 1, PeriodKind.MONTH, RuleScope.BRANCH, RuleCondition.NONE);
        assertThat(status(themeDay, Period.month(2026, 5), "2026-06-02T09:00"))
                .as("half a 主题党日 is not the month's 主题党日").isEqualTo(RuleStatus.MISSED);
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

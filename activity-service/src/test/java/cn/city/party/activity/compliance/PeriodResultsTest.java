package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.activity.ActivityType;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodResultsTest {

    private static final String COMMITTEE = "BRANCH_COMMITTEE_MEETING/MONTH/BRANCH/NONE";
    private static final RuleSet DEFAULTS = new RuleSet("city:2026:v0", RuleSet.CITY, 2026, 0, 7, null, null, null,
            RuleSetService.defaultRules(), null, null, null);

    private final List<Activity> activities = new ArrayList<>();

    private static Instant shanghai(String t) {
        return LocalDateTime.parse(t).atZone(Period.ZONE).toInstant();
    }

    /** Records a sitting held at {@code at} and first entered {@code enteredAfter} later. */
    private void held(String at, Duration enteredAfter, ActivityType... types) {
        Instant heldAt = shanghai(at);
        Activity a = new Activity("a" + activities.size(), "caizheng", "b1", null, List.of(types), "t", heldAt, heldAt, "s");
        a.hold(new HeldRecord(heldAt, "p", "h", null, null, null, List.of(), "纪要", List.of()), "补录",
                new LateEntryRule(7), List.of(), heldAt.plus(enteredAfter), "s");
        activities.add(a);
    }

    private List<ComplianceEvents.PeriodData> results(String now) {
        Figures figures = Figures.of(2026, activities, DEFAULTS.weights(), List.of(), "m1", List.of("m1"),
                List.of("m1", "m2"));
        return PeriodResults.of(DEFAULTS, figures, activities, "caizheng", "b1", 2026, shanghai(now));
    }

    private static ComplianceEvents.PeriodData period(List<ComplianceEvents.PeriodData> results, String period) {
        return results.stream().filter(r -> r.period().equals(period)).findFirst().orElseThrow();
    }

    private static ComplianceEvents.RuleData rule(ComplianceEvents.PeriodData period, String ruleId) {
        return period.rules().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    private void everyMonthlyRuleMetUntilJune() {
        for (int month = 1; month <= 6; month++) {
            held(String.format("2026-%02d-10T09:00", month), Duration.ofDays(1), ActivityType.BRANCH_COMMITTEE_MEETING);
            held(String.format("2026-%02d-12T09:00", month), Duration.ofDays(1), ActivityType.THEME_PARTY_DAY);
        }
    }

    @Test
    void a_branch_that_records_nothing_after_june_has_july_missed_in_august() {
        everyMonthlyRuleMetUntilJune();

        List<ComplianceEvents.PeriodData> onJuly31 = results("2026-07-31T20:00");
        assertThat(period(onJuly31, "2026-07").status()).isEqualTo(RuleStatus.AT_RISK);

        List<ComplianceEvents.PeriodData> onAugust1 = results("2026-08-01T00:30");
        ComplianceEvents.PeriodData july = period(onAugust1, "2026-07");
        assertThat(july.status()).isEqualTo(RuleStatus.MISSED);
        assertThat(rule(july, COMMITTEE).status()).isEqualTo(RuleStatus.MISSED);
        assertThat(rule(july, "THEME_PARTY_DAY/MONTH/BRANCH/NONE").status()).isEqualTo(RuleStatus.MISSED);
        assertThat(july.frozen()).as("on-time records of July 31st may still arrive").isFalse();
        assertThat(period(onAugust1, "2026-06").status()).isEqualTo(RuleStatus.MET);
        assertThat(period(onAugust1, "2026-08").status()).isEqualTo(RuleStatus.ON_TRACK);

        assertThat(period(results("2026-08-08T00:00"), "2026-07").frozen())
                .as("closed and the 7 late-entry days passed").isTrue();
    }

    @Test
    void the_year_is_combined_from_the_periods_counting_each_rule_once() {
        everyMonthlyRuleMetUntilJune();
        List<ComplianceEvents.PeriodData> results = results("2027-01-20T09:00");

        Map<String, Double> weightPerRule = results.stream().flatMap(p -> p.rules().stream())
                .collect(Collectors.groupingBy(ComplianceEvents.RuleData::ruleId,
                        Collectors.summingDouble(ComplianceEvents.RuleData::weight)));
        assertThat(weightPerRule).hasSize(9);
        assertThat(weightPerRule.values()).allSatisfy(total -> assertThat(total).isBetween(0.9996, 1.0004));
        assertThat(results.stream().filter(p -> p.periodKind() == PeriodKind.MONTH)).hasSize(12);
        assertThat(results.stream().filter(p -> p.periodKind() == PeriodKind.QUARTER)).hasSize(4);
        assertThat(results.stream().filter(p -> p.periodKind() == PeriodKind.YEAR)).singleElement()
                .satisfies(year -> assertThat(year.rules()).extracting(ComplianceEvents.RuleData::type)
                        .containsExactly(ActivityType.PARTY_LECTURE, ActivityType.ORGANIZATIONAL_LIFE_MEETING,
                                ActivityType.DEMOCRATIC_APPRAISAL, ActivityType.HEART_TO_HEART_TALK));
        double committeeYear = results.stream().flatMap(p -> p.rules().stream())
                .filter(r -> r.ruleId().equals(COMMITTEE)).mapToDouble(r -> r.weight() * r.score()).sum();
        assertThat(committeeYear).as("six months of twelve").isBetween(0.4998, 0.5002);
        assertThat(results).allSatisfy(p -> assertThat(p.rulesInYear()).isEqualTo(9));
    }

    @Test
    void a_late_record_counts_half_so_back_filling_scores_lower_than_recording_on_time() {
        held("2026-03-03T09:00", Duration.ofDays(20), ActivityType.BRANCH_COMMITTEE_MEETING);
        held("2026-04-03T09:00", Duration.ofDays(2), ActivityType.BRANCH_COMMITTEE_MEETING);
        List<ComplianceEvents.PeriodData> results = results("2026-05-20T09:00");

        ComplianceEvents.RuleData march = rule(period(results, "2026-03"), COMMITTEE);
        assertThat(march.held()).isEqualTo(1);
        assertThat(march.met()).isEqualTo(0.5);
        assertThat(march.score()).isEqualTo(0.5);
        assertThat(march.status()).isEqualTo(RuleStatus.MISSED);
        ComplianceEvents.RuleData april = rule(period(results, "2026-04"), COMMITTEE);
        assertThat(april.score()).isEqualTo(1.0);
        assertThat(april.status()).isEqualTo(RuleStatus.MET);
    }

    @Test
    void the_warning_window_grows_with_the_period_month_7_days_quarter_21() {
        // 2026-09-10: 21 days left in Q3, 21 in September
        ComplianceEvents.PeriodData q3 = period(results("2026-09-10T09:00"), "2026-Q3");
        assertThat(rule(q3, "PARTY_LECTURE/QUARTER/BRANCH/NONE").status()).isEqualTo(RuleStatus.AT_RISK);
        assertThat(rule(period(results("2026-09-10T09:00"), "2026-09"), COMMITTEE).status()).isEqualTo(RuleStatus.ON_TRACK);
        assertThat(rule(period(results("2026-09-09T09:00"), "2026-Q3"), "PARTY_LECTURE/QUARTER/BRANCH/NONE").status())
                .isEqualTo(RuleStatus.ON_TRACK);
        assertThat(rule(period(results("2026-09-24T09:00"), "2026-09"), COMMITTEE).status()).isEqualTo(RuleStatus.AT_RISK);
        assertThat(period(results("2026-11-01T09:00"), "2026").rules()).extracting(ComplianceEvents.RuleData::status)
                .as("61 days left in the year").containsOnly(RuleStatus.ON_TRACK);
        assertThat(period(results("2026-11-02T09:00"), "2026").rules()).extracting(ComplianceEvents.RuleData::status)
                .as("60 days left").containsOnly(RuleStatus.AT_RISK);
    }
}

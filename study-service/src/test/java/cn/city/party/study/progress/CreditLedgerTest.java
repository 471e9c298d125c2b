package cn.city.party.study.progress;

import cn.city.party.study.roster.RosterMember;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CreditLedgerTest {

    private static final StudyRules RULES = new StudyRules(32, 56, 2, 90, 0.5, 60, 60, 240);
    private static final StudyTargets TARGETS = new StudyTargets(32, 56, 90);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static RosterMember member(boolean cadre, String secretaryOf) {
        return new RosterMember("m1", "caizheng", "b1", "孙红梅", RosterMember.FULL, LocalDate.of(2010, 7, 1), cadre,
                secretaryOf, null);
    }

    private static Progress completed(String materialId, String hours, int year) {
        Progress p = new Progress("caizheng", "b1", "m1", materialId, Instant.parse("2026-03-01T00:00:00Z"));
        p.complete(new BigDecimal(hours), true, year, Instant.parse("2026-03-01T01:00:00Z"));
        return p;
    }

    @Test
    void members_study_32_hours_a_year_leading_cadres_and_branch_secretaries_56() {
        assertThat(TARGETS.targetFor(false, false)).isEqualTo(32);
        assertThat(TARGETS.targetFor(true, false)).isEqualTo(56);
        assertThat(TARGETS.targetFor(false, true)).isEqualTo(56);
        assertThat(CreditLedger.summarize(member(false, "b1"), 2026, List.of(), List.of(), List.of(), RULES, TARGETS, TODAY).target()).isEqualTo(56);
    }

    @Test
    void reported_time_counts_only_what_really_passed_and_never_more_than_is_plausible_for_the_material() {
        assertThat(RULES.countedSeconds(0, 600, 900, 30)).isEqualTo(600);
        assertThat(RULES.countedSeconds(0, 3600, 900, 30)).as("not more than elapsed").isEqualTo(900);
        assertThat(RULES.countedSeconds(3000, 900, 900, 30)).as("30 min × 2 = 3600 s at most").isEqualTo(3600);
        assertThat(RULES.countedSeconds(100, -50, 900, 30)).isEqualTo(100);
    }

    @Test
    void credit_hours_are_those_completed_in_the_year_and_required_study_counts_what_reaches_the_member() {
        Reach all = new Reach("caizheng", null, Audience.ALL);
        List<CreditLedger.Requirement> requirements = List.of(
                new CreditLedger.Requirement("a", "党章", all, null),
                new CreditLedger.Requirement("b", "党史", all, LocalDate.of(2026, 5, 1)),
                new CreditLedger.Requirement("c", "准则", new Reach("caizheng", null, Audience.LEADING_CADRES), LocalDate.of(2026, 5, 1)),
                new CreditLedger.Requirement("d", "周学", all, LocalDate.of(2026, 12, 1)),
                new CreditLedger.Requirement("b", "党史", all, LocalDate.of(2026, 9, 1)));

        CreditLedger.Summary summary = CreditLedger.summarize(member(false, null), 2026, requirements,
                List.of(completed("a", "2", 2026), completed("x", "1.5", 2026), completed("y", "3", 2025)), List.of(), RULES, TARGETS, TODAY);

        assertThat(summary.creditHours()).isEqualByComparingTo("3.5");
        assertThat(summary.requiredTotal()).as("a, b, d; c is for leading cadres").isEqualTo(3);
        assertThat(summary.requiredCompleted()).isEqualTo(1);
        assertThat(summary.overdue()).extracting(CreditLedger.Item::materialId).as("b was due on its earlier date").containsExactly("b");
        assertThat(summary.targetMet()).isFalse();
    }

    @Test
    void a_new_member_studies_the_required_new_member_materials_within_90_days_of_admission() {
        RosterMember newMember = new RosterMember("m2", "caizheng", "b1", "周晓", RosterMember.PROBATIONARY,
                LocalDate.of(2026, 2, 1), false, null, null);
        Reach forNewMembers = new Reach("*", null, Audience.NEW_MEMBERS);
        List<CreditLedger.Requirement> requirements = List.of(
                new CreditLedger.Requirement("charter", "党章", forNewMembers, null),
                new CreditLedger.Requirement("oath", "入党誓词", forNewMembers, LocalDate.of(2026, 3, 1)));

        CreditLedger.Summary summary = CreditLedger.summarize(newMember, 2026, requirements, List.of(), List.of(), RULES, TARGETS, TODAY);

        assertThat(summary.required()).extracting(CreditLedger.Item::materialId, CreditLedger.Item::dueOn).containsExactly(
                tuple("oath", LocalDate.of(2026, 3, 1)),
                tuple("charter", LocalDate.of(2026, 5, 2)));
        assertThat(summary.overdue()).as("both due before 1 June").hasSize(2);
        assertThat(CreditLedger.summarize(member(false, null), 2026, requirements, List.of(), List.of(), RULES, TARGETS, TODAY).requiredTotal())
                .as("a full member has no new-member study").isZero();
    }

    private static OfflineStudy sitting(String activityId, String kind, Integer minutes, String attendance, int year) {
        return new OfflineStudy(activityId + "|m1", "caizheng", "b1", "m1", activityId, kind, "学习", Instant.parse(year + "-04-01T01:00:00Z"),
                year, minutes, attendance, false, Instant.parse(year + "-04-01T03:00:00Z"), "e-" + activityId);
    }

    @Test
    void offline_study_attended_earns_its_duration_in_credit_hours_and_absence_earns_nothing() {
        CreditLedger.Summary summary = CreditLedger.summarize(member(false, null), 2026, List.of(),
                List.of(completed("a", "2", 2026)), List.of(
                        sitting("central-group", "CENTRAL_GROUP_STUDY", 90, "PRESENT", 2026),
                        sitting("lecture", "PARTY_LECTURE", null, "PRESENT", 2026),
                        sitting("marathon", "BRANCH_STUDY", 600, "PRESENT", 2026),
                        sitting("missed", "BRANCH_STUDY", 120, "ABSENT", 2026),
                        sitting("excused", "PARTY_LECTURE", 120, "EXCUSED", 2026),
                        sitting("last-year", "PARTY_LECTURE", 120, "PRESENT", 2025)), RULES, TARGETS, TODAY);

        // 1.5 for 90 minutes, 1 for a lecture of unrecorded length, 4 at most for one sitting; none for absence
        assertThat(summary.offlineCreditHours()).isEqualByComparingTo("6.5");
        assertThat(summary.creditHours()).isEqualByComparingTo("8.5");
    }

    @Test
    void a_material_counts_as_studied_only_after_half_its_estimated_time() {
        assertThat(RULES.secondsNeeded(30)).isEqualTo(900);
        assertThat(new StudyRules(32, 56, 2, 90, 0.8, 60, 60, 240).secondsNeeded(30)).isEqualTo(1440);
        assertThat(new StudyRules(32, 56, 2, 90, 0, 0, 0, 0).secondsNeeded(30)).as("unset: the default half").isEqualTo(900);
    }
}

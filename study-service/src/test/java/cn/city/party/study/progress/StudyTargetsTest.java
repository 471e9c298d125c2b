package cn.city.party.study.progress;

import cn.city.party.common.error.DomainProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the work committee may publish as a year's credit-hour targets and new-member study window. */
class StudyTargetsTest {

    static List<String> fields(StudyTargets targets) {
        return targets.violations().stream().map(DomainProblem.Violation::field).toList();
    }

    @Test
    void the_defaults_32_and_56_hours_and_90_days_pass() {
        assertThat(new StudyTargets(32, 56, 90).violations()).isEmpty();
    }

    @Test
    void a_window_of_0_days_would_make_every_new_member_overdue_on_admission_and_is_refused() {
        assertThat(fields(new StudyTargets(32, 56, 0))).containsExactly("newMemberStudyDays");
        assertThat(fields(new StudyTargets(32, 56, 367))).containsExactly("newMemberStudyDays");
    }

    @Test
    void leading_cadres_study_at_least_as_much_as_members_and_every_target_is_positive() {
        assertThat(fields(new StudyTargets(40, 32, 90))).containsExactly("creditTargetLeading");
        assertThat(fields(new StudyTargets(0, 56, 90))).containsExactly("creditTarget");
        assertThat(new StudyTargets(40, 40, 90).violations()).isEmpty();
    }

    @Test
    void a_new_member_admitted_on_1_march_with_a_60_day_window_is_due_on_30_april() {
        assertThat(new StudyTargets(32, 56, 60).newMemberStudyDue(LocalDate.of(2027, 3, 1))).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(new StudyTargets(40, 60, 60).targetFor(false, false)).isEqualTo(40);
        assertThat(new StudyTargets(40, 60, 60).targetFor(true, false)).isEqualTo(60);
    }
}

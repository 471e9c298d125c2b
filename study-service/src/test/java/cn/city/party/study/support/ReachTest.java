package cn.city.party.study.support;

import cn.city.party.study.roster.RosterMember;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ReachTest {

    private static RosterMember member(String department, String branch, String status, boolean cadre) {
        return new RosterMember("m", department, branch, "孙红梅", status, LocalDate.of(2020, 1, 1), cadre, null, null);
    }

    private final RosterMember full = member("caizheng", "b1", RosterMember.FULL, false);
    private final RosterMember probationary = member("caizheng", "b1", RosterMember.PROBATIONARY, false);
    private final RosterMember cadre = member("caizheng", "b2", RosterMember.FULL, true);

    @Test
    void city_wide_content_reaches_every_department_and_department_content_only_its_own() {
        assertThat(new Reach(Reach.CITY, null, Audience.ALL).reaches(member("jiaoyu", "x", RosterMember.FULL, false))).isTrue();
        assertThat(new Reach("caizheng", null, Audience.DEPARTMENT).reaches(full)).isTrue();
        assertThat(new Reach("jiaoyu", null, Audience.DEPARTMENT).reaches(full)).isFalse();
    }

    @Test
    void branch_content_reaches_only_that_branch() {
        assertThat(new Reach("caizheng", "b1", Audience.ALL).reaches(full)).isTrue();
        assertThat(new Reach("caizheng", "b1", Audience.ALL).reaches(cadre)).isFalse();
    }

    @Test
    void leading_cadre_and_new_member_content_reaches_only_them() {
        assertThat(new Reach("caizheng", null, Audience.LEADING_CADRES).reaches(cadre)).isTrue();
        assertThat(new Reach("caizheng", null, Audience.LEADING_CADRES).reaches(full)).isFalse();
        assertThat(new Reach(Reach.CITY, null, Audience.NEW_MEMBERS).reaches(probationary)).isTrue();
        assertThat(new Reach(Reach.CITY, null, Audience.NEW_MEMBERS).reaches(full)).isFalse();
    }

    @Test
    void members_no_longer_on_the_roll_have_no_study_duties() {
        assertThat(new Reach(Reach.CITY, null, Audience.ALL).reaches(member("caizheng", "b1", "TRANSFERRED_OUT", false))).isFalse();
    }
}

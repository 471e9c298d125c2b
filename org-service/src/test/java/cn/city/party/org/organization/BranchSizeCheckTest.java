package cn.city.party.org.organization;

import cn.city.party.org.OrgRules;
import org.junit.jupiter.api.Test;

import static cn.city.party.org.organization.BranchSizeCheck.Flag.LARGE_ENOUGH_FOR_COMMITTEE;
import static cn.city.party.org.organization.BranchSizeCheck.Flag.LARGE_ENOUGH_FOR_GENERAL_BRANCH;
import static cn.city.party.org.organization.BranchSizeCheck.Flag.TOO_FEW_FULL_MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

class BranchSizeCheckTest {

    private final OrgRules.BranchSize rules = OrgRules.BranchSize.DEFAULT;

    @Test
    void a_branch_needs_three_full_members() {
        assertThat(BranchSizeCheck.of(rules, 2, 6).flags()).containsExactly(TOO_FEW_FULL_MEMBERS);
        assertThat(BranchSizeCheck.of(rules, 3, 3).flags()).isEmpty();
    }

    @Test
    void a_branch_grown_past_fifty_members_is_flagged_for_a_general_branch() {
        assertThat(BranchSizeCheck.of(rules, 50, 50).flags()).isEmpty();
        assertThat(BranchSizeCheck.of(rules, 45, 51).flags()).containsExactly(LARGE_ENOUGH_FOR_GENERAL_BRANCH);
    }

    @Test
    void a_branch_grown_past_one_hundred_members_is_flagged_for_a_committee_only() {
        assertThat(BranchSizeCheck.of(rules, 90, 100).flags()).containsExactly(LARGE_ENOUGH_FOR_GENERAL_BRANCH);
        assertThat(BranchSizeCheck.of(rules, 90, 101).flags()).containsExactly(LARGE_ENOUGH_FOR_COMMITTEE);
    }

    @Test
    void the_limits_are_the_rule_set_s() {
        OrgRules.BranchSize stricter = new OrgRules.BranchSize(5, 30, 60);
        assertThat(BranchSizeCheck.of(stricter, 4, 31).flags()).containsExactly(TOO_FEW_FULL_MEMBERS, LARGE_ENOUGH_FOR_GENERAL_BRANCH);
    }
}

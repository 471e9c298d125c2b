package cn.city.party.org.committee;

import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.rules.RulesInForce;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.OrgRuleKinds;
import cn.city.party.org.OrgRules;
import cn.city.party.org.TestRules;
import cn.city.party.org.organization.OrganizationType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static cn.city.party.org.committee.CommitteePost.DEPUTY_SECRETARY;
import static cn.city.party.org.committee.CommitteePost.DISCIPLINE;
import static cn.city.party.org.committee.CommitteePost.ORGANIZATION;
import static cn.city.party.org.committee.CommitteePost.PUBLICITY;
import static cn.city.party.org.committee.CommitteePost.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitteeRulesTest {

    final CommitteeRules rules = new CommitteeRules(RulesInForce.DEFAULTS, OrgRuleKinds.committee(TestRules.defaults()),
            new PlatformCalendar(Clock.systemUTC(), ZoneId.of("Asia/Shanghai")));

    static List<String> ids(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "m" + i).toList();
    }

    @Test
    void the_secretary_and_the_deputy_act_for_the_branch_and_the_organization_member_only_where_the_rules_say_so() {
        assertThat(rules.servingPosts()).containsExactlyInAnyOrder(SECRETARY, DEPUTY_SECRETARY);

        var c = TestRules.defaults().committee();
        OrgRules.Committee organizationMemberServes = new OrgRules.Committee(c.membersForCommittee(), c.minSize(), c.maxSize(),
                c.reminderDays(), c.branchTermYears(), c.generalBranchTermYears(), c.organCommitteeTermYears(), true);
        RulesInForce published = new RulesInForce() {
            @Override
            public <T> T of(RuleKind<T> kind, int year) {
                return kind.type().cast(organizationMemberServes);
            }
        };
        CommitteeRules withOrganizationMember = new CommitteeRules(published, OrgRuleKinds.committee(TestRules.defaults()),
                new PlatformCalendar(Clock.systemUTC(), ZoneId.of("Asia/Shanghai")));
        assertThat(withOrganizationMember.servingPosts()).containsExactlyInAnyOrder(SECRETARY, DEPUTY_SECRETARY, ORGANIZATION);
    }

    @Test
    void branch_and_general_branch_terms_last_three_years_the_organ_committee_five() {
        LocalDate start = LocalDate.of(2024, 3, 1);
        assertThat(rules.termEnd(OrganizationType.BRANCH, start)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(rules.termEnd(OrganizationType.GENERAL_BRANCH, start)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(rules.termEnd(OrganizationType.ORGAN_COMMITTEE, start)).isEqualTo(LocalDate.of(2029, 3, 1));
        assertThatThrownBy(() -> rules.termEnd(OrganizationType.PARTY_GROUP, start)).hasMessage("committee.noCommitteeForType");
    }

    @Test
    void a_term_lasts_as_long_as_the_rules_in_force_for_the_year_it_starts_say() {
        OrgRules.Committee fiveYearBranches = new OrgRules.Committee(7, 3, 7, 60, 5, 5, 5, false);
        RulesInForce from2027 = new RulesInForce() {
            @Override
            public <T> T of(RuleKind<T> kind, int year) {
                return year >= 2027 ? kind.type().cast(fiveYearBranches) : kind.defaults();
            }
        };
        CommitteeRules byYear = new CommitteeRules(from2027, OrgRuleKinds.committee(TestRules.defaults()),
                new PlatformCalendar(Clock.systemUTC(), ZoneId.of("Asia/Shanghai")));

        assertThat(byYear.termEnd(OrganizationType.BRANCH, LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2029, 12, 31));
        assertThat(byYear.termEnd(OrganizationType.BRANCH, LocalDate.of(2027, 1, 1))).isEqualTo(LocalDate.of(2032, 1, 1));
        assertThat(byYear.reminderHorizon(LocalDate.of(2027, 3, 1))).as("60 days in 2027").isEqualTo(LocalDate.of(2027, 4, 30));
    }

    @Test
    void a_term_is_ending_soon_ninety_days_before_its_end_and_overdue_the_day_after() {
        LocalDate end = LocalDate.of(2027, 3, 1);
        assertThat(rules.state(end, end.minusDays(91))).isEqualTo(CommitteeRules.TermState.CURRENT);
        assertThat(rules.state(end, end.minusDays(90))).isEqualTo(CommitteeRules.TermState.ENDING_SOON);
        assertThat(rules.state(end, end)).isEqualTo(CommitteeRules.TermState.ENDING_SOON);
        assertThat(rules.state(end, end.plusDays(1))).isEqualTo(CommitteeRules.TermState.OVERDUE);
    }

    @Test
    void with_seven_or_more_full_members_a_committee_of_three_to_seven_with_one_secretary() {
        assertThatCode(() -> rules.requireLineUp(List.of(SECRETARY, ORGANIZATION, PUBLICITY), ids(3), 7)).doesNotThrowAnyException();
        assertThatCode(() -> rules.requireLineUp(List.of(SECRETARY, DEPUTY_SECRETARY, DEPUTY_SECRETARY, ORGANIZATION,
                PUBLICITY, DISCIPLINE, DEPUTY_SECRETARY), ids(7), 30)).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.requireLineUp(List.of(SECRETARY, ORGANIZATION), ids(2), 7)).hasMessage("committee.size");
        assertThatThrownBy(() -> rules.requireLineUp(List.of(SECRETARY, DEPUTY_SECRETARY, DEPUTY_SECRETARY, ORGANIZATION,
                PUBLICITY, DISCIPLINE, DEPUTY_SECRETARY, DEPUTY_SECRETARY), ids(8), 30)).hasMessage("committee.size");
        assertThatThrownBy(() -> rules.requireLineUp(List.of(SECRETARY, SECRETARY, ORGANIZATION), ids(3), 7))
                .hasMessage("committee.oneSecretary");
        assertThatThrownBy(() -> rules.requireLineUp(List.of(DEPUTY_SECRETARY, ORGANIZATION, PUBLICITY), ids(3), 7))
                .hasMessage("committee.oneSecretary");
        assertThatThrownBy(() -> rules.requireLineUp(List.of(SECRETARY, ORGANIZATION, ORGANIZATION), ids(3), 7))
                .hasMessage("committee.postTwice");
    }

    @Test
    void with_fewer_than_seven_full_members_only_a_secretary_and_maybe_a_deputy() {
        assertThatCode(() -> rules.requireLineUp(List.of(SECRETARY), ids(1), 6)).doesNotThrowAnyException();
        assertThatCode(() -> rules.requireLineUp(List.of(SECRETARY, DEPUTY_SECRETARY), ids(2), 6)).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.requireLineUp(List.of(SECRETARY, ORGANIZATION), ids(2), 6)).hasMessage("committee.tooFewMembers");
        assertThatThrownBy(() -> rules.requireLineUp(List.of(SECRETARY, DEPUTY_SECRETARY, ORGANIZATION), ids(3), 6))
                .hasMessage("committee.tooFewMembers");
    }

    @Test
    void one_member_holds_one_post() {
        assertThatThrownBy(() -> rules.requireLineUp(List.of(SECRETARY, ORGANIZATION, PUBLICITY), List.of("a", "b", "a"), 9))
                .hasMessage("committee.memberTwice");
    }
}

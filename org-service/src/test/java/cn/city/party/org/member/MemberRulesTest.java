package cn.city.party.org.member;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.rules.RulesInForce;
import cn.city.party.org.OrgRuleKinds;
import cn.city.party.org.OrgRules;
import cn.city.party.org.TestRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final LocalDate BORN = LocalDate.of(1990, 5, 20);
    final MemberRules rules = new MemberRules(RulesInForce.DEFAULTS, OrgRuleKinds.probation(TestRules.defaults()));

    static MemberProfile profile(LocalDate birth, String nationalId, LocalDate joined) {
        return new MemberProfile("张三", Gender.MALE, "汉族", birth, nationalId, "大学本科", "科员", joined, false,
                PartyAffairsCadre.NONE);
    }

    static String idFor(LocalDate birth) {
        return NationalId.withCheckCharacter("110101" + birth.toString().replace("-", "") + "001");
    }

    private java.util.List<String> wrongFields(MemberProfile p) {
        return rules.check(p, TODAY).stream().map(v -> v.field() + ":" + v.code()).toList();
    }

    @Test
    void a_consistent_profile_of_an_adult_member_passes() {
        assertThat(rules.check(profile(BORN, idFor(BORN), LocalDate.of(2012, 7, 1)), TODAY)).isEmpty();
    }

    @Test
    void nobody_joins_before_birth_or_before_the_eighteenth_birthday_or_in_the_future() {
        assertThat(wrongFields(profile(BORN, idFor(BORN), BORN.minusDays(1))))
                .containsExactly("joinedOn:member.joinedBeforeBirth");
        assertThat(wrongFields(profile(BORN, idFor(BORN), BORN.plusYears(18).minusDays(1))))
                .containsExactly("joinedOn:member.joinedUnderAge");
        assertThat(wrongFields(profile(BORN, idFor(BORN), BORN.plusYears(18)))).isEmpty();
        assertThat(wrongFields(profile(BORN, idFor(BORN), TODAY.plusDays(1))))
                .containsExactly("joinedOn:member.joinedInFuture");
    }

    @Test
    void the_national_id_must_be_valid_and_carry_the_birth_date() {
        assertThat(wrongFields(profile(BORN, "123", LocalDate.of(2012, 7, 1))))
                .containsExactly("nationalId:member.nationalIdInvalid");
        assertThat(wrongFields(profile(BORN, idFor(BORN.plusDays(1)), LocalDate.of(2012, 7, 1))))
                .containsExactly("nationalId:member.nationalIdBirthMismatch");
    }

    @Test
    void conversion_is_due_on_the_anniversary_and_probation_is_extended_once_by_at_most_a_year() {
        LocalDate due = rules.conversionDue(LocalDate.of(2025, 7, 1));
        assertThat(due).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(rules.extendedConversion(due, 12, false)).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThatThrownBy(() -> rules.extendedConversion(due, 13, false)).isInstanceOf(DomainProblem.class)
                .hasMessage("member.probationExtensionTooLong");
        assertThatThrownBy(() -> rules.extendedConversion(due, 0, false)).hasMessage("member.probationExtensionTooLong");
        assertThatThrownBy(() -> rules.extendedConversion(due, 6, true)).hasMessage("member.probationAlreadyExtended");
    }

    @Test
    void the_probation_of_the_year_of_joining_applies_and_the_extension_limit_of_the_year_conversion_was_due() {
        RulesInForce from2027 = new RulesInForce() {
            @Override
            public <T> T of(RuleKind<T> kind, int year) {
                return kind.type().cast(year >= 2027 ? new OrgRules.Probation(2, 6) : kind.defaults());
            }
        };
        MemberRules published = new MemberRules(from2027, OrgRuleKinds.probation(TestRules.defaults()));

        assertThat(published.conversionDue(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(published.conversionDue(LocalDate.of(2027, 1, 1))).isEqualTo(LocalDate.of(2029, 1, 1));
        assertThatThrownBy(() -> published.extendedConversion(LocalDate.of(2029, 1, 1), 7, false))
                .hasMessage("member.probationExtensionTooLong");
        assertThat(published.extendedConversion(LocalDate.of(2026, 7, 1), 12, false)).isEqualTo(LocalDate.of(2027, 7, 1));
    }

    @Test
    void a_probationary_member_converts_only_once_probation_has_ended() {
        Member member = new Member("m", "caizheng", "b", null, profile(BORN, idFor(BORN), LocalDate.of(2025, 6, 2)),
                MemberStatus.PROBATIONARY, LocalDate.of(2026, 6, 2), Contact.NONE, Instant.EPOCH);
        assertThatThrownBy(() -> rules.requireStatusChange(member, MemberStatus.FULL, TODAY))
                .hasMessage("member.conversionNotDue");
        rules.requireStatusChange(member, MemberStatus.FULL, TODAY.plusDays(1));
    }

    @Test
    void statuses_change_only_along_the_allowed_paths() {
        assertThat(MemberStatus.FULL.mayBecome(MemberStatus.SUSPENDED)).isTrue();
        assertThat(MemberStatus.SUSPENDED.mayBecome(MemberStatus.FULL)).isTrue();
        assertThat(MemberStatus.PROBATIONARY.mayBecome(MemberStatus.SUSPENDED)).isFalse();
        assertThat(MemberStatus.DECEASED.mayBecome(MemberStatus.FULL)).isFalse();
        assertThat(MemberStatus.TRANSFERRED_OUT.mayBecome(MemberStatus.FULL)).isFalse();
    }

    @Test
    void an_influence_period_covers_the_decision_day_to_its_last_day_and_a_revocation_ends_it_from_its_day_on() {
        InfluencePeriod p = new InfluencePeriod("s1", "WARNING", LocalDate.of(2026, 3, 10), LocalDate.of(2027, 3, 9), null);
        assertThat(p.covers(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(p.covers(LocalDate.of(2026, 3, 10))).isTrue();
        assertThat(p.covers(LocalDate.of(2027, 3, 9))).isTrue();
        assertThat(p.covers(LocalDate.of(2027, 3, 10))).isFalse();
        InfluencePeriod revoked = new InfluencePeriod("s1", "WARNING", p.decidedOn(), p.influenceUntil(), LocalDate.of(2026, 4, 1));
        assertThat(revoked.covers(LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(revoked.covers(LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(revoked.covers(LocalDate.of(2026, 5, 1))).isFalse();
    }
}

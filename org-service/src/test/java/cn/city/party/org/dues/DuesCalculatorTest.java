package cn.city.party.org.dues;

import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.rules.RulesInForce;
import cn.city.party.org.OrgRuleKinds;
import cn.city.party.org.OrgRules;
import cn.city.party.org.TestRules;
import cn.city.party.org.member.DuesCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DuesCalculatorTest {

    static final YearMonth MONTH = YearMonth.of(2026, 7);

    final DuesCalculator calculator = new DuesCalculator(RulesInForce.DEFAULTS, OrgRuleKinds.dues(TestRules.defaults()),
            OrgRuleKinds.arrears(TestRules.defaults()));

    @ParameterizedTest(name = "employed, {0} yuan a month: {1} yuan")
    @CsvSource({
            "0.00, 0.00",
            "1000.00, 5.00",
            "3000.00, 15.00",      // up to 3,000 inclusive: 0.5%
            "3000.01, 30.00",      // above 3,000: 1% of the whole base
            "5000.00, 50.00",
            "5000.01, 75.00",      // above 5,000: 1.5%
            "10000.00, 150.00",
            "10000.01, 200.00",    // above 10,000: 2%
            "12345.67, 246.91",    // 246.9134, half-up to the fen
            "3333.50, 33.34"       // 33.335 rounds half-up
    })
    void employed_members_pay_the_rate_of_the_bracket_their_whole_income_falls_in(String income, String expected) {
        assertThat(calculator.monthly(DuesCategory.EMPLOYED, new BigDecimal(income), MONTH)).isEqualByComparingTo(expected)
                .hasScaleOf(2);
    }

    @ParameterizedTest(name = "retired, {0} yuan a month: {1} yuan")
    @CsvSource({"5000.00, 25.00", "5000.01, 50.00", "8000.00, 80.00"})
    void retired_members_pay_half_a_percent_up_to_five_thousand_and_one_percent_above(String income, String expected) {
        assertThat(calculator.monthly(DuesCategory.RETIRED, new BigDecimal(income), MONTH)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0}: 0.20 yuan")
    @CsvSource({"STUDENT", "UNEMPLOYED", "HARDSHIP"})
    void students_the_unemployed_and_members_in_hardship_pay_twenty_fen(DuesCategory category) {
        assertThat(calculator.monthly(category, new BigDecimal("20000"), MONTH)).isEqualByComparingTo("0.20");
        assertThat(calculator.monthlyFen(category, 2_000_000, MONTH)).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0} fen: {1} fen")
    @CsvSource({"300000, 1500", "300001, 3000", "1000001, 20000"})
    void amounts_in_fen_are_exact(long incomeFen, long expectedFen) {
        assertThat(calculator.monthlyFen(DuesCategory.EMPLOYED, incomeFen, MONTH)).isEqualTo(expectedFen);
    }

    @Test
    void a_month_pays_by_the_brackets_of_its_own_year_in_force() {
        OrgRules.Dues flat2027 = new OrgRules.Dues(List.of(TestRules.bracket(null, "1")),
                List.of(TestRules.bracket(null, "0.5")), new BigDecimal("0.50"));
        RulesInForce withA2027Version = new RulesInForce() {
            @Override
            public <T> T of(RuleKind<T> kind, int year) {
                return year == 2027 && kind.type() == OrgRules.Dues.class ? kind.type().cast(flat2027) : kind.defaults();
            }
        };
        DuesCalculator byYear = new DuesCalculator(withA2027Version, OrgRuleKinds.dues(TestRules.defaults()),
                OrgRuleKinds.arrears(TestRules.defaults()));

        assertThat(byYear.monthly(DuesCategory.EMPLOYED, new BigDecimal("12000"), YearMonth.of(2026, 12)))
                .isEqualByComparingTo("240.00");
        assertThat(byYear.monthly(DuesCategory.EMPLOYED, new BigDecimal("12000"), YearMonth.of(2027, 1)))
                .isEqualByComparingTo("120.00");
        assertThat(byYear.monthly(DuesCategory.STUDENT, new BigDecimal("12000"), YearMonth.of(2027, 1)))
                .isEqualByComparingTo("0.50");
    }
}

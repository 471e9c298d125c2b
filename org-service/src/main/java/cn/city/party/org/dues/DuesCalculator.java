package cn.city.party.org.dues;

import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.rules.RulesInForce;
import cn.city.party.org.OrgRules;
import cn.city.party.org.member.DuesCategory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

/**
 * 党费标准: the whole declared after-tax monthly income pays the rate of the bracket it falls in (not a progressive
 * tax): by default employed up to 3,000 yuan 0.5%, up to 5,000 1%, up to 10,000 1.5%, above 2%; retired up to 5,000
 * 0.5%, above 1%; students, the unemployed and members in hardship 0.20 yuan. Exact: BigDecimal, rounded half-up to
 * the fen. The brackets and the arrears thresholds are those of the month's year in force now (docs/rules.md).
 */
@Component
public class DuesCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RulesInForce rules;
    private final RuleKind<OrgRules.Dues> dues;
    private final RuleKind<OrgRules.Arrears> arrears;

    public DuesCalculator(RulesInForce rules, RuleKind<OrgRules.Dues> dues, RuleKind<OrgRules.Arrears> arrears) {
        this.rules = rules;
        this.dues = dues;
        this.arrears = arrears;
    }

    /** The monthly amount in yuan, two decimals, for a month from {@code from} on. */
    public BigDecimal monthly(DuesCategory category, BigDecimal income, YearMonth from) {
        OrgRules.Dues brackets = rules.of(dues, from.getYear());
        if (category.paysFixedAmount()) {
            return brackets.fixedAmount().setScale(2, RoundingMode.HALF_UP);
        }
        List<OrgRules.Bracket> list = category == DuesCategory.RETIRED ? brackets.retired() : brackets.employed();
        OrgRules.Bracket bracket = list.stream()
                .filter(b -> b.upTo() == null || income.compareTo(b.upTo()) <= 0)
                .findFirst().orElseThrow(() -> new IllegalStateException("the last bracket must have no upper limit"));
        return income.multiply(bracket.percent()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** The same amount in fen, the unit stored. */
    public long monthlyFen(DuesCategory category, long incomeFen, YearMonth from) {
        return monthly(category, BigDecimal.valueOf(incomeFen, 2), from).movePointRight(2).longValueExact();
    }

    /** The arrears thresholds for unpaid months in a row up to {@code lastMonth}: those of its year. */
    public OrgRules.Arrears arrears(YearMonth lastMonth) {
        return rules.of(arrears, lastMonth.getYear());
    }

    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}

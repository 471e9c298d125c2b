package cn.city.party.org.dues;

import cn.city.party.org.OrgRules;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * 党费标准: the whole declared after-tax monthly income pays the rate of the bracket it falls in (not a progressive
 * tax): employed up to 3,000 yuan 0.5%, up to 5,000 1%, up to 10,000 1.5%, above 2%; retired up to 5,000 0.5%,
 * above 1%; students, the unemployed and members in hardship 0.20 yuan. Exact: BigDecimal, rounded half-up to the fen.
 */
@Component
public class DuesCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final OrgRules.Dues rules;

    public DuesCalculator(OrgRules rules) {
        this.rules = rules.dues();
    }

    /** The monthly amount in yuan, two decimals. */
    public BigDecimal monthly(DuesCategory category, BigDecimal income) {
        if (category.paysFixedAmount()) {
            return rules.fixedAmount().setScale(2, RoundingMode.HALF_UP);
        }
        List<OrgRules.Bracket> brackets = category == DuesCategory.RETIRED ? rules.retired() : rules.employed();
        OrgRules.Bracket bracket = brackets.stream()
                .filter(b -> b.upTo() == null || income.compareTo(b.upTo()) <= 0)
                .findFirst().orElseThrow(() -> new IllegalStateException("the last bracket must have no upper limit"));
        return income.multiply(bracket.percent()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** The same amount in fen, the unit stored. */
    public long monthlyFen(DuesCategory category, long incomeFen) {
        return monthly(category, BigDecimal.valueOf(incomeFen, 2)).movePointRight(2).longValueExact();
    }

    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}

package cn.city.party.org.department;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 专职党务干部配备: a department should have full-time Party-affairs cadres equal to a share of its staff headcount
 * (default 2%, a setting). The required number is rounded up: 101 staff at 2% need 3 cadres.
 *
 * @param fullTimeCadres the department's members flagged as full-time Party-affairs cadres
 * @param required       how many it should have
 * @param ratio          fullTimeCadres / staffHeadcount, as a percentage with two decimals
 * @param met            whether the target is met
 */
public record CadreRatio(int fullTimeCadres, int required, BigDecimal ratio, boolean met) {

    public static CadreRatio of(int fullTimeCadres, int staffHeadcount, BigDecimal targetPercent) {
        int required = new BigDecimal(staffHeadcount).multiply(targetPercent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValueExact();
        BigDecimal ratio = staffHeadcount == 0 ? BigDecimal.ZERO.setScale(2)
                : new BigDecimal(fullTimeCadres * 100L).divide(new BigDecimal(staffHeadcount), 2, RoundingMode.HALF_UP);
        return new CadreRatio(fullTimeCadres, required, ratio, fullTimeCadres >= required);
    }
}

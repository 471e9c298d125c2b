package cn.city.party.org;

import java.math.BigDecimal;
import java.util.List;

/** The default rule set of domain.md §1, as application.yml configures it, for plain unit tests. */
public final class TestRules {

    private TestRules() {
    }

    public static OrgRules defaults() {
        return new OrgRules(new BigDecimal("2"), 1, 12,
                new OrgRules.Committee(7, 3, 7, 90, 3, 3, 5, false),
                new OrgRules.Dues(
                        List.of(bracket("3000", "0.5"), bracket("5000", "1"), bracket("10000", "1.5"), bracket(null, "2")),
                        List.of(bracket("5000", "0.5"), bracket(null, "1")),
                        new BigDecimal("0.20")),
                OrgRules.Arrears.DEFAULT,
                new OrgRules.BranchSize(3, 50, 100));
    }

    public static OrgRules.Bracket bracket(String upTo, String percent) {
        return new OrgRules.Bracket(upTo == null ? null : new BigDecimal(upTo), new BigDecimal(percent));
    }
}

package cn.city.party.common.rules;

import cn.city.party.common.error.DomainProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a version's values, field by field, in the platform's message keys (rules.*). */
public final class RuleChecks {

    private final List<DomainProblem.Violation> violations = new ArrayList<>();

    public RuleChecks between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            add(field, "rules.between", min, max);
        }
        return this;
    }

    /** A required amount: present, not negative, at most {@code max}, in at most {@code scale} decimals. */
    public boolean amount(String field, BigDecimal value, BigDecimal max, int scale) {
        if (value == null) {
            add(field, "rules.required");
            return false;
        }
        if (value.signum() < 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > scale) {
            add(field, "rules.amountRange", max.toPlainString(), scale);
            return false;
        }
        return true;
    }

    public RuleChecks add(String field, String code, Object... args) {
        violations.add(new DomainProblem.Violation(field, code, args));
        return this;
    }

    public List<DomainProblem.Violation> violations() {
        return List.copyOf(violations);
    }
}

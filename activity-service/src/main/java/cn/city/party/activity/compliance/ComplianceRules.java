package cn.city.party.activity.compliance;

import cn.city.party.activity.period.PeriodKind;
import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.rules.RuleChecks;
import cn.city.party.common.rules.RuleKind;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of one version of the compliance rules (kind {@code compliance} of the rule book, docs/rules.md): the
 * city's, or a department's override. {@link RuleSet} is how the compliance endpoints and the evaluation read them.
 *
 * @param laxerApproval the work committee's approval of an override laxer than the city's; set only by
 *                      {@link RuleSetService} when it publishes that override, never from a request
 */
public record ComplianceRules(Integer lateEntryDays, Map<PeriodKind, Integer> warningDays, Double lateEntryWeight,
                              Double multiPurposeWeight, List<Rule> rules,
                              @JsonProperty(access = JsonProperty.Access.READ_ONLY) RuleSet.LaxerApproval laxerApproval) {

    public static final String KIND = "compliance";

    /**
     * The kind: the defaults of 《支部工作条例》 are version 0 of a year (as they were before the rule book), the
     * first published version is 1.
     */
    public static RuleKind<ComplianceRules> kind(int defaultLateEntryDays) {
        return new RuleKind<>(KIND, ComplianceRules.class, new ComplianceRules(defaultLateEntryDays,
                RuleSet.DEFAULT_WARNING_DAYS, RuleSet.DEFAULT_LATE_ENTRY_WEIGHT, RuleSet.DEFAULT_MULTI_PURPOSE_WEIGHT,
                RuleSetService.defaultRules(), null), ComplianceRules::violations, 0);
    }

    /**
     * A record may be entered late by 0 to 366 days, a warning window is 0 to 366 days, a weight 0 to 1; there are 1
     * to 100 rules, each of a type and period, asking for 1 to 1000 sittings, with a scope and condition that fit
     * its type.
     */
    public List<DomainProblem.Violation> violations() {
        RuleChecks checks = new RuleChecks();
        if (lateEntryDays == null) {
            checks.add("lateEntryDays", "rules.required");
        } else {
            checks.between("lateEntryDays", lateEntryDays, 0, 366);
        }
        if (warningDays != null) {
            warningDays.forEach((kind, days) -> {
                if (days == null) {
                    checks.add("warningDays." + kind, "rules.required");
                } else {
                    checks.between("warningDays." + kind, days, 0, 366);
                }
            });
        }
        weight(checks, "lateEntryWeight", lateEntryWeight);
        weight(checks, "multiPurposeWeight", multiPurposeWeight);
        if (rules == null || rules.isEmpty() || rules.size() > 100 || rules.stream().anyMatch(Objects::isNull)) {
            checks.add("rules", "rules.between", 1, 100);
            return checks.violations();
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.type() == null) {
                checks.add("rules[" + i + "].type", "rules.required");
            }
            if (rule.period() == null) {
                checks.add("rules[" + i + "].period", "rules.required");
            }
            checks.between("rules[" + i + "].minCount", rule.minCount(), 1, 1000);
        }
        List<DomainProblem.Violation> all = new ArrayList<>(checks.violations());
        if (all.isEmpty()) {
            all.addAll(RuleSetService.ruleViolations(rules));
        }
        return all;
    }

    private static void weight(RuleChecks checks, String field, Double weight) {
        if (weight != null && (weight < 0 || weight > 1)) {
            checks.add(field, "rules.between", 0, 1);
        }
    }
}

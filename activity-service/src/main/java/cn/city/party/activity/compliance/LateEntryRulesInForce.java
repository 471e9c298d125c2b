package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.LateEntryRule;
import cn.city.party.activity.activity.LateEntryRules;
import org.springframework.stereotype.Component;

/** The late-entry rule of the rule set in force for the department and year, for the activity lifecycle. */
@Component
class LateEntryRulesInForce implements LateEntryRules {

    private final RuleSetService rules;

    LateEntryRulesInForce(RuleSetService rules) {
        this.rules = rules;
    }

    @Override
    public LateEntryRule lateEntryRule(String department, int year) {
        return rules.lateEntryRule(department, year);
    }
}

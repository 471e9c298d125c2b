package cn.city.party.activity.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * 部门规则只能更严: a department's override feeds the city ranking, so rule by rule it may only ask for more than
 * the city's rule set. Every city rule must be kept by a rule at least as strict; a record may be late after no more
 * days; a late record and the extra types of a 一会多用 sitting may count no more. Anything else is laxer and needs
 * the work committee's approval.
 */
public final class OverrideStrictness {

    private OverrideStrictness() {
    }

    /** The ways {@code override} is laxer than {@code city}, each named by its field; empty when it is not. */
    public static List<String> laxities(RuleSet override, RuleSet city) {
        List<String> laxer = new ArrayList<>();
        for (Rule rule : city.rules()) {
            if (override.rules().stream().noneMatch(o -> o.atLeastAsStrictAs(rule))) {
                laxer.add("rules[" + rule.key() + "]");
            }
        }
        if (override.lateEntryDays() > city.lateEntryDays()) {
            laxer.add("lateEntryDays");
        }
        if (override.lateEntryWeight() > city.lateEntryWeight()) {
            laxer.add("lateEntryWeight");
        }
        if (override.multiPurposeWeight() > city.multiPurposeWeight()) {
            laxer.add("multiPurposeWeight");
        }
        return laxer;
    }
}

package cn.city.party.activity.compliance;

import cn.city.party.common.rules.RuleKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The activity-service's versioned rules (docs/rules.md): the compliance rules, the city's and departments' overrides. */
@Configuration
class ActivityRuleKinds {

    @Bean
    RuleKind<ComplianceRules> complianceRuleKind(@Value("${activity.rules.late-entry-days:7}") int lateEntryDays) {
        return ComplianceRules.kind(lateEntryDays);
    }
}

package cn.city.party.org;

import cn.city.party.common.rules.RuleKind;
import cn.city.party.org.scorecard.ScoringRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The org-service's versioned rules (docs/rules.md): dues, arrears, committee, branch size, probation and cadres,
 * version 1 of each year from {@link OrgRules}, and the scoring rules, version 0 of each year the city default.
 */
@Configuration
public class OrgRuleKinds {

    public static RuleKind<OrgRules.Dues> dues(OrgRules rules) {
        return new RuleKind<>("dues", OrgRules.Dues.class, rules.dues(), OrgRules.Dues::violations);
    }

    public static RuleKind<OrgRules.Arrears> arrears(OrgRules rules) {
        return new RuleKind<>("arrears", OrgRules.Arrears.class, rules.arrears(), OrgRules.Arrears::violations);
    }

    public static RuleKind<OrgRules.Committee> committee(OrgRules rules) {
        return new RuleKind<>("committee", OrgRules.Committee.class, rules.committee(), OrgRules.Committee::violations);
    }

    public static RuleKind<OrgRules.BranchSize> branchSize(OrgRules rules) {
        return new RuleKind<>("branchSize", OrgRules.BranchSize.class, rules.branchSize(), OrgRules.BranchSize::violations);
    }

    public static RuleKind<OrgRules.Probation> probation(OrgRules rules) {
        return new RuleKind<>("probation", OrgRules.Probation.class, rules.probation(), OrgRules.Probation::violations);
    }

    public static RuleKind<OrgRules.Cadres> cadres(OrgRules rules) {
        return new RuleKind<>("cadres", OrgRules.Cadres.class, rules.cadres(), OrgRules.Cadres::violations);
    }

    @Bean
    RuleKind<OrgRules.Dues> duesRuleKind(OrgRules rules) {
        return dues(rules);
    }

    @Bean
    RuleKind<OrgRules.Arrears> arrearsRuleKind(OrgRules rules) {
        return arrears(rules);
    }

    @Bean
    RuleKind<OrgRules.Committee> committeeRuleKind(OrgRules rules) {
        return committee(rules);
    }

    @Bean
    RuleKind<OrgRules.BranchSize> branchSizeRuleKind(OrgRules rules) {
        return branchSize(rules);
    }

    @Bean
    RuleKind<OrgRules.Probation> probationRuleKind(OrgRules rules) {
        return probation(rules);
    }

    @Bean
    RuleKind<OrgRules.Cadres> cadresRuleKind(OrgRules rules) {
        return cadres(rules);
    }

    @Bean
    RuleKind<ScoringRules> scoringRuleKind() {
        return ScoringRules.RULE_KIND;
    }
}

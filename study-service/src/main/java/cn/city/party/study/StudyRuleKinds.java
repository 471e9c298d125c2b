package cn.city.party.study;

import cn.city.party.common.rules.RuleKind;
import cn.city.party.study.progress.StudyRules;
import cn.city.party.study.progress.StudyTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The study-service's versioned rules (docs/rules.md), version 1 of each year from {@link StudyRules}. */
@Configuration
public class StudyRuleKinds {

    public static RuleKind<StudyTargets> credits(StudyRules configured) {
        return new RuleKind<>("credits", StudyTargets.class, new StudyTargets(configured.creditTarget(),
                configured.creditTargetLeading(), configured.newMemberStudyDays()), StudyTargets::violations);
    }

    @Bean
    RuleKind<StudyTargets> creditsRuleKind(StudyRules configured) {
        return credits(configured);
    }
}

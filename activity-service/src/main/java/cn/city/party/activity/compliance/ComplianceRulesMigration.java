package cn.city.party.activity.compliance;

import cn.city.party.common.rules.RuleBook;
import cn.city.party.common.rules.RuleKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The compliance rule sets published before they joined the rule book (collection {@code rule_sets}) become versions
 * of kind {@code compliance} with their numbers, times, publishers and approvals, once; the old collection is left
 * as it was.
 */
@Component
class ComplianceRulesMigration implements ApplicationRunner {

    static final String LEGACY = "rule_sets";
    private static final Logger log = LoggerFactory.getLogger(ComplianceRulesMigration.class);

    private final MongoTemplate mongo;
    private final RuleBook book;
    private final RuleKind<ComplianceRules> kind;

    ComplianceRulesMigration(MongoTemplate mongo, RuleBook book, RuleKind<ComplianceRules> kind) {
        this.mongo = mongo;
        this.book = book;
        this.kind = kind;
    }

    @Override
    public void run(ApplicationArguments args) {
        long adopted = mongo.findAll(RuleSet.class, LEGACY).stream().filter(set -> book.adopt(kind,
                RuleSet.CITY.equals(set.owner()) ? null : set.owner(), set.year(), set.version(), set.publishedAt(),
                set.publishedBy(), set.laxerApproval() != null ? set.laxerApproval().reason() : "迁移自原合规规则库",
                set.values(set.laxerApproval()))).count();
        if (adopted > 0) {
            log.info("{} compliance rule sets of {} recorded as versions of the rule book", adopted, LEGACY);
        }
    }
}

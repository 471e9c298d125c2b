package cn.city.party.org.scorecard;

import cn.city.party.common.rules.RuleBook;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;

/**
 * The scoring rules set before they joined the rule book (collection {@code scorecard_rules}: one document per year
 * holding every setting) become versions of kind {@code scoring} with their numbers, times and authors, once; the old
 * collection is left as it was.
 */
@Component
class ScoringRulesMigration implements ApplicationRunner {

    static final String LEGACY = "scorecard_rules";
    private static final Logger log = LoggerFactory.getLogger(ScoringRulesMigration.class);

    private final MongoTemplate mongo;
    private final RuleBook book;

    ScoringRulesMigration(MongoTemplate mongo, RuleBook book) {
        this.mongo = mongo;
        this.book = book;
    }

    @Override
    public void run(ApplicationArguments args) {
        int adopted = 0;
        for (Document year : mongo.getCollection(LEGACY).find()) {
            for (Document setting : year.getList("versions", Document.class, List.of())) {
                Document rules = setting.get("rules", Document.class);
                if (book.adopt(ScoringRules.RULE_KIND, null, year.getInteger("_id"), rules.getInteger("version"),
                        setting.get("setAt", Date.class).toInstant(), setting.getString("setBy"), "迁移自原考核细则库",
                        mongo.getConverter().read(ScoringRules.class, rules))) {
                    adopted++;
                }
            }
        }
        if (adopted > 0) {
            log.info("{} scoring rule settings of {} recorded as versions of the rule book", adopted, LEGACY);
        }
    }
}

package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.period.PeriodKind;
import cn.city.party.common.rules.RuleBook;
import cn.city.party.common.rules.RuleKind;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule sets published before the rule book keep their numbers, publishers and approvals as its versions. */
class ComplianceRulesMigrationTest {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:" + SERVER.bind().getPort());
    private static final Instant MARCH = Instant.parse("2026-03-01T08:00:00Z");
    private static final Rule COMMITTEE_QUARTERLY = new Rule(ActivityType.BRANCH_COMMITTEE_MEETING, 1, PeriodKind.QUARTER,
            RuleScope.BRANCH, RuleCondition.NONE);

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    @Test
    void each_legacy_rule_set_becomes_the_same_version_of_the_city_or_its_department_once() {
        MongoTemplate mongo = new MongoTemplate(CLIENT, "migration-" + System.nanoTime());
        RuleSet.LaxerApproval approval = new RuleSet.LaxerApproval("work-committee", MARCH, "机构改革期间按季度召开",
                List.of("rules[BRANCH_COMMITTEE_MEETING/MONTH/BRANCH/NONE]"));
        mongo.insert(new RuleSet("city:2026:v1", RuleSet.CITY, 2026, 1, 10, null, null, null,
                RuleSetService.defaultRules(), "work-committee", MARCH, null), ComplianceRulesMigration.LEGACY);
        mongo.insert(new RuleSet("caizheng:2026:v1", "caizheng", 2026, 1, 7, null, null, null,
                List.of(COMMITTEE_QUARTERLY), "work-committee", MARCH.plusSeconds(60), approval), ComplianceRulesMigration.LEGACY);
        RuleKind<ComplianceRules> kind = ComplianceRules.kind(7);
        RuleBook book = new RuleBook(mongo, Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC),
                JsonMapper.builder().build(), List.of(kind));
        RuleSetService rules = new RuleSetService(book, kind, Clock.systemUTC());

        ComplianceRulesMigration migration = new ComplianceRulesMigration(mongo, book, kind);
        migration.run(null);
        migration.run(null);

        RuleSet city = rules.effective("jiaoyu", 2026);
        assertThat(city.version()).isEqualTo(1);
        assertThat(city.lateEntryDays()).isEqualTo(10);
        assertThat(city.publishedBy()).isEqualTo("work-committee");
        assertThat(city.publishedAt()).isEqualTo(MARCH);
        RuleSet caizheng = rules.effective("caizheng", 2026);
        assertThat(caizheng.owner()).isEqualTo("caizheng");
        assertThat(caizheng.rules()).containsExactly(COMMITTEE_QUARTERLY);
        assertThat(caizheng.laxerApproval()).isEqualTo(approval);
        assertThat(rules.history("caizheng", 2026)).hasSize(1);
        assertThat(book.history(kind, "caizheng", 2026).get(0).reason()).isEqualTo("机构改革期间按季度召开");
    }
}

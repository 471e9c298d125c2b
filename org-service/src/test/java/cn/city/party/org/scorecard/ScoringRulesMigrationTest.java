package cn.city.party.org.scorecard;

import cn.city.party.common.rules.RuleBook;
import cn.city.party.common.rules.RuleVersion;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scoring rules set before the rule book keep their version numbers, times and authors as its versions. */
class ScoringRulesMigrationTest {

    @Test
    void every_setting_of_a_legacy_year_becomes_the_same_version_once() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "scoring-migration");
            Instant march = Instant.parse("2026-03-01T08:00:00Z");
            Document first = setting(1, "35", march);
            Document second = setting(2, "50", march.plusSeconds(3600));
            mongo.getCollection(ScoringRulesMigration.LEGACY).insertOne(new Document("_id", 2026)
                    .append("versions", List.of(first, second)).append("revision", 1L));
            RuleBook book = new RuleBook(mongo, Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC),
                    JsonMapper.builder().build(), List.of(ScoringRules.RULE_KIND));

            ScoringRulesMigration migration = new ScoringRulesMigration(mongo, book);
            migration.run(null);
            migration.run(null);

            assertThat(book.history(ScoringRules.RULE_KIND, 2026)).extracting(RuleVersion::version, RuleVersion::author)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "work-committee"),
                            org.assertj.core.groups.Tuple.tuple(2, "work-committee"));
            ScoringRules.OfYear inForce = ScoringRules.OfYear.of(book.current(ScoringRules.RULE_KIND, 2026));
            assertThat(inForce.version()).isEqualTo(2);
            assertThat(inForce.rules().complianceWeight()).isEqualByComparingTo("50");
            assertThat(inForce.rules().starThresholds()).containsExactly(new BigDecimal("60"), new BigDecimal("70"),
                    new BigDecimal("80"), new BigDecimal("90"), new BigDecimal("95"));
        } finally {
            server.shutdownNow();
        }
    }

    /** A setting as the old store kept it (amounts as strings): the rules with their year and version, when and by whom. */
    private static Document setting(int version, String complianceWeight, Instant at) {
        ScoringRules d = ScoringRules.cityDefault();
        Document rules = new Document("year", 2026).append("version", version)
                .append("complianceWeight", complianceWeight)
                .append("qualityWeight", d.qualityWeight().toString()).append("studyWeight", d.studyWeight().toString())
                .append("termOnTimeWeight", d.termOnTimeWeight().toString())
                .append("committeeCompleteWeight", d.committeeCompleteWeight().toString())
                .append("duesWeight", d.duesWeight().toString()).append("duesArrearsDeduction", d.duesArrearsDeduction().toString())
                .append("sanctionDeduction", d.sanctionDeduction().toString())
                .append("accountabilityDeduction", d.accountabilityDeduction().toString())
                .append("lateEntryDeduction", d.lateEntryDeduction().toString())
                .append("starThresholds", List.of("60", "70", "80", "90", "95"))
                .append("weakBranch", new Document("secretaryVacantMonths", 3).append("consecutiveQuartersMissed", 2)
                        .append("organizationalLifeMeeting", true).append("tooFewFullMembers", true));
        return new Document("rules", rules).append("setAt", Date.from(at)).append("setBy", "work-committee");
    }
}

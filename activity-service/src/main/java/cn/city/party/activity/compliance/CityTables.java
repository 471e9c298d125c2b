package cn.city.party.activity.compliance;

import cn.city.party.activity.period.Period;
import cn.city.party.common.rules.RuleVersion;
import cn.city.party.common.time.PlatformCalendar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The city's compliance tables, kept per period: evaluating one reads and judges every branch's read-model document
 * (seconds with 2,500 branches), while what it is evaluated from is read in two small queries. So each call reads that
 * key from the database and evaluates only when it differs from the kept table's: a write of the year's read model
 * ({@link ReadModelChanges}), a rule version coming into force or a new day (statuses move at day boundaries) changes
 * it. The key lives in the database, so a change made through any instance is seen by every instance's next call.
 * At most {@code activity.compliance.city-tables} periods are kept per instance.
 */
@Component
public class CityTables {

    /** What a city table was evaluated from: the year's read-model writes, the rule versions in force, the day. */
    record Key(long readModelChanges, List<String> rulesInForce, LocalDate today) {
    }

    private final ReadModelChanges changes;
    private final MongoTemplate mongo;
    private final PlatformCalendar calendar;
    private final KeptTables<Key, ComplianceService.CityView> kept;
    private final Counter evaluations;

    public CityTables(ReadModelChanges changes, MongoTemplate mongo, PlatformCalendar calendar,
                      @Value("${activity.compliance.city-tables:64}") int capacity, MeterRegistry meters) {
        this.changes = changes;
        this.mongo = mongo;
        this.calendar = calendar;
        this.kept = new KeptTables<>(capacity);
        this.evaluations = Counter.builder("activity.compliance.city.evaluations")
                .description("City compliance tables evaluated because none was kept for what they are evaluated from")
                .register(meters);
    }

    /** The kept table of {@code period} if still current, else {@code evaluate}'s (the whole city, not a department). */
    ComplianceService.CityView city(Period period, Function<Period, ComplianceService.CityView> evaluate) {
        // read before evaluating: a write during the evaluation raises the count past this key, so the next call evaluates
        Key key = keyOf(period.year());
        return kept.get(period, key, () -> {
            evaluations.increment();
            return evaluate.apply(period);
        });
    }

    Key keyOf(int year) {
        Instant now = calendar.now();
        // every version come into force: the one in force per owner is the latest of them, so publishing changes the
        // key only once the version applies
        Query versions = Query.query(Criteria.where("kind").is(ComplianceRules.KIND).and("year").is(year)
                .and("inForceSince").lte(now)).with(Sort.by("_id"));
        versions.fields().include("_id");
        List<String> inForce = mongo.find(versions, Document.class, mongo.getCollectionName(RuleVersion.class)).stream()
                .map(v -> v.getString("_id")).toList();
        // the day of the periods' zone: the one whose midnight moves the statuses
        return new Key(changes.of(year), inForce, LocalDate.ofInstant(now, Period.ZONE));
    }
}

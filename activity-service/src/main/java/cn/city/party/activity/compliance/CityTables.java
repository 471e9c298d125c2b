package cn.city.party.activity.compliance;

import cn.city.party.activity.period.Period;
import cn.city.party.common.persistence.KeptTables;
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
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The city's compliance tables, kept per period and made of department tables kept per period and department:
 * evaluating a department reads and judges each of its branches' read-model documents (about 23 KB each; seconds for
 * the city's 2,500), while what a table is evaluated from is read in two small queries. So each call reads those keys
 * from the database and evaluates only the departments whose key differs from their kept table's: a write of the
 * department's read model of the year ({@link ReadModelChanges}), a rule version coming into force or a new day
 * (statuses move at day boundaries) changes it. The keys live in the database, so a change made through any instance is
 * seen by every instance's next call. At most {@code activity.compliance.city-tables} periods and {@code
 * activity.compliance.department-tables} department tables are kept per instance.
 */
@Component
public class CityTables {

    /** What a department's table was evaluated from: its read-model writes, the rule versions in force, the day. */
    record Key(long readModelChanges, List<String> rulesInForce, LocalDate today) {
    }

    /** What a city table was composed from: each department's key. */
    record CityKey(Map<String, Long> readModelChanges, List<String> rulesInForce, LocalDate today) {
    }

    /** A department's table: its line in the city table and its branches' figures added up (for the city's quality). */
    record DepartmentTable(ComplianceService.DepartmentLine line, Figures total) {
    }

    private record DepartmentPeriod(Period period, String department) {
    }

    private final ReadModelChanges changes;
    private final MongoTemplate mongo;
    private final PlatformCalendar calendar;
    private final KeptTables<Period, CityKey, ComplianceService.CityView> cities;
    private final KeptTables<DepartmentPeriod, Key, DepartmentTable> departments;
    private final Counter evaluations;
    private final Counter departmentEvaluations;

    public CityTables(ReadModelChanges changes, MongoTemplate mongo, PlatformCalendar calendar,
                      @Value("${activity.compliance.city-tables:64}") int capacity,
                      @Value("${activity.compliance.department-tables:4096}") int departmentCapacity,
                      MeterRegistry meters) {
        this.changes = changes;
        this.mongo = mongo;
        this.calendar = calendar;
        this.cities = new KeptTables<>(capacity);
        this.departments = new KeptTables<>(departmentCapacity);
        this.evaluations = Counter.builder("activity.compliance.city.evaluations")
                .description("City compliance tables composed because none was kept for what they are evaluated from")
                .register(meters);
        this.departmentEvaluations = Counter.builder("activity.compliance.department.evaluations")
                .description("Department tables of the city's compliance evaluated because none was kept for what they are "
                        + "evaluated from")
                .register(meters);
    }

    /**
     * The kept city table of {@code period} if still current, else {@code compose}'s from each department's table:
     * the one kept if still current, else {@code evaluate}'s.
     */
    ComplianceService.CityView city(Period period, BiFunction<Period, String, DepartmentTable> evaluate,
                                    Function<List<DepartmentTable>, ComplianceService.CityView> compose) {
        // read before evaluating: a write during the evaluation raises the count past this key, so the next call evaluates
        CityKey key = keyOf(period.year());
        return cities.get(period, key, () -> {
            evaluations.increment();
            return compose.apply(key.readModelChanges().entrySet().stream().map(count -> departments.get(
                    new DepartmentPeriod(period, count.getKey()),
                    new Key(count.getValue(), key.rulesInForce(), key.today()), () -> {
                        departmentEvaluations.increment();
                        return evaluate.apply(period, count.getKey());
                    })).toList());
        });
    }

    CityKey keyOf(int year) {
        Instant now = calendar.now();
        // every version come into force: the one in force per owner is the latest of them, so publishing changes the
        // key only once the version applies
        Query versions = Query.query(Criteria.where("kind").is(ComplianceRules.KIND).and("year").is(year)
                .and("inForceSince").lte(now)).with(Sort.by("_id"));
        versions.fields().include("_id");
        List<String> inForce = mongo.find(versions, Document.class, mongo.getCollectionName(RuleVersion.class)).stream()
                .map(v -> v.getString("_id")).toList();
        // the day of the periods' zone: the one whose midnight moves the statuses
        return new CityKey(changes.of(year), inForce, LocalDate.ofInstant(now, Period.ZONE));
    }
}

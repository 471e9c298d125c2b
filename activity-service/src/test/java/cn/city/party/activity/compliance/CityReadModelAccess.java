package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.period.Period;
import cn.city.party.common.rules.RuleBook;
import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.time.PlatformCalendar;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * For the benchmark and the tests: fills the read model as the projection does and runs the real city query on it, as
 * another instance of the service would.
 */
public final class CityReadModelAccess {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ReadModelChanges changes;
    private final RuleSetService rules;
    private final ComplianceService service;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** Another instance of the city query on {@code mongo}, with its own clock and kept tables. */
    public CityReadModelAccess(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.changes = new ReadModelChanges(mongo);
        // the city query reads only the read model and the rule sets; the other collaborators serve branch views
        RuleKind<ComplianceRules> kind = ComplianceRules.kind(7);
        this.rules = new RuleSetService(new RuleBook(mongo, clock, JsonMapper.builder().build(), List.of(kind)), kind, clock);
        CityTables tables = new CityTables(changes, mongo, new PlatformCalendar(clock, Period.ZONE), 64, 4096, meters);
        this.service = new ComplianceService(null, rules, null, null, null, mongo, clock, tables);
    }

    /** Writes the branch's figures of the year into the read model and counts the write, as the projection does. */
    public void store(String department, String branchId, String name, int year, List<Activity> activities,
                      List<String> groups, String secretaryId, List<String> committee, List<String> members) {
        BranchCompliance doc = Optional.ofNullable(mongo.findById(BranchCompliance.idOf(branchId, year), BranchCompliance.class))
                .orElseGet(() -> new BranchCompliance(department, branchId, year));
        RuleSet set = rules.effective(department, year); // records the year's default rules on first use, as there
        doc.update(name, Figures.of(year, activities, set.weights(), groups, secretaryId, committee, members), clock.instant());
        mongo.save(doc);
        changes.raise(year, department);
    }

    /** How many city tables this instance has evaluated (the others it served from the ones kept). */
    public long evaluations() {
        return (long) meters.counter("activity.compliance.city.evaluations").count();
    }

    /** How many department tables this instance has evaluated (the others it served from the ones kept). */
    public long departmentEvaluations() {
        return (long) meters.counter("activity.compliance.department.evaluations").count();
    }

    /** Reads the year's read-model documents only (to separate reading from evaluating). */
    public int loadOnly(int year) {
        return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("year").is(year)), BranchCompliance.class).size();
    }

    /** Runs the warm-up as the schedule does. */
    public void warmUp() {
        service.warmUp();
    }

    public ComplianceService.CityView query(Period period) {
        return service.city(period);
    }
}

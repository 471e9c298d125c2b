package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.period.Period;
import cn.city.party.common.rules.RuleBook;
import cn.city.party.common.rules.RuleKind;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;

/** For the benchmark: fills the read model as the projection does and runs the real city query on it. */
public final class CityReadModelAccess {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ComplianceService service;

    public CityReadModelAccess(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // the city query reads only the read model and the rule sets; the other collaborators serve branch views
        RuleKind<ComplianceRules> rules = ComplianceRules.kind(7);
        this.service = new ComplianceService(null, new RuleSetService(new RuleBook(mongo, clock, JsonMapper.builder().build(),
                List.of(rules)), rules, clock), null, null, null, mongo, clock);
    }

    public void store(String department, String branchId, String name, int year, List<Activity> activities,
                      List<String> groups, String secretaryId, List<String> committee, List<String> members) {
        BranchCompliance doc = new BranchCompliance(department, branchId, year);
        doc.update(name, Figures.of(year, activities, RuleSet.DEFAULT_WEIGHTS, groups, secretaryId, committee, members), clock.instant());
        mongo.insert(doc);
    }

    /** Reads the year's read-model documents only (to separate reading from evaluating). */
    public int loadOnly(int year) {
        return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("year").is(year)), BranchCompliance.class).size();
    }

    public ComplianceService.CityView query(Period period) {
        return service.city(period);
    }
}

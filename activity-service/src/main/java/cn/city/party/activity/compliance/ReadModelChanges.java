package cn.city.party.activity.compliance;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * How often each department's read model ({@link BranchCompliance}) of a year has been written: one small document per
 * year and department in {@value #COLLECTION}, raised after every write. A department's table evaluated from the read
 * model is current while its count is unchanged ({@link CityTables}); the counts live in the database, so a write on
 * one instance is seen by all. Per department, so that a sitting recorded in one department leaves the other
 * departments' tables kept.
 */
@Component
public class ReadModelChanges implements ApplicationRunner {

    static final String COLLECTION = "branch_compliance_changes";
    private static final String CHANGES = "changes";
    private static final Logger log = LoggerFactory.getLogger(ReadModelChanges.class);

    private final MongoTemplate mongo;

    public ReadModelChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Counts a write of the department's read model of the year: call it after the write, also when the write failed
     * (it may have landed).
     */
    public void raise(int year, String department) {
        mongo.upsert(Query.query(Criteria.where("_id").is(year + ":" + department)),
                new Update().setOnInsert("year", year).setOnInsert("department", department).inc(CHANGES, 1L), COLLECTION);
    }

    /** The year's count per department, by department; a department appears once its read model has been written. */
    public Map<String, Long> of(int year) {
        Map<String, Long> counts = new TreeMap<>();
        mongo.find(Query.query(Criteria.where("year").is(year)), Document.class, COLLECTION)
                .forEach(c -> counts.put(c.getString("department"), ((Number) c.get(CHANGES)).longValue()));
        return counts;
    }

    /**
     * The counts kept before they were per department (one document per year, {@code _id} the year) become a count of
     * 0 for each department with read-model documents of that year, once: else those departments would be missing from
     * the city's tables until their next write.
     */
    @Override
    public void run(ApplicationArguments args) {
        for (Document legacy : mongo.find(Query.query(Criteria.where("_id").type(16)), Document.class, COLLECTION)) {
            int year = legacy.getInteger("_id");
            var departments = mongo.findDistinct(Query.query(Criteria.where("year").is(year)), "department",
                    BranchCompliance.class, String.class);
            departments.forEach(d -> mongo.upsert(Query.query(Criteria.where("_id").is(year + ":" + d)),
                    new Update().setOnInsert("year", year).setOnInsert("department", d).setOnInsert(CHANGES, 0L),
                    COLLECTION));
            mongo.remove(Query.query(Criteria.where("_id").is(year)), COLLECTION);
            log.info("read-model change count of {} kept per department from now on ({} departments)", year,
                    departments.size());
        }
    }
}

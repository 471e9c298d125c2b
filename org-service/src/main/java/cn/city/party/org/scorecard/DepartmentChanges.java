package cn.city.party.org.scorecard;

import cn.city.party.org.member.RosterChanges;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How often what a department's scorecards are evaluated from has been written: its branches and their facts
 * ({@link ScorecardListener}) and its members' rolls ({@link RosterChanges}). One small document per department in
 * {@value #COLLECTION}, raised after every write; the department's kept scorecards ({@link DepartmentTables}) are
 * current while its count is unchanged. The count lives in the database, so a write on one instance is seen by all.
 */
@Component
class DepartmentChanges implements RosterChanges {

    static final String COLLECTION = "scorecard_department_changes";
    private static final String CHANGES = "changes";

    private final MongoTemplate mongo;

    DepartmentChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Counts a write of the department's scorecard inputs: call it after the write, also when the write failed. */
    @Override
    public void raise(String department) {
        mongo.upsert(Query.query(Criteria.where("_id").is(department)), new Update().inc(CHANGES, 1L), COLLECTION);
    }

    /** Each department's count, read in one query (0 before its first write). */
    Map<String, Long> of(Collection<String> departments) {
        Map<String, Long> counts = new HashMap<>();
        departments.forEach(d -> counts.put(d, 0L));
        mongo.find(Query.query(Criteria.where("_id").in(departments)), Document.class, COLLECTION)
                .forEach(c -> counts.put(c.getString("_id"), ((Number) c.get(CHANGES)).longValue()));
        return counts;
    }
}

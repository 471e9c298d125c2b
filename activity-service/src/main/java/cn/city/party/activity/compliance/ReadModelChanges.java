package cn.city.party.activity.compliance;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How often the read model ({@link BranchCompliance}) of a year has been written: one small document per year in
 * {@value #COLLECTION}, raised after every write. A table evaluated from the read model is current while the count is
 * unchanged ({@link CityTables}); it lives in the database, so a write on one instance is seen by all.
 */
@Component
public class ReadModelChanges {

    static final String COLLECTION = "branch_compliance_changes";
    private static final String CHANGES = "changes";

    private final MongoTemplate mongo;

    public ReadModelChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Counts a write of the year's read model: call it after the write, also when the write failed (it may have landed). */
    public void raise(int year) {
        mongo.upsert(Query.query(Criteria.where("_id").is(year)), new Update().inc(CHANGES, 1L), COLLECTION);
    }

    /** The year's count (0 before the first write). */
    public long of(int year) {
        Document counter = mongo.findById(year, Document.class, COLLECTION);
        return counter == null ? 0 : ((Number) counter.get(CHANGES)).longValue();
    }
}

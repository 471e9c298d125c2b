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
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How often what a department's scorecards are evaluated from has been written: its branches and their facts
 * ({@link ScorecardListener}) and its members' rolls ({@link RosterChanges}). One small document per department in
 * {@value #COLLECTION}, raised after every write: a count of the department, a count per branch the write named, and a
 * count of writes that named none (they may change any of its branches). The department's kept scorecards
 * ({@link DepartmentTables}) are current while its count is unchanged, and each branch's while its own count and the
 * department's unnamed count are; the counts live in the database, so a write on one instance is seen by all.
 */
@Component
class DepartmentChanges implements RosterChanges {

    static final String COLLECTION = "scorecard_department_changes";
    private static final String CHANGES = "changes";
    private static final String UNNAMED = "unnamed";
    private static final String BRANCHES = "branches";

    private final MongoTemplate mongo;

    DepartmentChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A department's counts as read before an evaluation. */
    record Counts(long changes, long unnamed, Map<String, Long> branches) {

        static final Counts NONE = new Counts(0, 0, Map.of());

        Counts {
            branches = Map.copyOf(branches);
        }

        long branch(String branchId) {
            return branches.getOrDefault(branchId, 0L);
        }
    }

    /**
     * Counts a write of what the named branches of the department are scored from (none named: any of them); call it
     * after the write, also when the write failed. A branch id that cannot be a field name counts as none named.
     */
    @Override
    public void raise(String department, Collection<String> branchIds) {
        List<String> named = branchIds.stream().filter(Objects::nonNull).distinct().toList();
        Update update = new Update().inc(CHANGES, 1L);
        if (named.isEmpty() || named.stream().anyMatch(id -> id.isEmpty() || id.contains(".") || id.startsWith("$"))) {
            update.inc(UNNAMED, 1L);
        } else {
            named.forEach(id -> update.inc(BRANCHES + "." + id, 1L));
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(department)), update, COLLECTION);
    }

    /** Counts a write that may change any branch of the department. */
    void raise(String department) {
        raise(department, List.of());
    }

    /** Each department's counts, read in one query ({@link Counts#NONE} before its first write). */
    Map<String, Counts> of(Collection<String> departments) {
        Map<String, Counts> counts = new HashMap<>();
        departments.forEach(d -> counts.put(d, Counts.NONE));
        mongo.find(Query.query(Criteria.where("_id").in(departments)), Document.class, COLLECTION).forEach(c -> {
            Map<String, Long> branches = new HashMap<>();
            Document named = c.get(BRANCHES, Document.class);
            if (named != null) {
                named.forEach((id, n) -> branches.put(id, ((Number) n).longValue()));
            }
            counts.put(c.getString("_id"), new Counts(number(c, CHANGES), number(c, UNNAMED), branches));
        });
        return counts;
    }

    private static long number(Document counts, String field) {
        return counts.get(field) instanceof Number n ? n.longValue() : 0;
    }
}

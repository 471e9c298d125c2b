package cn.city.party.common.tenancy;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.CurrentCaller;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;
import java.util.Optional;

/**
 * The one way request-path code reads and writes department-owned records: every query is narrowed to the current
 * caller's {@link DepartmentScope} here, so no endpoint can forget it. A record outside the scope behaves as if it
 * did not exist (404), which also hides whether another department has it. Writes of a record into a department
 * outside the scope are refused (403).
 */
public class ScopedMongo {

    private final MongoTemplate mongo;

    public ScopedMongo(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public DepartmentScope scope() {
        return CurrentCaller.find().map(DepartmentScope::of)
                .orElseThrow(() -> new IllegalStateException("scoped data access without a caller"));
    }

    /** {@code criteria} AND the caller's department scope. */
    public Query query(Criteria criteria) {
        Optional<Criteria> scope = scope().criteria();
        return new Query(scope.map(s -> new Criteria().andOperator(criteria, s)).orElse(criteria));
    }

    public <T> List<T> find(Criteria criteria, Class<T> type) {
        return mongo.find(query(criteria), type);
    }

    public <T> List<T> find(Criteria criteria, org.springframework.data.domain.Sort sort, Class<T> type) {
        return mongo.find(query(criteria).with(sort), type);
    }

    /**
     * One page in scope. The page is read first and the matches are counted only when it cannot tell their number (a
     * full page, or an empty one past the first): the count is a second pass over the collection, and most filtered
     * lists (a branch's members, the last page) do not fill a page.
     */
    public <T> Page<T> page(Criteria criteria, Pageable pageable, Class<T> type) {
        Query query = query(criteria);
        List<T> content = mongo.find(Query.of(query).with(pageable), type);
        return PageableExecutionUtils.getPage(content, pageable, () -> mongo.count(query, type));
    }

    public <T> long count(Criteria criteria, Class<T> type) {
        return mongo.count(query(criteria), type);
    }

    public <T> boolean exists(Criteria criteria, Class<T> type) {
        return mongo.exists(query(criteria), type);
    }

    public <T> Optional<T> findById(Object id, Class<T> type) {
        return Optional.ofNullable(mongo.findOne(query(Criteria.where("_id").is(id)), type));
    }

    /** Like {@link #findById} but a missing or out-of-scope record is a 404 problem naming {@code what}. */
    public <T> T getById(Object id, Class<T> type, String what) {
        return findById(id, type).orElseThrow(() -> Problems.notFound(what, id));
    }

    /**
     * Inserts or replaces one record, with its pending events, in one atomic write. A stored record with the same id
     * in another department is never replaced (a save is an upsert by id): 409, naming neither that department nor
     * what it holds.
     */
    public <T extends DepartmentOwned> T save(T record) {
        requireWritable(record.department());
        Object id = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(record.getClass())
                .getIdentifierAccessor(record).getIdentifier();
        if (id != null && mongo.exists(new Query(Criteria.where("_id").is(id)
                .and(DepartmentOwned.FIELD).ne(record.department())), record.getClass())) {
            throw Problems.conflict("record.idTaken", id);
        }
        return mongo.save(record);
    }

    public <T extends DepartmentOwned> T insert(T record) {
        requireWritable(record.department());
        return mongo.insert(record);
    }

    /** Atomic conditional update of one scoped record; empty when nothing in scope matched. */
    public <T> Optional<T> findAndModify(Criteria criteria, Update update, Class<T> type) {
        return Optional.ofNullable(mongo.findAndModify(query(criteria), update,
                FindAndModifyOptions.options().returnNew(true), type));
    }

    public <T> boolean deleteById(Object id, Class<T> type) {
        return mongo.remove(query(Criteria.where("_id").is(id)), type).getDeletedCount() > 0;
    }

    public void requireWritable(String department) {
        requireInScope(department);
    }

    /** For a report named after {@code department}: out of scope is 403, never an empty report under its name. */
    public void requireInScope(String department) {
        if (!scope().permits(department)) {
            throw Problems.forbidden("department.outOfScope", department);
        }
    }
}

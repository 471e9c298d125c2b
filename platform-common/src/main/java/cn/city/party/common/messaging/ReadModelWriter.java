package cn.city.party.common.messaging;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.events.PoisonEventException;
import cn.city.party.common.events.UntrustedEventException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;
import java.util.Objects;

/**
 * Applies a consumed event to one read-model document exactly once. The marker of applied event ids lives in the
 * document it guards and is written in the same atomic update as the effect, so a redelivered event matches
 * nothing and changes nothing, with no transaction needed.
 *
 * <p>An event only changes a record of its own department (the envelope's {@code department}, which its data must
 * repeat, see {@link EventCodec#data}): an event for a stored record of another department is refused with an
 * {@link UntrustedEventException}, so the consumer dead-letters it and nothing changes. Only an event that moves a
 * record (org-service's member transfer) changes its department, and only from the one its data names as
 * {@value #FROM_DEPARTMENT}.
 */
public class ReadModelWriter {

    public static final String APPLIED = "appliedEvents";
    public static final String DEPARTMENT = "department";
    public static final String FROM_DEPARTMENT = "fromDepartment";
    /** Redeliveries come shortly after the original (rebalance, relay retry); older ids can be forgotten. */
    static final int REMEMBERED = 500;

    private final MongoTemplate mongo;

    public ReadModelWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Upserts document {@code id} of {@code type} with {@code update} unless {@code event} was already applied to it.
     * A new document gets the event's department. Returns whether the effect was applied now.
     */
    public boolean applyOnce(Class<?> type, Object id, EventEnvelope event, Update update) {
        String storedDepartment = requireDepartment(event, update);
        if (!update.modifies(DEPARTMENT)) {
            update.setOnInsert(DEPARTMENT, event.department());
        }
        try {
            var result = mongo.upsert(notYet(id, event, storedDepartment), remember(update, event), type);
            if (result.getMatchedCount() > 0 || result.getUpsertedId() != null) {
                return true;
            }
        } catch (DuplicateKeyException storedAlready) {
            // the document exists but did not match: it carries the event id already, or another department
        }
        refuseIfForeign(type, id, event, storedDepartment);
        return false;
    }

    /**
     * Updates document {@code id} of {@code type}, if this service holds it, unless {@code event} was already applied
     * to it; never creates one. Returns whether the effect was applied now.
     */
    public boolean updateOnce(Class<?> type, Object id, EventEnvelope event, Update update) {
        String department = requireDepartment(event, update);
        if (mongo.updateFirst(notYet(id, event, department), remember(update, event), type).getMatchedCount() > 0) {
            return true;
        }
        refuseIfForeign(type, id, event, department);
        return false;
    }

    /**
     * Refuses {@code event} if the record {@code id} of {@code type} it refers to (e.g. the member a sanction names,
     * kept in another read model) is stored with another department than the event's.
     */
    public void requireSameDepartment(Class<?> type, Object id, EventEnvelope event) {
        refuseIfForeign(type, id, event, requireDepartment(event, new Update()));
    }

    /** The document, if not yet changed by the event, and of the department the event may change (or of none yet). */
    private static Query notYet(Object id, EventEnvelope event, String department) {
        return Query.query(Criteria.where("_id").is(id).and(APPLIED).ne(event.id()).orOperator(
                Criteria.where(DEPARTMENT).is(department), Criteria.where(DEPARTMENT).exists(false)));
    }

    private static Update remember(Update update, EventEnvelope event) {
        return update.push(APPLIED).slice(-REMEMBERED).each(event.id());
    }

    /** The department the stored record must have: the event's, or the one a move leaves. */
    private static String requireDepartment(EventEnvelope event, Update update) {
        String storedDepartment = event.data() != null && event.data().hasNonNull(FROM_DEPARTMENT)
                ? event.data().get(FROM_DEPARTMENT).asString() : event.department();
        if (event.department() == null || storedDepartment == null) {
            throw new PoisonEventException(EventCodec.describe(event) + " names no department", null);
        }
        Object written = update.getUpdateObject().get("$set") instanceof Document set ? set.get(DEPARTMENT) : null;
        if (update.modifies(DEPARTMENT) && !event.department().equals(written)) {
            throw new UntrustedEventException(EventCodec.describe(event) + " of department " + event.department()
                    + " would write another department");
        }
        return storedDepartment;
    }

    /** Refuses the event if the document exists, was not changed by it, and belongs to another department. */
    private void refuseIfForeign(Class<?> type, Object id, EventEnvelope event, String department) {
        Query stored = Query.query(Criteria.where("_id").is(id));
        stored.fields().include(DEPARTMENT).include(APPLIED);
        Document held = mongo.findOne(stored, Document.class, mongo.getCollectionName(type));
        if (held == null || held.getList(APPLIED, String.class, List.of()).contains(event.id())) {
            return;
        }
        Object heldDepartment = held.get(DEPARTMENT);
        if (heldDepartment != null && !Objects.equals(heldDepartment, department)) {
            throw new UntrustedEventException(EventCodec.describe(event) + " for " + mongo.getCollectionName(type)
                    + " " + id + " of department " + heldDepartment + " names department " + department);
        }
    }
}

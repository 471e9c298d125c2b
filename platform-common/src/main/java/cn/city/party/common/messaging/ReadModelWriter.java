package cn.city.party.common.messaging;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies a consumed event to one read-model document exactly once. The marker of applied event ids lives in the
 * document it guards and is written in the same atomic update as the effect, so a redelivered event matches
 * nothing and changes nothing, with no transaction needed.
 */
public class ReadModelWriter {

    public static final String APPLIED = "appliedEvents";
    /** Redeliveries come shortly after the original (rebalance, relay retry); older ids can be forgotten. */
    static final int REMEMBERED = 500;

    private final MongoTemplate mongo;

    public ReadModelWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Upserts document {@code id} of {@code type} with {@code update} unless event {@code eventId} was already applied
     * to it. Returns whether the effect was applied now.
     */
    public boolean applyOnce(Class<?> type, Object id, String eventId, Update update) {
        Query notYet = Query.query(Criteria.where("_id").is(id).and(APPLIED).ne(eventId));
        update.push(APPLIED).slice(-REMEMBERED).each(eventId);
        try {
            var result = mongo.upsert(notYet, update, type);
            return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyApplied) {
            // the document exists and carries the event id: the upsert tried to insert a second one
            return false;
        }
    }
}

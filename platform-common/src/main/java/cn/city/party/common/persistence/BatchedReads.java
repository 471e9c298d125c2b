package cn.city.party.common.persistence;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.stream.Stream;

/**
 * The one way to read more documents than a service's heap holds at once (a pass over the whole city's 30,000
 * members): a stream whose cursor fetches {@value #BATCH} documents at a time. Without a batch size MongoDB sends up
 * to 16 MB per batch, and the MongoDB substitute sends the whole answer in one; org-service ran out of heap decoding
 * the city's members in one answer. The caller closes the stream.
 */
public final class BatchedReads {

    /** Documents per batch: a few MB of the largest documents (a branch's compliance figures, about 23 KB). */
    public static final int BATCH = 200;

    private BatchedReads() {
    }

    public static <T> Stream<T> stream(MongoTemplate mongo, Query query, Class<T> type) {
        return mongo.stream(query.cursorBatchSize(BATCH), type);
    }
}

package cn.city.party.infra.local;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The substitute's H2 store, with one thing real MongoDB does that mongo-java-server 1.47 does not: a query that pins
 * {@code _id} to a value is served from the {@code _id} index even when it also names other fields. The server uses
 * an index only when the query has exactly the index's keys, so the shapes the services send on every write and every
 * read of one record ({@code {_id, version}} of an optimistic save, {@code {_id, department: {$ne}}} of the scope
 * check, {@code {$and: [{_id}, {department: {$in}}]}} of a scoped read) each read the whole collection; at a city's
 * size that is seconds per member saved. The rest of the query is still matched on the one document found. And what a
 * query answers is a copy, never the stored document an update may change while the answer is being sent.
 *
 * <p>The backend and its databases are inner classes so that the store is reachable while their superclasses'
 * constructors open what the file already holds.
 */
public final class MongoSubstituteStore {

    // mongo-java-server 1.47's H2 map names (H2Database's DATABASES_PREFIX and META_PREFIX), kept so existing files open
    private static final String DATA_MAPS = "databases.";
    private static final String META_MAPS = "meta.";

    private final MVStore store;

    private MongoSubstituteStore(MVStore store) {
        this.store = store;
    }

    /** A backend on the H2 file {@code file}, or in memory when it is null. */
    public static MongoBackend open(String file) {
        // H2 rewrites the file's chunks in the background until live data fills it this much; at its default of 90 %
        // the rewriting of a generated city's documents never settled and kept half a core busy on an idle platform.
        // At half, the file holds at most about twice the data
        MVStore store = new MVStore.Builder().fileName(file).autoCompactFillRate(50).open();
        return new MongoSubstituteStore(store).new Backend();
    }

    private final class Backend extends H2Backend {

        Backend() {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName, getCursorRegistry());
        }
    }

    private final class Database extends H2Database {

        Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = store.openMap(DATA_MAPS + fullName);
            MVMap<String, Object> meta = store.openMap(META_MAPS + fullName);
            return new Collection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                   MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
            super(database, name, options, data, meta, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            Optional<Document> byId = idEquality(query).filter(id -> !id.keySet().equals(query.keySet()));
            if (byId.isPresent()) {
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId.get())) {
                        return matchDocuments(query, index.getPositions(byId.get()), orderBy, skip, limit, batchSize,
                                fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        /**
         * What a query answers is a copy of each stored document in the answer. mongo-java-server changes a stored
         * document in place when it updates one that a query found, and encodes a query's answer after its collection's
         * lock is released: an update meanwhile failed the encoding (a ConcurrentModificationException, the reader's
         * connection dropped) eight times in twenty minutes of the weekday load. Updates find their documents through
         * here too, so they change copies and the stored documents are only ever replaced.
         */
        @Override
        protected QueryResult createQueryResult(List<Document> answer, int batchSize) {
            return super.createQueryResult(answer.stream().map(Document::cloneDeeply)
                    .collect(Collectors.toCollection(ArrayList::new)), batchSize);
        }
    }

    /** {@code {_id: value}} when the query, or one of its top-level {@code $and} terms, names {@code _id}. */
    static Optional<Document> idEquality(Document query) {
        if (query.containsKey("_id")) {
            return Optional.of(new Document("_id", query.get("_id")));
        }
        if (query.get("$and") instanceof List<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document d) {
                    Optional<Document> id = idEquality(d);
                    if (id.isPresent()) {
                        return id;
                    }
                }
            }
        }
        return Optional.empty();
    }
}

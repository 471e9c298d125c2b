package cn.city.party.infra.local;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The substitute's H2 store, with two things real MongoDB does that mongo-java-server 1.47 does not. The server uses
 * an index only when the query has exactly the index's keys, and keeps no secondary index at all, so every other
 * query reads its whole collection: at a city's size that is seconds per member saved, and once the file outgrows
 * H2's cache every such read deserializes the collection from disk.
 * <ul>
 *   <li>A query that pins {@code _id} to a value is served from the {@code _id} index even when it also names other
 *   fields: the shapes the services send on every write and every read of one record ({@code {_id, version}} of an
 *   optimistic save, {@code {_id, department: {$ne}}} of the scope check, {@code {$and: [{_id}, {department: {$in}}]}}
 *   of a scoped read).</li>
 *   <li>The declared secondary indexes, and the unique ones on several keys, are kept in memory and serve a query that
 *   pins their leading keys ({@link KeyPrefixIndex}): a department's members, a branch's sittings, the outbox relay's
 *   documents with events waiting.</li>
 *   <li>An aggregation that begins with {@code $match} reads only what that match finds, through the two look-ups
 *   above, where the server reads the whole collection first. Every count the services ask is such an aggregation:
 *   the driver's {@code countDocuments} sends {@code [{$match}, {$group}]}.</li>
 * </ul>
 * The rest of the query is still matched on each document found. And what a query answers is a copy, never the stored
 * document an update may change while the answer is being sent; what a cursor has still to send is kept encoded
 * ({@link EncodedCursor}), and an answer without a sort or a projection is built as its documents are found, so a
 * pass over a large collection in batches holds about one batch as objects.
 *
 * <p>The backend and its databases are inner classes so that the store is reachable while their superclasses'
 * constructors open what the file already holds.
 */
public final class MongoSubstituteStore {

    // mongo-java-server 1.47's H2 map names (H2Database's DATABASES_PREFIX and META_PREFIX), kept so existing files open
    private static final String DATA_MAPS = "databases.";
    private static final String META_MAPS = "meta.";
    private static final Logger LOG = LoggerFactory.getLogger(MongoSubstituteStore.class);
    /** A collection smaller than this is read whole without a word: the read costs little. */
    private static final int SCAN_WORTH_NAMING = 1_000;

    private final MVStore store;

    private MongoSubstituteStore(MVStore store) {
        this.store = store;
    }

    /** A backend on the H2 file {@code file}, or in memory when it is null. */
    public static MongoBackend open(String file) {
        // H2 rewrites the file's chunks in the background until live data fills it this much; at its default of 90 %
        // the rewriting of a generated city's documents never settled and kept half a core busy on an idle platform.
        // At half, the file holds at most about twice the data
        MVStore store = new MVStore.Builder().fileName(file).autoCompactFillRate(50).cacheSize(CACHE_MB).open();
        return new MongoSubstituteStore(store).new Backend();
    }

    /**
     * H2's page cache, in MB as H2 counts them. It keeps the documents it read as objects but counts each at its
     * serialized size, about a tenth of what it takes as objects, so H2's default of 16 can hold well over 100 MB of
     * heap. 6 leaves more of the heap to the queries. (Its share of the whole city's heap dumps, which held 284,000 to
     * 512,000 document objects, was not measured apart from the answers in progress.)
     */
    static final int CACHE_MB = 6;

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

        /** The collection keeps it ({@link Collection#addIndex}); the server would log that it ignores it. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return new EmptyIndex<>(indexName, keys);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                                      Oplog oplog) {
            if (command.equalsIgnoreCase("aggregate") && query.get(command) instanceof String collectionName) {
                Optional<Document> answer = aggregateFromMatch(collectionName, query, resolver, oplog);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        }

        /**
         * The answer of an aggregation whose first stage is {@code $match}, run on the documents that match alone: the
         * whole pipeline, that match included, runs on what the collection's query finds. Empty for any other
         * pipeline, and for one that writes ({@code $out}, {@code $merge}), left to the server.
         */
        private Optional<Document> aggregateFromMatch(String collectionName, Document command, DatabaseResolver resolver,
                                                      Oplog oplog) {
            List<Document> pipeline = Aggregation.parse(command.get("pipeline"));
            MongoCollection<?> collection = resolveCollection(collectionName, false);
            if (collection == null || pipeline.isEmpty() || !(pipeline.get(0).get("$match") instanceof Document match)) {
                return Optional.empty();
            }
            Aggregation aggregation = Aggregation.fromPipeline(pipeline, resolver, this, collection, oplog);
            aggregation.validate(command);
            if (aggregation.isModifying()) {
                return Optional.empty();
            }
            List<Document> result = aggregation.runStages(
                    StreamSupport.stream(collection.handleQuery(match).spliterator(), false));
            // the server's answer to an aggregate: every result in the first batch, no cursor left open
            Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(collectionName))
                    .append("firstBatch", result);
            return Optional.of(new Document("cursor", cursor).append("ok", 1.0));
        }
    }

    private static final class Collection extends H2Collection {

        /** The declared indexes the server cannot serve itself (see {@link KeyPrefixIndex}); built on first use. */
        private final List<KeyPrefixIndex> prefixIndexes = new CopyOnWriteArrayList<>();
        private final List<KeyPrefixIndex> unbuilt = new ArrayList<>();
        /** The query shapes this collection was read whole for, each named in the log once. */
        private final Set<String> scansNamed = ConcurrentHashMap.newKeySet();

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
            // the server's own unique indexes answer the exact shapes they can; the rest are looked up here. Counting
            // does not hold the collection's lock, and the positions found must still be there when they are read
            synchronized (this) {
                if (getIndexes().stream().noneMatch(index -> index.canHandle(query))) {
                    buildPrefixIndexes();
                    Optional<KeyPrefixIndex.Lookup> lookup = prefixIndexes.stream()
                            .flatMap(index -> index.lookup(query).stream())
                            .max(Comparator.comparingInt(KeyPrefixIndex.Lookup::strength));
                    if (lookup.isPresent()) {
                        return matchDocuments(query, lookup.get().positions(), orderBy, skip, limit, batchSize,
                                fieldSelector);
                    }
                    nameScan(query);
                }
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            }
        }

        /**
         * Secondary indexes, and unique ones on more than one key (the server serves those only for all their keys),
         * are kept here too. They live in memory, so they are built again from the documents when the file is opened:
         * all of a collection's at once, on first use, in one read of its documents.
         */
        @Override
        public synchronized void addIndex(Index<Object> index) {
            super.addIndex(index);
            boolean servedByServer = index.isUnique() && index.getKeys().size() == 1;
            if (!servedByServer && prefixIndexes.stream().noneMatch(known -> known.name().equals(index.getName()))) {
                KeyPrefixIndex prefixIndex = new KeyPrefixIndex(index);
                unbuilt.add(prefixIndex);
                prefixIndexes.add(prefixIndex);
            }
        }

        @Override
        public synchronized void dropIndex(String indexName) {
            super.dropIndex(indexName);
            prefixIndexes.removeIf(index -> index.name().equals(indexName));
            unbuilt.removeIf(index -> index.name().equals(indexName));
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            buildPrefixIndexes();
            Object position = super.addDocumentInternal(document);
            prefixIndexes.forEach(index -> index.add(document, position));
            return position;
        }

        @Override
        protected void removeDocument(Object position) {
            buildPrefixIndexes();
            Document stored = getDocument(position);
            super.removeDocument(position);
            if (stored != null) {
                prefixIndexes.forEach(index -> index.remove(stored, position));
            }
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            buildPrefixIndexes();
            super.handleUpdate(position, oldDocument, newDocument);
            prefixIndexes.forEach(index -> {
                index.remove(oldDocument, position);
                index.add(newDocument, position);
            });
        }

        /**
         * Logs, once per shape, a query this collection is read whole for once it is large: where the next index (or
         * query) is wanted. The shape names the fields and operators, never a value, so no national ID reaches the log.
         */
        private void nameScan(Document query) {
            int documents = count();
            if (documents >= SCAN_WORTH_NAMING) {
                String shape = shapeOf(query);
                if (scansNamed.add(shape)) {
                    LOG.info("{} read whole ({} documents) for {}: no declared index serves it", getFullName(), documents,
                            shape);
                }
            }
        }

        private synchronized void buildPrefixIndexes() {
            if (!unbuilt.isEmpty()) {
                streamAllDocumentsWithPosition().forEach(stored ->
                        unbuilt.forEach(index -> index.add(stored.getDocument(), stored.getPosition())));
                unbuilt.clear();
            }
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
            Answer result = new Answer(batchSize);
            answer.forEach(result::add);
            return result.result();
        }

        /**
         * Without a sort or a projection, the documents found go into the answer as they are found, instead of into a
         * list of every match first: a pass over the whole city's members in batches holds one batch as objects here.
         * A sort needs every match at hand, and the server's projection is its own; those go the server's way.
         */
        @Override
        protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int skip, int limit,
                                                       int batchSize, Comparator<Document> order,
                                                       Document fieldSelector) {
            if (order != null || (fieldSelector != null && !fieldSelector.isEmpty())) {
                return super.matchDocumentsFromStream(query, documents, skip, limit, batchSize, order, fieldSelector);
            }
            Stream<Document> matches = documents.filter(document -> documentMatchesQuery(document, query))
                    .skip(Math.max(skip, 0));
            Answer result = new Answer(batchSize);
            (limit > 0 ? matches.limit(limit) : matches).forEach(result::add);
            return result.result();
        }

        /** An answer as it is built: its first batch as copies, the rest kept encoded by its cursor. */
        private final class Answer {

            private final int batchSize;
            private final List<Document> firstBatch = new ArrayList<>();
            private EncodedCursor rest;

            Answer(int batchSize) {
                this.batchSize = batchSize;
            }

            void add(Document stored) {
                if (batchSize <= 0 || firstBatch.size() < batchSize) {
                    firstBatch.add(stored.cloneDeeply());
                    return;
                }
                if (rest == null) {
                    rest = new EncodedCursor(cursorRegistry.generateCursorId());
                }
                rest.add(stored);
            }

            QueryResult result() {
                if (rest == null) {
                    return new QueryResult(firstBatch);
                }
                cursorRegistry.add(rest);
                return new QueryResult(firstBatch, rest);
            }
        }
    }

    /** The query's fields and operators, every value left out: {@code {department: …, status: {$in: …}}}. */
    static String shapeOf(Object condition) {
        if (condition instanceof Document document) {
            return document.entrySet().stream().map(entry -> entry.getKey() + ": " + shapeOf(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (condition instanceof List<?> terms && terms.stream().anyMatch(Document.class::isInstance)) {
            return terms.stream().map(MongoSubstituteStore::shapeOf).collect(Collectors.joining(", ", "[", "]"));
        }
        return "…";
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

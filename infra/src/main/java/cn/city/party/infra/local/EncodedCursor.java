package cn.city.party.infra.local;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What a cursor has still to send, kept as BSON: about a tenth of the documents' size as objects, and each released
 * once sent. mongo-java-server's own cursor keeps the whole answer as objects until its last batch is taken; a service
 * reading the whole city's members a batch at a time kept the substitute holding all 30,000 of them, and it ran out
 * of heap. Encoding copies each document, so nothing kept here changes when the stored one does.
 */
final class EncodedCursor extends AbstractCursor {

    /** Guarded by this. */
    private final Deque<byte[]> remaining = new ArrayDeque<>();

    EncodedCursor(long id) {
        super(id);
    }

    synchronized void add(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            remaining.add(bytes);
        } finally {
            buffer.release();
        }
    }

    @Override
    public synchronized boolean isEmpty() {
        return remaining.isEmpty();
    }

    @Override
    public synchronized List<Document> takeDocuments(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("a batch of at least one document, not " + count);
        }
        List<Document> batch = new ArrayList<>(Math.min(count, remaining.size()));
        while (batch.size() < count && !remaining.isEmpty()) {
            batch.add(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(remaining.poll())));
        }
        return batch;
    }
}

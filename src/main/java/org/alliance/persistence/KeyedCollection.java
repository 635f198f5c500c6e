package org.alliance.persistence;

import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * An embedded collection that finds a document by its key first when a query names the key and
 * more ({@code {_id: key, status: …}}, what {@link ByKey} writes): the server uses an index only for a
 * query that names nothing but the index's fields, so every claim, finish or answer read the whole
 * collection, seconds apiece with 100,000 jobs (issue #12). The whole query is still matched, on the
 * documents the key names.
 */
final class KeyedCollection extends H2Collection {

    private final LongAdder fullReads = new LongAdder();

    KeyedCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                    MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (query.size() > 1 && query.containsKey("_id")) {
            Document byKey = new Document("_id", query.get("_id"));
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(byKey)) {
                    return matchDocuments(query, index.getPositions(byKey), orderBy, skip, limit, batchSize, fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        fullReads.increment();
        return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /** How many queries read every document, so tests can tell. */
    long fullReads() {
        return fullReads.sum();
    }
}

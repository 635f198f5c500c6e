package org.alliance.persistence;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, except that a secondary (non-unique) index costs nothing. The server
 * keeps no such index (it answers those queries by scanning), but before registering its empty stand-in
 * it read every document of the collection twice, once per index: at each {@code createIndex}, and again
 * for every stored index each time the file was opened. With 100,000 jobs and four indexes on them that
 * was eight full reads at start-up, over half a minute on a loaded machine, and a {@code createIndex}
 * that outlasted the driver's read timeout so the bot failed to start (issue #12).
 *
 * <p>Its collections also find a document by key first when a query names the key and more
 * ({@link KeyedCollection}), and its unique indexes compare keys without serializing them each time
 * ({@link SerializedOrder}).
 */
final class EmbeddedBackend extends H2Backend {

    EmbeddedBackend(String file) {
        super(MVStore.open(file));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Not static: the collections it opens while it is being made use the backend's store. */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        /** As the H2 backend opens a collection (the same maps), as a {@link KeyedCollection}. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new KeyedCollection(this, collectionName, options, getMvStore().openMap("databases." + namespace),
                    getMvStore().openMap("meta." + namespace), getCursorRegistry());
        }

        /**
         * As the H2 backend opens a unique index, with its map's keys in {@link SerializedOrder}: opened
         * here first under the name the backend gives it, the backend then finds it open.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
                                                        boolean sparse) {
            getMvStore().openMap(indexMapName(getFullCollectionNamespace(collection), name),
                    new MVMap.Builder<KeyValue, Object>().keyType(new SerializedOrder()));
            return super.openOrCreateUniqueIndex(collection, name, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
                                                           boolean sparse) {
            return new IgnoredIndex(name, keys);
        }
    }

    /** A map of the file as this backend opened it, by its full name; null if the file has none of that name. */
    MVMap<?, ?> openedMap(String mapName) {
        return getMvStore().hasMap(mapName) ? getMvStore().openMap(mapName) : null;
    }

    /** How mongo-java-server's H2 backend names an index's map ({@code EmbeddedBackendTest} checks it). */
    static String indexMapName(String namespace, String index) {
        return namespace + "._index_" + index;
    }

    /** Holds nothing and says it is not empty, so the collection doesn't read its documents to fill it. */
    private static final class IgnoredIndex extends EmptyIndex<Object> {

        IgnoredIndex(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }
}

package org.alliance.persistence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server skips reading a collection to fill a secondary index it never keeps; indexes
 * must still behave as before: unique ones enforced across a restart, secondary ones listed, queries
 * on their fields answered, writes accepted.
 */
class EmbeddedBackendTest {

    @Test
    void indexesBehaveAsBeforeAcrossARestart(@TempDir Path dir) {
        EmbeddedMongoSettings settings = new EmbeddedMongoSettings(0, dir);
        try (EmbeddedMongo mongo = EmbeddedMongo.start(settings);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> jobs = client.getDatabase("alliance").getCollection("jobs");
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                docs.add(new Document("_id", "j" + i).append("status", i % 2 == 0 ? "PENDING" : "DONE")
                        .append("ref", "r" + i));
            }
            jobs.insertMany(docs);
            jobs.createIndex(Indexes.ascending("status", "dueAt"));
            jobs.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.start(settings);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> jobs = client.getDatabase("alliance").getCollection("jobs");
            assertThat(jobs.listIndexes().map(i -> i.getString("name")).into(new ArrayList<>()))
                    .contains("_id_", "status_1_dueAt_1", "ref_1");
            assertThat(jobs.countDocuments(Filters.eq("status", "PENDING"))).isEqualTo(250);

            jobs.createIndex(Indexes.ascending("status", "dueAt"));
            jobs.insertOne(new Document("_id", "new").append("status", "PENDING").append("ref", "r-new"));
            assertThat(jobs.countDocuments(Filters.eq("status", "PENDING"))).isEqualTo(251);
            assertThatThrownBy(() -> jobs.insertOne(new Document("_id", "dup").append("ref", "r7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void aQueryThatNamesTheKeyAndMoreFindsTheDocumentByKeyWithTheSameAnswers(@TempDir Path dir) {
        EmbeddedBackend backend = new EmbeddedBackend(dir.resolve("keyed.mv.db").toString());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> jobs = client.getDatabase("alliance").getCollection("jobs");
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                docs.add(new Document("_id", "j" + i).append("status", i % 2 == 0 ? "PENDING" : "DONE").append("n", i));
            }
            jobs.insertMany(docs);
            KeyedCollection stored = (KeyedCollection) backend.resolveDatabase("alliance").resolveCollection("jobs", false);
            long before = stored.fullReads();

            assertThat(jobs.find(ByKey.of("j3", Filters.eq("status", "DONE"))).first()).extracting(d -> d.get("n"))
                    .isEqualTo(3);
            assertThat(jobs.find(ByKey.of("j4", Filters.eq("status", "DONE"))).first()).isNull();
            assertThat(jobs.find(ByKey.of("nope", Filters.eq("status", "DONE"))).first()).isNull();
            assertThat(jobs.updateOne(ByKey.of("j5", Filters.eq("status", "DONE")), Updates.set("status", "PENDING"))
                    .getModifiedCount()).isEqualTo(1);
            assertThat(jobs.findOneAndUpdate(ByKey.of("j5", Filters.or(Filters.eq("status", "CLAIMED"),
                    Filters.lte("n", 5))), Updates.set("status", "CLAIMED"))).isNotNull();
            assertThat(jobs.find(ByKey.all(List.of("j7", "j6", "j8"), Filters.eq("status", "PENDING")))
                    .sort(Sorts.descending("n")).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("j8", "j6");
            assertThat(jobs.deleteMany(ByKey.all(List.of("j6", "j7", "j8"), Filters.eq("status", "PENDING")))
                    .getDeletedCount()).isEqualTo(2);
            assertThat(stored.fullReads()).as("none of these read the whole collection").isEqualTo(before);

            // A query that doesn't name the key is answered as before: by reading every document.
            assertThat(jobs.countDocuments(Filters.eq("status", "CLAIMED"))).isEqualTo(1);
            assertThat(stored.fullReads()).isGreaterThan(before);
        } finally {
            server.shutdown();
        }
    }

    /** A file written before the bot had its own collections (or by the stock backend) opens with its data. */
    @Test
    void aFileTheStockBackendWroteOpensWithItsDocuments(@TempDir Path dir) {
        String file = dir.resolve("stock.mv.db").toString();
        MongoServer stock = new MongoServer(new H2Backend(file));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stock.bind().getPort())) {
            client.getDatabase("alliance").getCollection("jobs")
                    .insertMany(List.of(new Document("_id", "a").append("status", "PENDING"), new Document("_id", "b")));
        } finally {
            stock.shutdown();
        }

        EmbeddedBackend backend = new EmbeddedBackend(file);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> jobs = client.getDatabase("alliance").getCollection("jobs");
            assertThat(jobs.countDocuments()).isEqualTo(2);
            assertThat(jobs.find(ByKey.of("a", Filters.eq("status", "PENDING"))).first()).isNotNull();
        } finally {
            server.shutdown();
        }
    }

    /** Unique indexes keep H2's order of keys: each backend finds every key in an index the other wrote. */
    @Test
    void uniqueIndexesWrittenByEitherBackendServeTheOther(@TempDir Path dir) {
        String file = dir.resolve("both.mv.db").toString();
        withJobs(new H2Backend(file), jobs -> {
            jobs.insertMany(jobs(0, 1_000));
            jobs.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
        });
        EmbeddedBackend backend = new EmbeddedBackend(file);
        withJobs(backend, jobs -> {
            // The names mongo-java-server gives the maps, written out: the maps holding the keys have the new order.
            for (String map : List.of("alliance.jobs._index__id_", "alliance.jobs._index_ref_1")) {
                org.h2.mvstore.MVMap<?, ?> opened = backend.openedMap(map);
                assertThat(opened).as(map).isNotNull();
                assertThat(opened.getKeyType()).as(map).isInstanceOf(SerializedOrder.class);
                assertThat(opened.sizeAsLong()).as(map).isEqualTo(1_000);
            }
            assertEveryKeyFound(jobs, 1_000);
            jobs.insertMany(jobs(1_000, 2_000));
            assertEveryKeyFound(jobs, 2_000);
        });
        withJobs(new H2Backend(file), jobs -> assertEveryKeyFound(jobs, 2_000));
    }

    private static List<Document> jobs(int from, int to) {
        List<Document> docs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            docs.add(new Document("_id", "j" + i).append("ref", "r" + i).append("n", i));
        }
        return docs;
    }

    private static void assertEveryKeyFound(MongoCollection<Document> jobs, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(jobs.find(Filters.eq("_id", "j" + i)).first()).as("j%d", i).extracting(d -> d.get("n")).isEqualTo(i);
            assertThat(jobs.find(Filters.eq("ref", "r" + i)).first()).as("r%d", i).extracting(d -> d.get("n")).isEqualTo(i);
        }
        int taken = count / 2;
        assertThatThrownBy(() -> jobs.insertOne(new Document("_id", "j" + taken))).isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> jobs.insertOne(new Document("_id", "other").append("ref", "r" + taken)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    }

    private static void withJobs(H2Backend backend, java.util.function.Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            work.accept(client.getDatabase("alliance").getCollection("jobs"));
        } finally {
            server.shutdown();
        }
    }
}

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
}

package org.alliance.persistence;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.alliance.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByKeyTest {

    @Test
    void theKeyIsAtTheTopOfTheQueryWhereTheEmbeddedServerLooksForItsIndex() {
        assertThat(ByKey.of("j1", Filters.eq("status", "CLAIMED"), Filters.or(Filters.eq("a", 1), Filters.eq("b", 2)))
                .toBsonDocument().toJson())
                .isEqualTo("{\"_id\": \"j1\", \"status\": \"CLAIMED\", \"$or\": [{\"a\": 1}, {\"b\": 2}]}");
        assertThat(ByKey.all(List.of("j1", "j2"), Filters.eq("status", "PENDING")).toBsonDocument().toJson())
                .isEqualTo("{\"_id\": {\"$in\": [\"j1\", \"j2\"]}, \"status\": \"PENDING\"}");
    }

    @Test
    void twoConditionsOnOneFieldAreRefusedRatherThanOneSilentlyDropped() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ByKey.of("j1", Filters.eq("status", "PENDING"), Filters.eq("status", "CLAIMED")))
                .withMessageContaining("status");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ByKey.of("j1", Filters.eq("_id", "j2")));
    }

    @Test
    void itMatchesWhatTheSameConditionsUnderAndMatch() {
        MongoCollection<Document> jobs = InMemoryMongo.freshDatabase().getCollection("jobs");
        jobs.insertMany(List.of(new Document("_id", "j1").append("status", "PENDING"),
                new Document("_id", "j2").append("status", "CLAIMED"),
                new Document("_id", "j3").append("status", "PENDING")));

        assertThat(ids(jobs, ByKey.of("j1", Filters.eq("status", "PENDING")))).containsExactly("j1");
        assertThat(ids(jobs, ByKey.of("j2", Filters.eq("status", "PENDING")))).isEmpty();
        assertThat(ids(jobs, ByKey.all(List.of("j1", "j2", "j3"), Filters.eq("status", "PENDING"))))
                .containsExactlyInAnyOrder("j1", "j3");
    }

    private static List<Object> ids(MongoCollection<Document> jobs, org.bson.conversions.Bson query) {
        return jobs.find(query).map(d -> d.get("_id")).into(new ArrayList<>());
    }
}

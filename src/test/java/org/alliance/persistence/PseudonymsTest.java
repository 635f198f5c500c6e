package org.alliance.persistence;

import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PseudonymsTest {

    private final MongoDatabase db = InMemoryMongo.freshDatabase();
    private final MongoCollection<Document> docs = db.getCollection("docs");

    @Test
    void replacesWholeValuesKeyPartsIdsAndMentionsButNotLongerIds() {
        docs.insertOne(new Document("_id", "C1:U1").append("teamId", "T1")
                .append("inner", new Document("userId", "U1").append("people", List.of("U1", "U12")))
                .append("text", "thanks <@U1|ann> and <@U12>, U1 too"));
        docs.insertOne(new Document("_id", "C1:U12").append("teamId", "T1").append("userId", "U12"));
        docs.insertOne(new Document("_id", "C2:U1").append("teamId", "T2").append("userId", "U1"));

        long changed = Pseudonyms.replace(docs, Filters.eq("teamId", "T1"), "U1", "erased-x");

        assertThat(changed).isEqualTo(1);
        assertThat(docs.find(Filters.eq("_id", "C1:U1")).first()).isNull();
        Document moved = docs.find(Filters.eq("_id", "C1:erased-x")).first();
        assertThat(moved.get("inner", Document.class).getString("userId")).isEqualTo("erased-x");
        assertThat(moved.get("inner", Document.class).getList("people", String.class)).containsExactly("erased-x", "U12");
        assertThat(moved.getString("text")).isEqualTo("thanks <@erased-x> and <@U12>, erased-x too");
        assertThat(docs.find(Filters.eq("_id", "C1:U12")).first().getString("userId")).isEqualTo("U12");
        assertThat(docs.find(Filters.eq("_id", "C2:U1")).first()).as("another workspace").isNotNull();
        assertThat(Pseudonyms.holds(moved, "U1")).isFalse();
        assertThat(Pseudonyms.holds(moved, "U12")).isTrue();
    }
}

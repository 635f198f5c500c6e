package org.alliance.checkin;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.persistence.ByKey;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/**
 * The opaque keys behind the "Reply privately" buttons of an anonymous summary: each maps to one
 * answer's author and question. A key is 128 random bits, so it says nothing about the author nor
 * about the order anyone was asked or answered in; only this collection ties it to a person.
 */
@Repository
class AnonymousKeys {

    public record KeyDocument(@BsonId String id, String teamId, String checkInId, String authorId, String questionId,
                              Instant issuedAt) {
    }

    /** One answer a key stands for. */
    record Entry(String teamId, String checkInId, String authorId, String questionId) {
    }

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final MongoCollection<KeyDocument> collection;
    private final SecureRandom random = new SecureRandom();

    AnonymousKeys(MongoDatabase database) {
        this.collection = database.getCollection("anonymous_keys", KeyDocument.class);
    }

    /** Keys made while rendering one summary, stored together before the summary is posted. */
    final class Batch {
        private final List<KeyDocument> issued = new ArrayList<>();
        private final Instant at;

        private Batch(Instant at) {
            this.at = at;
        }

        String key(CheckIn c, Response author, String questionId) {
            String key = fresh();
            issued.add(new KeyDocument(key, c.teamId(), c.id(), author.userId(), questionId, at));
            return key;
        }

        void save() {
            if (!issued.isEmpty()) {
                collection.insertMany(issued);
            }
        }
    }

    Batch batch(Instant at) {
        return new Batch(at);
    }

    Optional<Entry> find(String teamId, String key) {
        if (key == null || key.isBlank() || key.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.find(ByKey.of(key, Filters.eq("teamId", teamId)))
                .first()).map(d -> new Entry(d.teamId(), d.checkInId(), d.authorId(), d.questionId()));
    }

    private String fresh() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return URL.encodeToString(bytes);
    }
}

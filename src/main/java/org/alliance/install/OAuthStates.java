package org.alliance.install;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.service.OAuthStateService;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The OAuth {@code state}: issued with the install page, kept in {@code oauth_states} for ten
 * minutes, and good for one try. The browser that asked for it also gets it in a cookie, as an
 * HMAC under {@code SLACK_STATE_SECRET}, so a state lured into someone else's browser is refused.
 * Checking a state spends it ({@code findOneAndDelete}): two redirects racing with one state can't
 * both pass, and a failed code exchange needs a fresh start from the install page.
 */
class OAuthStates implements OAuthStateService {

    static final Duration VALID_FOR = Duration.ofSeconds(DEFAULT_EXPIRATION_IN_SECONDS);

    public record StateDocument(@BsonId String state, Instant createdAt) {
    }

    private final MongoCollection<StateDocument> collection;
    private final SecretKeySpec secret;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OAuthStates(MongoDatabase database, String stateSecret, Clock clock) {
        this.collection = database.getCollection("oauth_states", StateDocument.class);
        this.secret = new SecretKeySpec(stateSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    @Override
    public String getSessionCookieName() {
        return "alliance-oauth-state";
    }

    @Override
    public String generateNewStateValue() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String generateSessionCookieValue(Request request, String state) {
        return mac(state);
    }

    @Override
    public void addNewStateToDatastore(String state) {
        Instant now = clock.instant();
        // No TTL index on every server this runs on: expired states are swept as new ones are issued.
        collection.deleteMany(Filters.lt("createdAt", now.minus(VALID_FOR)));
        collection.insertOne(new StateDocument(state, now));
    }

    /** Valid once: the state matches this browser's cookie, was issued here under ten minutes ago, and is spent now. */
    @Override
    public boolean isValid(Request request) {
        String given = extractStateFromQueryString(request);
        String cookie = extractStateFromSession(request);
        if (given == null || given.isBlank() || cookie == null || !java.security.MessageDigest.isEqual(
                mac(given).getBytes(StandardCharsets.US_ASCII), cookie.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        return spend(given);
    }

    /** Takes the state out of the store; true if it was there and fresh. */
    boolean spend(String state) {
        StateDocument found = collection.findOneAndDelete(Filters.eq("_id", state));
        return found != null && fresh(found);
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        StateDocument found = collection.find(Filters.eq("_id", state)).first();
        return found != null && fresh(found);
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        if (state != null) {
            collection.deleteOne(Filters.eq("_id", state));
        }
    }

    private boolean fresh(StateDocument found) {
        return found.createdAt().plus(VALID_FOR).isAfter(clock.instant());
    }

    private String mac(String state) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(state.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

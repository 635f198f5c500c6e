package org.alliance.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Puts a pseudonym wherever a user id is stored: as a whole value, as a part of a key such as
 * {@code checkInId:userId} (document ids included), and as a mention ({@code <@U123|name>}) inside
 * text. Works on raw documents, so a field added later is covered without code naming it.
 */
public final class Pseudonyms {

    private Pseudonyms() {
    }

    /**
     * Rewrites every document matched by {@code filter} that holds {@code userId}; returns how many changed.
     * A document whose id changes is stored under the new id before the old one is deleted, so a crash
     * half-way leaves both, never neither.
     */
    public static long replace(MongoCollection<Document> collection, Bson filter, String userId, String pseudonym) {
        Pattern mention = Pattern.compile("<@" + Pattern.quote(userId) + "(\\|[^>]*)?>");
        Pattern token = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(userId) + "(?![A-Za-z0-9])");
        String replacement = Matcher.quoteReplacement(pseudonym);
        long changed = 0;
        List<Document> found = collection.find(filter).into(new ArrayList<>());
        for (Document doc : found) {
            Object id = doc.get("_id");
            Document scrubbed = (Document) scrub(doc, mention, token, replacement);
            if (scrubbed.equals(doc)) {
                continue;
            }
            Object newId = scrubbed.get("_id");
            if (newId.equals(id)) {
                // Only the fields that change, so a concurrent change to another field of the document is kept.
                List<Bson> sets = new ArrayList<>();
                changes("", doc, scrubbed, sets);
                collection.updateOne(Filters.eq("_id", id), Updates.combine(sets));
            } else {
                collection.insertOne(scrubbed);
                collection.deleteOne(Filters.eq("_id", id));
            }
            changed++;
        }
        return changed;
    }

    /** Whether {@code userId} appears anywhere in {@code doc}, by the same rules {@link #replace} uses. */
    public static boolean holds(Document doc, String userId) {
        Pattern token = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(userId) + "(?![A-Za-z0-9])");
        return !scrub(doc, token, token, "").equals(doc);
    }

    private static void changes(String prefix, Document before, Document after, List<Bson> sets) {
        for (Map.Entry<String, Object> field : after.entrySet()) {
            Object was = before.get(field.getKey());
            Object now = field.getValue();
            if (java.util.Objects.equals(now, was) || prefix.isEmpty() && field.getKey().equals("_id")) {
                continue;
            }
            if (was instanceof Document w && now instanceof Document n) {
                changes(prefix + field.getKey() + ".", w, n, sets);
            } else {
                sets.add(Updates.set(prefix + field.getKey(), now));
            }
        }
    }

    private static Object scrub(Object value, Pattern mention, Pattern token, String replacement) {
        if (value instanceof String s) {
            String r = mention.matcher(s).replaceAll("<@" + replacement + ">");
            return token.matcher(r).replaceAll(replacement);
        }
        if (value instanceof Map<?, ?> map) {
            Document copy = new Document();
            map.forEach((k, v) -> copy.put(String.valueOf(k), scrub(v, mention, token, replacement)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(scrub(v, mention, token, replacement)));
            return copy;
        }
        return value;
    }
}

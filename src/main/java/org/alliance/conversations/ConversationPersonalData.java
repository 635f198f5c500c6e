package org.alliance.conversations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.persistence.Pseudonyms;
import org.alliance.schedule.Job;
import org.alliance.schedule.Schedule;
import org.alliance.workspace.PersonalData;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Conversations about a person's answers. What they write is relayed, not kept: only where the threads
 * are, plus, for an anonymous conversation, a message on its way (in the relay's job, until the job
 * record is swept). A leader's copy never names the author of an anonymous answer.
 */
@Component
class ConversationPersonalData implements PersonalData {

    private final MongoCollection<Document> named;
    private final MongoCollection<Document> anonymous;
    private final Schedule schedule;

    ConversationPersonalData(MongoDatabase database, Schedule schedule) {
        this.named = database.getCollection("conversations");
        this.anonymous = database.getCollection("anonymous_conversations");
        this.schedule = schedule;
    }

    @Override
    public String section() {
        return "conversations";
    }

    @Override
    public Object export(String teamId, String userId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Document doc : named.find(namedWith(teamId, userId))) {
            Document c = doc.get("conversation", Document.class);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("aboutAnswerTo", c.getString("checkInId"));
            row.put("you", userId.equals(c.getString("leaderId")) ? "leader" : "author of the answer");
            row.put("with", userId.equals(c.getString("leaderId")) ? c.getString("personId") : c.getString("leaderId"));
            row.put("startedAt", c.get("createdAt"));
            rows.add(row);
        }
        for (Document c : anonymous.find(anonymousWith(teamId, userId))) {
            boolean author = userId.equals(c.getString("authorId"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("aboutAnswerTo", c.getString("checkInId"));
            row.put("anonymous", true);
            row.put("you", author ? "author of the answer" : "leader");
            row.put("question", c.getString("question"));
            row.put("startedAt", c.get("createdAt"));
            List<String> onTheirWay = new ArrayList<>();
            for (Job<AnonymousRelayData> job : schedule.upcoming(AnonymousRelay.KIND, "conversationId", c.get("_id"))) {
                boolean fromAuthor = job.payload().direction() == AnonymousRelayData.Direction.TO_LEADER;
                if (fromAuthor == author) {
                    onTheirWay.add(job.payload().text());
                }
            }
            row.put("yourMessagesOnTheirWay", onTheirWay);
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("note", "Replies are passed on, not kept: their text is in your Slack DMs, not stored by Alliance.");
        section.put("threads", rows);
        return section;
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        Set<String> leaders = new HashSet<>();
        named.find(Filters.and(Filters.eq("conversation.teamId", teamId), Filters.eq("conversation.personId", userId)))
                .forEach(d -> leaders.add(d.get("conversation", Document.class).getString("leaderId")));
        long messages = 0;
        for (Document c : anonymous.find(anonymousWith(teamId, userId))) {
            if (userId.equals(c.getString("authorId"))) {
                leaders.add(c.getString("leaderId"));
            }
            messages += schedule.drop(AnonymousRelay.KIND, "conversationId", c.get("_id"));
        }
        leaders.remove(userId);
        long renamed = Pseudonyms.replace(named, Filters.eq("conversation.teamId", teamId), userId, pseudonym)
                + Pseudonyms.replace(anonymous, Filters.eq("teamId", teamId), userId, pseudonym);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("relayed messages erased", messages);
        counts.put("conversations now under a pseudonym", renamed);
        return new Erased(counts, leaders);
    }

    private static Bson namedWith(String teamId, String userId) {
        return Filters.and(Filters.eq("conversation.teamId", teamId), Filters.or(
                Filters.eq("conversation.leaderId", userId), Filters.eq("conversation.personId", userId)));
    }

    private static Bson anonymousWith(String teamId, String userId) {
        return Filters.and(Filters.eq("teamId", teamId),
                Filters.or(Filters.eq("leaderId", userId), Filters.eq("authorId", userId)));
    }
}

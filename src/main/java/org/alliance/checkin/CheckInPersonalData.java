package org.alliance.checkin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.alliance.persistence.Pseudonyms;
import org.alliance.questions.Question;
import org.alliance.workspace.PersonalData;
import org.springframework.stereotype.Component;

/**
 * A person's check-ins: their answers (anonymous ones included, marked: they are theirs), skips with
 * reasons, and the check-ins they lead. Forgetting them erases what they wrote but keeps each response,
 * under a pseudonym, so a leader's "4 of 5 answered" stays true. A leader who is forgotten keeps their
 * check-ins' answers for the people who gave them (README, "Data protection"): their open ones stop.
 */
@Component
class CheckInPersonalData implements PersonalData {

    private static final int MAX = 10_000;

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final MongoDatabase database;
    private final Clock clock;

    CheckInPersonalData(CheckInRepository checkIns, ResponseRepository responses, MongoDatabase database, Clock clock) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "checkIns";
    }

    @Override
    public Object export(String teamId, String userId) {
        List<Response> mine = responses.forUser(teamId, userId);
        Map<String, CheckIn> byId = checkIns.findAll(teamId, mine.stream().map(Response::checkInId).toList()).stream()
                .collect(Collectors.toMap(CheckIn::id, Function.identity()));
        List<Map<String, Object>> answered = new ArrayList<>();
        for (Response r : mine) {
            CheckIn c = byId.get(r.checkInId());
            if (c != null) {
                answered.add(answer(c, r));
            }
        }
        List<Map<String, Object>> led = new ArrayList<>();
        for (CheckIn c : checkIns.ledBy(teamId, userId, MAX)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("checkInId", c.id());
            row.put("title", c.title());
            row.put("createdAt", c.createdAt());
            row.put("status", c.status().name().toLowerCase());
            row.put("peopleAsked", c.participants().size());
            row.put("questions", c.questions().stream().map(Question::text).toList());
            led.add(row);
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("yourAnswers", answered);
        section.put("checkInsYouLead", led);
        return section;
    }

    private static Map<String, Object> answer(CheckIn c, Response r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("checkInId", c.id());
        row.put("title", c.title());
        row.put("askedBy", c.leaderId());
        row.put("askedAt", c.createdAt());
        row.put("visibility", c.visibility().name().toLowerCase());
        row.put("status", r.status().name().toLowerCase());
        List<Map<String, Object>> answers = new ArrayList<>();
        r.ownAnswers(c).forEach((questionId, text) -> {
            Question q = c.question(questionId).orElseThrow();
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("question", q.text());
            a.put("kind", q.kind().name().toLowerCase());
            a.put("answer", text);
            a.put("anonymous", c.visibility() == Visibility.ANONYMOUS || q.isAnonymous());
            answers.add(a);
        });
        row.put("answers", answers);
        if (r.skipReason() != null) {
            row.put("skipReason", r.skipReason());
        }
        row.put("answeredAt", r.answeredAt());
        row.put("lastChangedAt", r.updatedAt());
        return row;
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        List<Response> mine = responses.forUser(teamId, userId);
        Set<String> leaders = new HashSet<>();
        checkIns.findAll(teamId, mine.stream().map(Response::checkInId).toList())
                .forEach(c -> leaders.add(c.leaderId()));
        long answers = mine.stream().filter(r -> !r.answers().isEmpty()).count();
        long skips = mine.stream().filter(r -> r.skipReason() != null).count();
        database.getCollection("responses").updateMany(
                Filters.and(Filters.eq("response.teamId", teamId), Filters.eq("response.userId", userId)),
                Updates.combine(Updates.set("response.answers", new org.bson.Document()),
                        Updates.unset("response.skipReason")));
        long stopped = 0;
        for (CheckIn open : checkIns.openLedBy(teamId, userId, MAX)) {
            if (checkIns.endIfOpen(open.ended(CheckInStatus.STOPPED, clock.instant())).isPresent()) {
                responses.markMissed(open.id(), clock.instant());
                stopped++;
            }
        }
        long renamed = Pseudonyms.replace(database.getCollection("checkins"), Filters.eq("checkIn.teamId", teamId),
                userId, pseudonym) + Pseudonyms.replace(database.getCollection("responses"),
                Filters.eq("response.teamId", teamId), userId, pseudonym)
                + Pseudonyms.replace(database.getCollection("anonymous_keys"), Filters.eq("teamId", teamId), userId,
                pseudonym);
        leaders.remove(userId);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("answers erased", answers);
        counts.put("reasons for skipping erased", skips);
        counts.put("open check-ins you led stopped", stopped);
        counts.put("check-in records now under a pseudonym", renamed);
        return new Erased(counts, leaders);
    }
}

package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.mongodb.client.MongoDatabase;
import org.alliance.questions.Question;

/**
 * Check-ins and their responses written straight into {@code checkins} and {@code responses} in
 * the stored shape (the repositories' documents, through the record codec), for benchmarks that
 * need years of history without running years of check-ins. Deterministic for a given {@link Random}.
 */
public final class SeededCheckIns {

    /** One person asked in one check-in; {@code answered} when their answers are there to follow up on. */
    public record Asked(String checkInId, String memberId, Instant at, boolean answered) {
    }

    /**
     * @param ended ids of the ended check-ins, oldest first
     * @param open  ids of the open ones
     * @param asked everyone asked, in every check-in, oldest first
     */
    public record Seeded(List<String> ended, List<String> open, List<Asked> asked, int responses,
                         Map<Visibility, Integer> byVisibility, String largestLeaderOnly) {
    }

    private record Purpose(String key, String title, List<Question> questions) {
    }

    private static final List<Purpose> PURPOSES = List.of(
            new Purpose("development", "Developing people", List.of(
                    Question.text("aspirations", "What are your career aspirations?"),
                    Question.text("skills", "What skills would you like to develop?"),
                    Question.scale("growth", "How much is your current work helping you grow? (1 = not at all, 5 = a lot)"),
                    Question.text("help", "What can I do to help you succeed, learn and develop?"))),
            new Purpose("trust", "Building trust", List.of(
                    Question.text("important", "What is important for you in your work?"),
                    Question.text("managed", "How do you like to be managed?"),
                    Question.text("feedback", "How do you like to receive feedback?"),
                    Question.scale("openness", "How comfortable do you feel raising a concern with me? (1-5)"))),
            new Purpose("collaboration", "Enhancing collaboration", List.of(
                    Question.text("how", "How do you like to work with others on the team?"),
                    Question.text("needs", "What do you need from the team to do your best work?"),
                    Question.scale("working", "How well is the team working together right now? (1-5)"),
                    Question.text("change", "What one change would help us collaborate better?"))));

    private static final String WORDS = "we shipped the release and I would like more time for design reviews "
            + "pairing helped a lot but the on-call rota is heavy this month and I want to grow into leading "
            + "the platform work next quarter with clearer priorities & fewer meetings <please>";

    private SeededCheckIns() {
    }

    /**
     * Seeds {@code ended} past check-ins of {@code leaderId}, one every 18 hours back from {@code now},
     * and {@code open} ones started in the last hours. Each asks {@code focus} and up to
     * {@code maxOthers} others of {@code people}; about 60% are leader-only, 25% thread and 15%
     * anonymous; about 75% of people answer (two to four answers), 15% skip, the rest miss.
     */
    public static Seeded seed(MongoDatabase db, String idPrefix, String teamId, String leaderId, List<String> people,
                              String focus, int maxOthers, int ended, int open, Instant now, Random rnd) {
        List<CheckInRepository.CheckInDocument> checkIns = new ArrayList<>();
        List<ResponseRepository.ResponseDocument> responses = new ArrayList<>();
        List<String> endedIds = new ArrayList<>();
        List<String> openIds = new ArrayList<>();
        List<Asked> asked = new ArrayList<>();
        Map<Visibility, Integer> byVisibility = new HashMap<>();
        String largest = null;
        int largestSize = 0;
        List<String> others = people.stream().filter(p -> !p.equals(focus)).toList();
        for (int i = 0; i < ended + open; i++) {
            boolean isOpen = i >= ended;
            String id = String.format("%s%04d", idPrefix, i);
            Instant createdAt = isOpen ? now.minus(Duration.ofHours(1 + i - ended))
                    : now.minus(Duration.ofHours(18L * (ended - i) + 48));
            Instant dueAt = createdAt.plus(Duration.ofDays(2));
            Purpose purpose = PURPOSES.get(rnd.nextInt(PURPOSES.size()));
            List<String> participants = new ArrayList<>(List.of(focus));
            int extra = rnd.nextInt(maxOthers + 1);
            while (participants.size() < 1 + extra && participants.size() <= others.size()) {
                String p = others.get(rnd.nextInt(others.size()));
                if (!participants.contains(p)) {
                    participants.add(p);
                }
            }
            double v = rnd.nextDouble();
            Visibility visibility = v < 0.6 ? Visibility.LEADER : v < 0.85 ? Visibility.THREAD : Visibility.ANONYMOUS;
            byVisibility.merge(visibility, 1, Integer::sum);
            boolean anyMissed = false;
            for (String userId : participants) {
                ResponseStatus status = isOpen
                        ? (rnd.nextDouble() < 0.4 ? ResponseStatus.ANSWERED : ResponseStatus.PENDING)
                        : pick(rnd);
                anyMissed |= status == ResponseStatus.MISSED;
                Instant answeredAt = status == ResponseStatus.ANSWERED
                        ? createdAt.plus(Duration.ofMinutes(10 + rnd.nextInt(2000))) : null;
                Map<String, String> answers = status == ResponseStatus.ANSWERED
                        ? answers(purpose.questions(), rnd) : Map.of();
                String reason = status == ResponseStatus.SKIPPED && rnd.nextBoolean()
                        ? "Not this week, " + phrase(rnd, 20) : null;
                Response r = new Response(Response.idOf(id, userId), teamId, id, userId, status, answers, reason,
                        "D" + userId, ts(createdAt, i), answers.size(), null,
                        status == ResponseStatus.ANSWERED && visibility != Visibility.ANONYMOUS ? ts(answeredAt, i) : null,
                        answeredAt, answeredAt != null ? answeredAt : createdAt);
                responses.add(new ResponseRepository.ResponseDocument(r.id(), r));
                asked.add(new Asked(id, userId, createdAt, status == ResponseStatus.ANSWERED));
            }
            CheckInStatus status = isOpen ? CheckInStatus.OPEN
                    : rnd.nextDouble() < 0.03 ? CheckInStatus.STOPPED
                    : anyMissed ? CheckInStatus.CLOSED : CheckInStatus.COMPLETED;
            Instant closedAt = isOpen ? null : anyMissed ? dueAt : createdAt.plus(Duration.ofHours(30));
            String threadTs = ts(createdAt, i);
            checkIns.add(new CheckInRepository.CheckInDocument(id, new CheckIn(id, teamId, leaderId, purpose.key(),
                    purpose.title(), "Seeded for a benchmark", purpose.questions(), participants, "C0BENCH", threadTs,
                    threadTs, visibility, 3, dueAt, createdAt, status, closedAt, "D" + leaderId, threadTs)));
            (isOpen ? openIds : endedIds).add(id);
            if (!isOpen && visibility == Visibility.LEADER && participants.size() > largestSize) {
                largest = id;
                largestSize = participants.size();
            }
        }
        db.getCollection("checkins", CheckInRepository.CheckInDocument.class).insertMany(checkIns);
        db.getCollection("responses", ResponseRepository.ResponseDocument.class).insertMany(responses);
        return new Seeded(endedIds, openIds, asked, responses.size(), byVisibility, largest);
    }

    private static ResponseStatus pick(Random rnd) {
        double d = rnd.nextDouble();
        return d < 0.75 ? ResponseStatus.ANSWERED : d < 0.9 ? ResponseStatus.SKIPPED : ResponseStatus.MISSED;
    }

    private static Map<String, String> answers(List<Question> questions, Random rnd) {
        Map<String, String> answers = new HashMap<>();
        int count = 2 + rnd.nextInt(questions.size() - 1);
        for (Question q : questions.subList(0, count)) {
            answers.put(q.id(), q.kind() == org.alliance.questions.QuestionKind.SCALE
                    ? String.valueOf(1 + rnd.nextInt(5)) : phrase(rnd, 40 + rnd.nextInt(260)));
        }
        return answers;
    }

    private static String phrase(Random rnd, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            int from = rnd.nextInt(WORDS.length() - 30);
            s.append(WORDS, from, from + 30).append(' ');
        }
        return s.substring(0, length).strip();
    }

    private static String ts(Instant at, int n) {
        return at.getEpochSecond() + String.format(".%06d", n);
    }
}

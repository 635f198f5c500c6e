package org.alliance.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.alliance.questions.Question;
import org.alliance.questions.QuestionSet;
import org.alliance.questions.QuestionSets;
import org.alliance.slack.SlackText;
import org.alliance.snooze.Snoozes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.alliance.shared.ShortIds;
import org.alliance.shared.TimeZones;
import org.alliance.slack.People;
import org.alliance.slack.SlackDates;

/**
 * Starts a check-in: checks the request, posts the parent message, stores the check-in and one
 * pending response per person, then sends each person their DM. Anything refused before the
 * DMs leaves nothing behind. Runs after the Slack request was acknowledged.
 */
@Service
public class CheckInStarter {

    private static final Logger log = LoggerFactory.getLogger(CheckInStarter.class);
    private static final int MAX_CUSTOM_QUESTIONS = 10;

    private final QuestionSets questionSets;
    private final People people;
    private final CheckInMessenger messenger;
    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final ShortIds ids;
    private final CheckInSettings settings;
    private final CheckInSchedule schedule;
    private final Snoozes snoozes;
    private final TimeZones timeZones;
    private final Ending ending;
    private final Clock clock;

    CheckInStarter(QuestionSets questionSets, People people, CheckInMessenger messenger, CheckInRepository checkIns,
                   ResponseRepository responses, ShortIds ids, CheckInSettings settings, CheckInSchedule schedule,
                   Snoozes snoozes, TimeZones timeZones, Ending ending, Clock clock) {
        this.questionSets = questionSets;
        this.people = people;
        this.messenger = messenger;
        this.checkIns = checkIns;
        this.responses = responses;
        this.ids = ids;
        this.settings = settings;
        this.schedule = schedule;
        this.snoozes = snoozes;
        this.timeZones = timeZones;
        this.ending = ending;
        this.clock = clock;
    }

    public StartOutcome start(StartRequest request) {
        return start(request, null, 0);
    }

    /**
     * One round of a recurring check-in: each person is invited at {@code localTime} in their own
     * time zone, and the round is due that long after the last of them is invited.
     */
    public StartOutcome startRound(StartRequest request, LocalDateTime localTime, int round) {
        return start(request, localTime, round);
    }

    /** Whether a request would start, without starting it: the leader hears about a typo at once. */
    public Optional<String> check(StartRequest request) {
        Plan plan = plan(request);
        return Optional.ofNullable(plan.refusal());
    }

    /** Who a request would ask, for planning rounds; empty when it would be refused. */
    public List<String> participantsOf(StartRequest request) {
        return participants(request).ids();
    }

    private record Plan(QuestionSet set, List<String> participants, String refusal) {
    }

    private Plan plan(StartRequest request) {
        Optional<QuestionSet> set = questionSet(request);
        if (set.isEmpty()) {
            return new Plan(null, List.of(), QuestionSets.CUSTOM.equals(request.purpose())
                    ? "Please write at least one question of your own (one per line)."
                    : "I don't know the purpose `" + SlackText.escape(request.purpose()) + "`. Choose one of: "
                            + String.join(", ", questionSets.keys(request.teamId()).stream().map(k -> "`" + k + "`").toList())
                            + ". Type `/alliance templates` to see their questions.");
        }
        if (request.channelId() == null || request.channelId().isBlank()) {
            return new Plan(null, List.of(), "Please choose the channel whose thread will hold the check-in.");
        }
        Participants participants = participants(request);
        return new Plan(set.get(), participants.ids(), participants.refusal());
    }

    private StartOutcome start(StartRequest request, LocalDateTime localTime, int round) {
        Instant now = clock.instant();
        if (localTime == null && request.dueAt() != null && !request.dueAt().isAfter(now)) {
            return refused("The due time must be in the future.");
        }
        Plan plan = plan(request);
        if (plan.refusal() != null) {
            return refused(plan.refusal());
        }
        Map<String, Instant> inviteAt = new LinkedHashMap<>();
        for (String userId : plan.participants()) {
            Instant local = localTime == null ? now : localTime.atZone(timeZones.of(request.teamId(), userId)).toInstant();
            inviteAt.put(userId, local.isAfter(now) ? local : now);
        }
        Instant lastInvite = inviteAt.values().stream().max(Instant::compareTo).orElse(now);
        Duration open = request.dueIn() != null ? request.dueIn() : settings.defaultDue();
        Instant dueAt = localTime == null && request.dueAt() != null ? request.dueAt() : lastInvite.plus(open);
        QuestionSet set = plan.set();
        if (round > 0) {
            set = new QuestionSet(set.key(), set.title() + " (round " + round + ")", set.objective(), set.questions());
        }
        String objective = request.objective() == null || request.objective().isBlank()
                ? set.objective() : request.objective().strip();
        Visibility visibility = request.visibility() == null ? Visibility.LEADER : request.visibility();
        Map<String, Instant> away = new LinkedHashMap<>();
        for (String userId : plan.participants()) {
            snoozes.awayUntil(request.teamId(), userId).ifPresent(until -> away.put(userId, until));
        }

        CheckIn checkIn = insertWithFreshId(request, set, objective, plan.participants(), visibility, dueAt, now);
        try {
            CheckInMessenger.Posted parent = messenger.postParent(checkIn, Progress.of(initial(checkIn, away, now)));
            checkIn = checkIn.withParent(parent.ts(), request.threadTs() != null ? request.threadTs() : parent.ts());
        } catch (CheckInMessenger.CannotPost e) {
            checkIns.delete(checkIn.id());
            return refused(e.getMessage());
        } catch (RuntimeException e) {
            checkIns.delete(checkIn.id());
            log.error("Check-in {}: could not post the parent message", checkIn.id(), e);
            return refused("I couldn't post the check-in in <#" + checkIn.channelId() + ">: Slack didn't answer. "
                    + "Nothing was started; please try again in a moment.");
        }
        try {
            if (visibility == Visibility.LEADER) {
                CheckInMessenger.Posted thread = messenger.startLeaderThread(checkIn);
                checkIn = checkIn.withLeaderThread(thread.channelId(), thread.ts());
            }
            checkIns.replace(checkIn);
            responses.insertAll(initial(checkIn, away, now));
            schedule.started(checkIn);
        } catch (RuntimeException e) {
            log.error("Check-in {}: could not be stored; removing its parent message", checkIn.id(), e);
            responses.deleteForCheckIn(checkIn.id());
            checkIns.delete(checkIn.id());
            messenger.deleteParent(checkIn);
            return refused("Something went wrong while starting the check-in, so nothing was started. "
                    + "Please try again in a moment.");
        }
        log.info("Check-in {} started by {} in team {} with {} people", checkIn.id(), checkIn.leaderId(),
                checkIn.teamId(), checkIn.participants().size());
        List<String> notReached = invite(checkIn, inviteAt, now);
        if (!away.isEmpty()) {
            // Everyone might be away: then there is nobody left to wait for.
            ending.completeIfAllIn(checkIn.id());
        }
        return new StartOutcome.Started(checkIn, notReached);
    }

    /**
     * Sends the DMs due now and schedules the others; a person who cannot be reached is
     * reported, never retried into a duplicate.
     */
    private List<String> invite(CheckIn checkIn, Map<String, Instant> inviteAt, Instant now) {
        List<String> notReached = new ArrayList<>();
        for (Response response : responses.forCheckIn(checkIn.id())) {
            if (response.dmTs() != null || response.status() != ResponseStatus.PENDING) {
                continue;
            }
            Instant at = inviteAt.getOrDefault(response.userId(), now);
            if (at.isAfter(now)) {
                schedule.inviteLater(checkIn, response.userId(), at);
                continue;
            }
            try {
                CheckInMessenger.Posted dm = messenger.invite(checkIn, response);
                responses.invited(response.id(), dm.channelId(), dm.ts());
                schedule.invited(checkIn, response.userId(), now);
            } catch (RuntimeException e) {
                log.warn("Check-in {}: could not DM {}: {}", checkIn.id(), response.userId(), e.getMessage());
                notReached.add(response.userId());
            }
        }
        if (!notReached.isEmpty()) {
            messenger.tell(checkIn.teamId(), checkIn.leaderId(), "I couldn't send check-in `" + checkIn.id()
                    + "` to " + String.join(", ", notReached.stream().map(u -> "<@" + u + ">").toList())
                    + ". They may have deactivated accounts or blocked DMs from apps.");
        }
        return notReached;
    }

    private CheckIn insertWithFreshId(StartRequest request, QuestionSet set, String objective, List<String> participants,
                                      Visibility visibility, Instant dueAt, Instant now) {
        for (int attempt = 0; attempt < 10; attempt++) {
            CheckIn checkIn = new CheckIn(ids.next(), request.teamId(), request.leaderId(), set.key(), set.title(),
                    objective, set.questions(), participants, request.channelId(), null, request.threadTs(), visibility,
                    settings.anonymousThreshold(), dueAt, now, CheckInStatus.OPEN, null, null, null);
            if (checkIns.insert(checkIn)) {
                return checkIn;
            }
        }
        throw new IllegalStateException("could not draw a free check-in id");
    }

    /** Everyone starts pending, except people away, who are skipped with the reason shown to the leader. */
    private static List<Response> initial(CheckIn checkIn, Map<String, Instant> away, Instant now) {
        return checkIn.participants().stream()
                .map(u -> away.containsKey(u)
                        ? Response.away(checkIn.teamId(), checkIn.id(), u, "Away until " + SlackDates.format(away.get(u)), now)
                        : Response.pending(checkIn.teamId(), checkIn.id(), u, now))
                .toList();
    }


    private Optional<QuestionSet> questionSet(StartRequest request) {
        if (!QuestionSets.CUSTOM.equals(request.purpose())) {
            return questionSets.find(request.teamId(), request.purpose());
        }
        List<Question> questions = new ArrayList<>();
        for (String line : request.customQuestions()) {
            if (!line.isBlank() && questions.size() < MAX_CUSTOM_QUESTIONS) {
                questions.add(Question.text("q" + (questions.size() + 1), line.strip()));
            }
        }
        return questions.isEmpty() ? Optional.empty()
                : Optional.of(new QuestionSet(QuestionSets.CUSTOM, "Your own questions", "", questions));
    }

    private record Participants(List<String> ids, String refusal) {
    }

    private Participants participants(StartRequest request) {
        Set<String> candidates = new LinkedHashSet<>(request.userIds());
        for (String group : request.userGroupIds()) {
            Optional<List<String>> members = people.userGroupMembers(request.teamId(), group);
            if (members.isEmpty()) {
                return new Participants(List.of(), "I couldn't find the user group `" + SlackText.escape(group) + "`.");
            }
            candidates.addAll(members.get());
        }
        for (String channel : request.memberChannelIds()) {
            Optional<List<String>> members = people.channelMembers(request.teamId(), channel);
            if (members.isEmpty()) {
                return new Participants(List.of(), "I can't see who is in <#" + channel + ">. Invite me to it with "
                        + "`/invite @Alliance`, or choose people one by one.");
            }
            candidates.addAll(members.get());
        }
        boolean explicit = !request.userIds().isEmpty();
        List<String> chosen = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String userId : candidates) {
            Optional<People.Person> person = people.find(request.teamId(), userId);
            if (person.isEmpty()) {
                unknown.add(userId);
            } else if (person.get().bot() || person.get().deleted()) {
                if (explicit && request.userIds().contains(userId)) {
                    return new Participants(List.of(), "<@" + userId + "> can't take part: "
                            + (person.get().bot() ? "it's an app, not a person." : "their account is deactivated."));
                }
            } else if (!(userId.equals(request.leaderId()) && !request.userIds().contains(userId))) {
                // A leader pulled in through a group or channel is left out: they ask, they don't answer.
                chosen.add(userId);
            }
        }
        if (!unknown.isEmpty()) {
            return new Participants(List.of(), "I couldn't find " + (unknown.size() == 1 ? "the user " : "the users ")
                    + String.join(", ", unknown.stream().map(u -> "`" + SlackText.escape(u) + "`").toList())
                    + " in this workspace. Please pick people from Slack's list of members.");
        }
        if (chosen.isEmpty()) {
            return new Participants(List.of(), "Please choose at least one person to ask.");
        }
        if (chosen.size() > settings.maxParticipants()) {
            return new Participants(List.of(), "That's " + chosen.size() + " people; a check-in can ask at most "
                    + settings.maxParticipants() + ". Please choose fewer.");
        }
        return new Participants(chosen, null);
    }

    private static StartOutcome refused(String message) {
        return new StartOutcome.Refused(message);
    }
}
